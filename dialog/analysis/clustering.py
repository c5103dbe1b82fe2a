"""Cluster participants into opinion groups the way Polis does: base clusters, then groups."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
from sklearn.cluster import KMeans
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import silhouette_score

MIN_VOTES_IN_CONVERSATION = 7
BASE_CLUSTERS = 100
MAX_GROUPS = 5


@dataclass(frozen=True, eq=False)
class Clustering:
    """Opinion groups for the participants; label -1 means not clustered."""

    labels: np.ndarray
    in_conversation: np.ndarray
    base_labels: np.ndarray
    base_centers: np.ndarray
    silhouettes: dict[int, float] = field(default_factory=dict)

    @property
    def n_groups(self) -> int:
        """Return the number of opinion groups."""
        return int(self.labels.max()) + 1 if self.labels.size and self.labels.max() >= 0 else 0


def in_conversation(values: np.ndarray) -> np.ndarray:
    """Mark participants who voted on at least min(7, number of perspectives with votes)."""
    seen = ~np.isnan(values)
    n_active = int(seen.any(axis=0).sum())
    if n_active == 0:
        return np.zeros(values.shape[0], dtype=bool)
    return seen.sum(axis=1) >= min(MIN_VOTES_IN_CONVERSATION, n_active)


def _kmeans(
    points: np.ndarray, k: int, seed: int, weights: np.ndarray | None = None, n_init: int = 1
) -> tuple[np.ndarray, np.ndarray, float]:
    """Run Lloyd's k-means and return centres, labels and the (weighted) inertia."""
    model = KMeans(n_clusters=k, n_init=n_init, random_state=seed, algorithm="lloyd")
    with warnings.catch_warnings():
        # Duplicate points can leave fewer distinct clusters than k; that is expected here.
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(points, sample_weight=weights)
    return model.cluster_centers_, model.labels_, float(model.inertia_)


def base_clusters(points: np.ndarray, seed: int, k: int = BASE_CLUSTERS) -> tuple[np.ndarray, np.ndarray]:
    """Quantise participants into at most k base clusters; return centres and labels."""
    distinct = np.unique(points, axis=0)
    if len(distinct) <= k:
        # Few distinct positions: each one is its own base cluster, exactly.
        _, labels = np.unique(points, axis=0, return_inverse=True)
        return distinct, labels.ravel()
    centers, labels, _ = _kmeans(points, k, seed)
    # Drop empty clusters and renumber, so every base cluster has members.
    used, labels = np.unique(labels, return_inverse=True)
    return centers[used], labels


def _group_silhouette(centers: np.ndarray, labels: np.ndarray) -> float:
    """Return the silhouette of a grouping of base clusters, -1 when undefined."""
    n_labels = len(np.unique(labels))
    if n_labels < 2:
        return -1.0
    if n_labels == len(centers):
        # Every base cluster alone: Polis scores singletons 0, and so does the whole clustering.
        return 0.0
    return float(silhouette_score(centers, labels))


def group_clusters(
    centers: np.ndarray, weights: np.ndarray, seed: int, max_groups: int = MAX_GROUPS
) -> tuple[np.ndarray, dict[int, float]]:
    """Group the base clusters for k = 2..max, keeping the k with the best silhouette."""
    # Polis caps k by the number of base clusters: 2 + one more group per 12 base clusters.
    max_k = min(max_groups, 2 + len(centers) // 12, len(centers))
    best_labels = np.zeros(len(centers), dtype=np.int64)
    best_score = -np.inf
    scores: dict[int, float] = {}
    for k in range(2, max_k + 1):
        _, labels, _ = _kmeans(centers, k, seed, weights=weights, n_init=10)
        scores[k] = _group_silhouette(centers, labels)
        if scores[k] > best_score:
            best_score, best_labels = scores[k], labels
    return best_labels, scores


def _canonical(labels: np.ndarray) -> np.ndarray:
    """Renumber groups by size (largest first, ties by first member) for stable ids."""
    valid = labels >= 0
    if not valid.any():
        return labels
    groups, first, counts = np.unique(labels[valid], return_index=True, return_counts=True)
    order = np.lexsort((first, -counts))
    rank = np.empty(len(groups), dtype=np.int64)
    rank[order] = np.arange(len(groups))
    out = np.full_like(labels, -1)
    out[valid] = rank[np.searchsorted(groups, labels[valid])]
    return out


def cluster_participants(projection: np.ndarray, values: np.ndarray, seed: int = 0) -> Clustering:
    """Cluster the participants in conversation; the others get label -1."""
    n = projection.shape[0]
    active = in_conversation(values)
    labels = np.full(n, -1, dtype=np.int64)
    base_labels = np.full(n, -1, dtype=np.int64)
    points = projection[active]
    if len(np.unique(points, axis=0)) < 2:
        return Clustering(labels, active, base_labels, np.empty((0, 2)))
    centers, member_base = base_clusters(points, seed)
    weights = np.bincount(member_base, minlength=len(centers)).astype(np.float64)
    group_of_base, scores = group_clusters(centers, weights, seed)
    base_labels[active] = member_base
    labels[active] = group_of_base[member_base]
    return Clustering(_canonical(labels), active, base_labels, centers, scores)

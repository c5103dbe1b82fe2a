"""Cluster participants into opinion groups the way Polis does: base clusters, then groups."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np

MIN_VOTES_IN_CONVERSATION = 7
BASE_CLUSTERS = 100
MAX_GROUPS = 5
GROUP_RESTARTS = 10
RESTART_SAMPLE = 4000
K_TOLERANCE = 0.02


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
    active: np.ndarray = seen.sum(axis=1) >= min(MIN_VOTES_IN_CONVERSATION, n_active)
    return active


def base_clusters(
    points: np.ndarray, seed: int, k: int = BASE_CLUSTERS
) -> tuple[np.ndarray, np.ndarray]:
    """Quantise participants into at most k base clusters; return centres and labels."""
    distinct = np.unique(points, axis=0)
    if len(distinct) <= k:
        # Few distinct positions: each one is its own base cluster, exactly.
        _, labels = np.unique(points, axis=0, return_inverse=True)
        return distinct, labels.ravel()
    # Imported here: scikit-learn takes seconds to import, and most callers of this package
    # (the web app, the perspective graph) never cluster.
    from sklearn.cluster import KMeans
    from sklearn.exceptions import ConvergenceWarning

    model = KMeans(n_clusters=k, n_init=1, random_state=seed, algorithm="lloyd")
    with warnings.catch_warnings():
        # Duplicate points can leave fewer distinct clusters than k; that is expected here.
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(points)
    # Drop empty clusters and renumber, so every base cluster has members.
    used, labels = np.unique(model.labels_, return_inverse=True)
    return model.cluster_centers_[used], labels


def _group_silhouette(centers: np.ndarray, labels: np.ndarray) -> float:
    """Return the silhouette of a grouping of base clusters, -1 when undefined."""
    n_labels = len(np.unique(labels))
    if n_labels < 2:
        return -1.0
    if n_labels == len(centers):
        # Every base cluster alone: Polis scores singletons 0, and so does the whole clustering.
        return 0.0
    from sklearn.metrics import silhouette_score

    return float(silhouette_score(centers, labels))


def _assign(points: np.ndarray, centers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return each point's nearest centre and squared distance, per restart: (R, N) each."""
    best = np.full((centers.shape[0], len(points)), np.inf)
    labels = np.zeros(best.shape, dtype=np.int64)
    for j in range(centers.shape[1]):
        # Coordinate by coordinate: cheaper than reducing over a length-2 axis.
        dist = sum(
            (points[None, :, d] - centers[:, j, d, None]) ** 2 for d in range(points.shape[1])
        )
        closer = dist < best
        best = np.where(closer, dist, best)
        labels[closer] = j
    return labels, best


def _plus_plus(
    points: np.ndarray, weights: np.ndarray, k: int, restarts: int, rng: np.random.Generator
) -> np.ndarray:
    """Draw k-means++ starting centres for several restarts at once: (R, k, d)."""
    chosen = np.empty((restarts, k), dtype=np.int64)
    chosen[:, 0] = rng.choice(len(points), size=restarts, p=weights / weights.sum())
    for j in range(1, k):
        _, nearest = _assign(points, points[chosen[:, :j]])
        mass = nearest * weights[None, :]
        # Where every point already sits on a centre, fall back to drawing by weight alone.
        mass = np.where(mass.sum(axis=1, keepdims=True) > 0, mass, weights[None, :])
        cumulative = np.cumsum(mass, axis=1)
        draws = rng.random(restarts) * cumulative[:, -1]
        chosen[:, j] = (cumulative < draws[:, None]).sum(axis=1).clip(max=len(points) - 1)
    return points[chosen]


def _lloyd(
    points: np.ndarray, weights: np.ndarray, centers: np.ndarray, max_iter: int = 100
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Run weighted Lloyd iterations for all restarts at once; return centres, labels, inertia."""
    restarts, k, dims = centers.shape
    offsets = (np.arange(restarts) * k)[:, None]
    tiled = np.tile(weights, restarts)
    tiled_coords = [tiled * np.tile(points[:, d], restarts) for d in range(dims)]
    # Stop once no centre moves more than a tiny fraction of the data's spread.
    tolerance = 1e-6 * max(float(points.var(axis=0).sum()), 1e-12)
    for _ in range(max_iter):
        labels, _ = _assign(points, centers)
        flat = (labels + offsets).ravel()
        mass = np.bincount(flat, tiled, restarts * k).reshape(restarts, k, 1)
        sums = np.stack([np.bincount(flat, c, restarts * k) for c in tiled_coords], axis=1)
        # An emptied cluster keeps its old centre rather than vanishing.
        moved = np.where(
            mass > 0, sums.reshape(restarts, k, dims) / np.maximum(mass, 1e-300), centers
        )
        shift = float(((moved - centers) ** 2).sum(axis=2).max())
        centers = moved
        if shift <= tolerance:
            break
    labels, nearest = _assign(points, centers)
    return centers, labels, (nearest * weights[None, :]).sum(axis=1)


def _best_kmeans(
    points: np.ndarray,
    k: int,
    seed: int,
    weights: np.ndarray | None = None,
    init: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, float]:
    """Run k-means from k-means++ restarts (or a given start) and keep the lowest inertia."""
    w = np.ones(len(points)) if weights is None else weights
    if init is None:
        rng = np.random.default_rng(seed)
        sample = np.arange(len(points))
        if len(points) > RESTART_SAMPLE:
            # Restarts only need to find the right basin: a sample does that, at a fixed cost.
            sample = np.sort(rng.choice(len(points), RESTART_SAMPLE, replace=False))
        starts = _plus_plus(points[sample], w[sample], k, GROUP_RESTARTS, rng)
        centers, _, inertia = _lloyd(points[sample], w[sample], starts)
        init = centers[int(np.argmin(inertia))]
    centers, labels, inertia = _lloyd(points, w, init[None, :, :])
    return centers[0], labels[0], float(inertia[0])


def _groups_for_k(
    points: np.ndarray, centers: np.ndarray, weights: np.ndarray, k: int, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """Split participants into k groups; return member labels and each base cluster's group."""
    # Polis runs weighted k-means over the base clusters; we use that as one candidate and
    # refine it on the participants, next to k-means++ restarts on the participants. The
    # lowest inertia wins: the base quantisation (and so the seed) then no longer decides who
    # sits on which side of a boundary.
    from_base, _, _ = _best_kmeans(centers, k, seed, weights=weights)
    refined = _best_kmeans(points, k, seed, init=from_base)
    restarted = _best_kmeans(points, k, seed + 1)
    group_centers, member_labels, _ = min(refined, restarted, key=lambda fit: fit[2])
    distances = ((centers[:, None, :] - group_centers[None, :, :]) ** 2).sum(axis=2)
    return member_labels, distances.argmin(axis=1)


def choose_k(scores: dict[int, float], tolerance: float = K_TOLERANCE) -> int:
    """Pick the smallest k whose silhouette is within tolerance of the best one."""
    # Polis only switches k after a new k has won several updates in a row; computing from
    # scratch we have no history, so we get the same stability by preferring fewer groups
    # unless more groups are clearly better.
    best = max(scores.values())
    return min(k for k, score in scores.items() if score >= best - tolerance)


def group_clusters(
    points: np.ndarray,
    member_base: np.ndarray,
    centers: np.ndarray,
    seed: int,
    max_groups: int = MAX_GROUPS,
) -> tuple[np.ndarray, dict[int, float]]:
    """Cluster participants into k = 2..max groups and keep the k chosen by silhouette."""
    weights = np.bincount(member_base, minlength=len(centers)).astype(np.float64)
    # Polis caps k by the number of base clusters: 2 + one more group per 12 base clusters.
    max_k = min(max_groups, 2 + len(centers) // 12, len(centers))
    candidates: dict[int, np.ndarray] = {}
    scores: dict[int, float] = {}
    for k in range(2, max_k + 1):
        member_labels, base_of = _groups_for_k(points, centers, weights, k, seed)
        candidates[k] = member_labels
        # Silhouette over base-cluster centres, unweighted, as Polis computes it.
        scores[k] = _group_silhouette(centers, base_of)
    if not scores:
        return np.zeros(len(points), dtype=np.int64), scores
    return candidates[choose_k(scores)], scores


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
    member_groups, scores = group_clusters(points, member_base, centers, seed)
    base_labels[active] = member_base
    labels[active] = member_groups
    return Clustering(_canonical(labels), active, base_labels, centers, scores)

"""k-means that continues from the previous update's clusters, as Polis's incremental math does.

A warm start is by membership, not by position: each previous cluster is recentred on where
its members are now (the projection moves between updates, and may even flip), clusters that
lost every member are dropped, clusters that landed on the same centre are merged, and while
there are fewer clusters than k (and more distinct points) the point farthest from every
centre starts a cluster of its own. Without a previous clustering the first k distinct points
are the centres. Then weighted Lloyd iterations until no centre moves more than 0.01.

Items carry stable integer keys (a participant's row, a base cluster's id), so the next
update can find the members again. Everything is deterministic: no random restarts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CONVERGED = 0.01


@dataclass(frozen=True, eq=False)
class KeyedClusters:
    """Clusters with stable ids: each item's cluster id (by key), and each cluster's centre."""

    keys: np.ndarray
    cluster_of: np.ndarray
    ids: np.ndarray
    centres: np.ndarray

    def members(self, cluster_id: int) -> np.ndarray:
        """Return the keys of one cluster's members."""
        found: np.ndarray = self.keys[self.cluster_of == cluster_id]
        return found


def _nearest(points: np.ndarray, centres: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return each point's nearest centre (first on ties) and its distance."""
    distances = np.sqrt(((points[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2))
    nearest = distances.argmin(axis=1)
    return nearest, distances[np.arange(len(points)), nearest]


def _means(points: np.ndarray, weights: np.ndarray, labels: np.ndarray, n: int) -> np.ndarray:
    """Return the weighted mean of each label's points (NaN for a label without points)."""
    mass = np.bincount(labels, weights, n)
    sums = np.stack([np.bincount(labels, weights * points[:, d], n) for d in range(2)], axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        means: np.ndarray = sums / mass[:, None]
    return means


def _cold_start(points: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Return ids and centres: the first k distinct points, in item order."""
    _, first = np.unique(points, axis=0, return_index=True)
    centres = points[np.sort(first)[:k]]
    return np.arange(len(centres)), centres


def _warm_start(
    points: np.ndarray, weights: np.ndarray, previous: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray]:
    """Return ids and centres recentred from previous cluster ids per item (-1: new item)."""
    member = previous.copy()
    ids = np.unique(member[member >= 0])
    if len(ids) == 0:
        # Nobody seen before: one cluster of everyone, then split below.
        member[:] = 0
        ids = np.zeros(1, dtype=np.int64)
    index = np.searchsorted(ids, np.where(member >= 0, member, ids[0]))
    centres = _means(points, weights, np.where(member >= 0, index, len(ids)), len(ids) + 1)
    centres = centres[: len(ids)]
    # Clusters on the same centre become one, keeping the id of the larger.
    size = np.bincount(index[member >= 0], minlength=len(ids))
    _, first, inverse = np.unique(centres, axis=0, return_index=True, return_inverse=True)
    if len(first) < len(ids):
        keep = np.zeros(len(ids), dtype=bool)
        for group in range(len(first)):
            together = np.flatnonzero(inverse.ravel() == group)
            largest = together[np.argmax(size[together])]
            keep[largest] = True
            member[np.isin(member, ids[together])] = ids[largest]
        ids, centres = ids[keep], centres[keep]
    possible = min(k, len(np.unique(points, axis=0)))
    while len(ids) < possible:
        _, distance = _nearest(points, centres)
        far = int(distance.argmax())
        if distance[far] <= 0:
            break
        new_id = int(ids.max()) + 1
        member[far] = new_id
        ids = np.append(ids, new_id)
        labels = np.where(member >= 0, np.searchsorted(ids, member), len(ids))
        recentred = _means(points, weights, labels, len(ids) + 1)[: len(ids)]
        centres = np.where(np.isnan(recentred), np.vstack([centres, points[far]]), recentred)
    return ids, centres


def warm_kmeans(
    points: np.ndarray,
    keys: np.ndarray,
    k: int,
    previous: KeyedClusters | None = None,
    weights: np.ndarray | None = None,
    max_iter: int = 20,
) -> KeyedClusters:
    """Cluster points into at most k clusters, continuing from a previous clustering if any."""
    w = np.ones(len(points)) if weights is None else weights.astype(np.float64)
    if previous is None or len(previous.keys) == 0:
        ids, centres = _cold_start(points, k)
    else:
        order = np.argsort(previous.keys)
        at = np.searchsorted(previous.keys[order], keys).clip(max=len(order) - 1)
        found = previous.keys[order][at] == keys
        before = np.where(found, previous.cluster_of[order][at], -1)
        ids, centres = _warm_start(points, w, before, k)
    labels = np.zeros(len(points), dtype=np.int64)
    for _ in range(max_iter):
        labels, _ = _nearest(points, centres)
        used = np.bincount(labels, minlength=len(ids)) > 0
        moved = _means(points, w, labels, len(ids))
        shift = np.sqrt(((moved[used] - centres[used]) ** 2).sum(axis=1))
        # Clusters left without members disappear, as in Polis.
        ids, centres = ids[used], moved[used]
        if used.all() and (shift < CONVERGED).all():
            break
    labels, _ = _nearest(points, centres)
    return KeyedClusters(keys, ids[labels], ids, centres)


def silhouette(points: np.ndarray, labels: np.ndarray) -> float:
    """Return the mean silhouette of labelled points (singletons score 0), -1 if undefined."""
    groups = np.unique(labels)
    if len(groups) < 2 or len(groups) >= len(points):
        return -1.0 if len(groups) < 2 else 0.0
    distances = np.sqrt(((points[:, None, :] - points[None, :, :]) ** 2).sum(axis=2))
    member = labels[None, :] == groups[:, None]  # (groups, points)
    sums = distances @ member.T  # (points, groups)
    counts = member.sum(axis=1).astype(np.float64)
    own = np.searchsorted(groups, labels)
    own_count = counts[own] - 1
    a = np.divide(
        sums[np.arange(len(points)), own],
        own_count,
        out=np.zeros(len(points)),
        where=own_count > 0,
    )
    other = sums / counts[None, :]
    other[np.arange(len(points)), own] = np.inf
    b = other.min(axis=1)
    score = np.where(own_count > 0, (b - a) / np.maximum(np.maximum(a, b), 1e-300), 0.0)
    return float(score.mean())

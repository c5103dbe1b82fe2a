"""Replay a conversation's vote log the way Polis's incremental math saw it.

Polis recomputes the opinion groups as votes arrive, and every update continues from the last:
participants stay "in conversation" once they qualified (at least min(7, comments voted on)
votes, counting votes on rejected comments; the 15 most active while fewer qualify), the 100
base clusters and the group clusterings for each k warm-start from the previous update's
(``warm_kmeans``), and the number of groups changes only after a new k has had the best
silhouette (over the base clusters) ``K_BUFFER`` updates in a row. The groups a Polis export
holds are the end of that path; ``replay_groups`` walks it, updating after each cut in the log.

Used by ``replay_polis_history.py`` only: the replay was measured and not adopted (its result
depends on when the updates happen, which an export does not record; docs/performance.md,
"Replaying Polis's history").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from warm_kmeans import KeyedClusters, silhouette, warm_kmeans

from dialog.analysis.pca import fit_pca

BASE_K = 100
MAX_GROUPS = 5
K_BUFFER = 4
GREEDY_IN_CONVERSATION = 15
MIN_VOTES = 7
# 0: the k with the best silhouette, as Polis; else the smallest k within this of the best.
K_TOLERANCE = 0.0


@dataclass
class ReplayState:
    """What one update hands to the next."""

    in_conversation: np.ndarray
    base: KeyedClusters | None = None
    groups: dict[int, KeyedClusters] = field(default_factory=dict)
    last_k: int = 0
    last_k_count: int = 0
    smoothed_k: int = 0


def _in_conversation(state: np.ndarray, counts: np.ndarray, n_comments: int) -> np.ndarray:
    """Add who now has enough votes (sticky), topped up with the most active up to 15."""
    active = state | (counts >= min(MIN_VOTES, n_comments)) & (counts > 0)
    missing = GREEDY_IN_CONVERSATION - int(active.sum())
    if missing > 0:
        candidates = np.flatnonzero(~active & (counts > 0))
        # Most votes first, ties by row (join order): a stable sort on the negated counts.
        top = candidates[np.argsort(-counts[candidates], kind="stable")[:missing]]
        active = active.copy()
        active[top] = True
    return active


def _update(state: ReplayState, points: np.ndarray, rows: np.ndarray) -> None:
    """Recluster the participants in conversation at their new positions."""
    state.base = warm_kmeans(points, rows, BASE_K, state.base, max_iter=100)
    base = state.base
    weights = np.bincount(np.searchsorted(base.ids, base.cluster_of), minlength=len(base.ids))
    max_k = min(MAX_GROUPS, 2 + len(base.ids) // 12)
    scores: dict[int, float] = {}
    for k in range(2, max_k + 1):
        grouping = warm_kmeans(
            base.centres, base.ids, k, state.groups.get(k), weights=weights.astype(np.float64)
        )
        state.groups[k] = grouping
        scores[k] = silhouette(base.centres, grouping.cluster_of)
    if not scores:
        return
    best = max(scores.values())
    this_k = min(k for k, score in scores.items() if score >= best - K_TOLERANCE)
    state.last_k_count = state.last_k_count + 1 if this_k == state.last_k else 1
    state.last_k = this_k
    if state.last_k_count >= K_BUFFER or state.smoothed_k == 0:
        state.smoothed_k = this_k


def _apply(values: np.ndarray, rows: np.ndarray, cols: np.ndarray, votes: np.ndarray) -> None:
    """Write a batch of votes into the matrix, the last vote per cell winning."""
    cell = rows * values.shape[1] + cols
    filled, first = np.unique(cell[::-1], return_index=True)
    values.ravel()[filled] = votes[len(cell) - 1 - first]


def replay_groups(
    participant_rows: np.ndarray,
    comment_cols: np.ndarray,
    votes: np.ndarray,
    accepted: np.ndarray,
    cuts: Sequence[int],
    plane: str = "polis",
) -> np.ndarray:
    """Replay a time-ordered vote log; return each participant row's group (-1: none).

    ``comment_cols`` indexes all comments (rejected ones too); ``accepted`` marks the comments
    whose votes enter the matrix. Polis updates after each cut (an index into the log).
    """
    n_rows = int(participant_rows.max()) + 1 if len(participant_rows) else 0
    n_comments = len(accepted)
    keep = accepted[comment_cols]
    column = np.cumsum(accepted) - 1
    values = np.full((n_rows, int(accepted.sum())), np.nan, dtype=np.float32)
    seen_any = np.zeros((n_rows, n_comments), dtype=bool)
    state = ReplayState(np.zeros(n_rows, dtype=bool))
    start = 0
    for end in cuts:
        if end <= start:
            continue
        batch = slice(start, end)
        seen_any[participant_rows[batch], comment_cols[batch]] = True
        ok = keep[batch]
        _apply(
            values,
            participant_rows[batch][ok],
            column[comment_cols[batch][ok]],
            np.sign(votes[batch][ok]).astype(np.float32),
        )
        start = end
        counts = seen_any.sum(axis=1)
        state.in_conversation = _in_conversation(
            state.in_conversation, counts, int(seen_any.any(axis=0).sum())
        )
        voted = np.flatnonzero(counts > 0)
        rejected = int((seen_any.any(axis=0) & ~accepted).sum())
        pca = fit_pca(values[voted], excluded_perspectives=rejected)
        if plane == "polis":
            pca = pca.rescaled(float(rejected))
        at = np.full(n_rows, -1)
        at[voted] = np.arange(len(voted))
        rows = np.flatnonzero(state.in_conversation)
        _update(state, pca.projection[at[rows]], rows)
    labels = np.full(n_rows, -1, dtype=np.int64)
    if state.base is None or state.smoothed_k == 0:
        return labels
    grouping = state.groups[state.smoothed_k]
    group_of_base = dict(zip(grouping.keys.tolist(), grouping.cluster_of.tolist(), strict=True))
    base = state.base
    labels[base.keys] = [group_of_base.get(b, -1) for b in base.cluster_of.tolist()]
    return labels

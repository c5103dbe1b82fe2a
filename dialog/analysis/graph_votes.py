"""Sparse vote tables for the perspective graph: co-agreement and opinion-group rates."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from dialog.analysis.graph_model import OpinionInput, ParticipantId, PerspectiveId


@dataclass
class VoteTable:
    """Latest votes as sparse participant x perspective 0/1 matrices (columns = perspectives)."""

    participant_ids: list[ParticipantId]
    agree: sparse.csr_matrix
    disagree: sparse.csr_matrix
    voted: sparse.csr_matrix

    @property
    def n_participants(self) -> int:
        return len(self.participant_ids)

    def totals(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return agree, disagree and pass counts per perspective."""
        agree = np.asarray(self.agree.sum(axis=0)).ravel().astype(np.int64)
        disagree = np.asarray(self.disagree.sum(axis=0)).ravel().astype(np.int64)
        seen = np.asarray(self.voted.sum(axis=0)).ravel().astype(np.int64)
        return agree, disagree, seen - agree - disagree


def _codes(labels: tuple[Hashable, ...]) -> tuple[list[Hashable], np.ndarray]:
    """Factorise labels: unique labels and one code per label (vectorised for int or str)."""
    kinds = set(map(type, labels))
    if kinds == {int} or kinds == {str}:
        uniques, codes = np.unique(np.asarray(labels), return_inverse=True)
        return uniques.tolist(), codes.astype(np.int64, copy=False).ravel()
    index: dict[Hashable, int] = {}
    codes = np.fromiter(
        (index.setdefault(label, len(index)) for label in labels), np.int64, len(labels)
    )
    return list(index), codes


def build_vote_table(
    votes: Iterable[tuple[ParticipantId, PerspectiveId, int]] | None,
    perspective_index: Mapping[PerspectiveId, int],
) -> VoteTable:
    """Build the table from a vote log; a later vote on the same perspective replaces earlier.

    Votes on perspectives missing from ``perspective_index`` are ignored; the vote's sign
    counts (+ agree, - disagree, 0 pass).
    """
    log = list(votes or ())
    shape_cols = len(perspective_index)
    if not log:
        empty = sparse.csr_matrix((0, shape_cols))
        return VoteTable([], empty, empty.copy(), empty.copy())
    participants, perspectives, values = zip(*log, strict=True)
    participant_ids, rows = _codes(participants)
    perspective_ids, perspective_codes = _codes(perspectives)
    lookup = np.array([perspective_index.get(p, -1) for p in perspective_ids], dtype=np.int64)
    # Latest vote wins: the first occurrence of each (participant, perspective) key in the
    # reversed log is the last one in the original.
    keys = rows * len(perspective_ids) + perspective_codes
    _, first_in_reversed = np.unique(keys[::-1], return_index=True)
    last = len(keys) - 1 - first_in_reversed
    value = np.sign(np.asarray(values, dtype=np.float64)[last])
    rows, cols = rows[last], lookup[perspective_codes[last]]
    keep = (cols >= 0) & ~np.isnan(value)
    rows, cols, value = rows[keep], cols[keep], value[keep]
    # Renumber participants so that only those with a counted vote appear.
    used, rows = np.unique(rows, return_inverse=True)
    shape = (len(used), shape_cols)

    def matrix(mask: np.ndarray) -> sparse.csr_matrix:
        data = np.ones(int(mask.sum()), dtype=np.float64)
        return sparse.csr_matrix((data, (rows[mask], cols[mask])), shape=shape)

    return VoteTable(
        [participant_ids[i] for i in used.tolist()],
        matrix(value > 0),
        matrix(value < 0),
        matrix(np.ones(len(rows), dtype=bool)),
    )


def co_agreement_pairs(
    table: VoteTable, threshold: float, min_support: int
) -> list[tuple[int, int, float, int]]:
    """Return ``(i, j, jaccard, support)`` for perspective pairs agreed on together.

    The Jaccard index is taken over the participants who voted on both perspectives:
    ``|agree i and agree j| / |agree i or agree j|``, so perspectives shown to different
    subsets of participants are not penalised. ``support`` is ``|agree i and agree j|``.
    Cost: two sparse products of the (participants x perspectives) matrices.
    """
    if table.n_participants == 0:
        return []
    agree_t = table.agree.T.tocsr()
    both = (agree_t @ table.agree).toarray()
    agree_seen = (agree_t @ table.voted).toarray()  # [i, j]: agreed with i, voted on j
    union = agree_seen + agree_seen.T - both
    with np.errstate(divide="ignore", invalid="ignore"):
        jaccard = np.where(union > 0, both / np.maximum(union, 1), 0.0)
    mask = np.triu((both >= min_support) & (jaccard >= threshold - 1e-12), k=1)
    rows, cols = np.nonzero(mask)
    return [
        (int(i), int(j), round(float(jaccard[i, j]), 6), int(both[i, j]))
        for i, j in zip(rows, cols, strict=True)
    ]


@dataclass
class GroupRates:
    """Per opinion group and perspective: agree, disagree and vote counts (rows = groups)."""

    group_ids: list[int]
    agree: np.ndarray
    disagree: np.ndarray
    votes: np.ndarray

    def agree_rate(self) -> np.ndarray:
        return self.agree / np.maximum(self.votes, 1)

    def disagree_rate(self) -> np.ndarray:
        return self.disagree / np.maximum(self.votes, 1)


def group_rates(table: VoteTable, opinion: OpinionInput | None) -> GroupRates | None:
    """Count each opinion group's votes per perspective; None without opinion groups."""
    if opinion is None or not opinion.groups:
        return None
    index = {p: i for i, p in enumerate(table.participant_ids)}
    group_ids = sorted(opinion.groups)
    rows: list[int] = []
    cols: list[int] = []
    for g, gid in enumerate(group_ids):
        members = {index[m] for m in opinion.groups[gid] if m in index}
        rows.extend([g] * len(members))
        cols.extend(sorted(members))
    membership = sparse.csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(group_ids), table.n_participants)
    )
    return GroupRates(
        group_ids=group_ids,
        agree=np.asarray((membership @ table.agree).todense()),
        disagree=np.asarray((membership @ table.disagree).todense()),
        votes=np.asarray((membership @ table.voted).todense()),
    )

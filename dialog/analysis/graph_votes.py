"""Sparse vote tables for the perspective graph: co-agreement and opinion-group rates."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

import numpy as np
from scipy import sparse

from dialog.analysis.graph_model import ParticipantId, PerspectiveId
from dialog.analysis.neighbours import entries, lookup, row_blocks, top_k_mask, unique_pairs


@dataclass
class VoteTable:
    """Latest votes as sparse participant x perspective 0/1 matrices (columns = perspectives)."""

    participant_ids: list[ParticipantId]
    agree: sparse.csr_matrix
    disagree: sparse.csr_matrix
    voted: sparse.csr_matrix
    _agree_t: sparse.csr_matrix | None = field(default=None, repr=False)
    _voted_t: sparse.csr_matrix | None = field(default=None, repr=False)

    @property
    def n_participants(self) -> int:
        return len(self.participant_ids)

    @property
    def agree_t(self) -> sparse.csr_matrix:
        """The agree matrix transposed (perspectives x participants), computed once."""
        if self._agree_t is None:
            self._agree_t = self.agree.T.tocsr()
        return self._agree_t

    @property
    def voted_t(self) -> sparse.csr_matrix:
        """The voted matrix transposed (perspectives x participants), computed once."""
        if self._voted_t is None:
            self._voted_t = self.voted.T.tocsr()
        return self._voted_t

    def totals(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return agree, disagree and pass counts per perspective."""
        agree = np.asarray(self.agree.sum(axis=0)).ravel().astype(np.int64)
        disagree = np.asarray(self.disagree.sum(axis=0)).ravel().astype(np.int64)
        seen = np.asarray(self.voted.sum(axis=0)).ravel().astype(np.int64)
        return agree, disagree, seen - agree - disagree


def _codes(labels: tuple[Hashable, ...]) -> tuple[Sequence[Hashable], np.ndarray]:
    """Factorise labels: unique labels and one code per label (vectorised for int or str)."""
    kinds = set(map(type, labels))
    if kinds == {int}:
        array = np.fromiter(labels, np.int64, len(labels))
        low, high = int(array.min()), int(array.max())
        if low >= 0 and high < 4 * len(array) + 100_000:
            # Small non-negative ids (the usual case): an O(n) table instead of a sort.
            present = np.zeros(high + 1, dtype=bool)
            present[array] = True
            code_of = np.cumsum(present) - 1
            return np.flatnonzero(present).tolist(), code_of[array]
        uniques, codes = np.unique(array, return_inverse=True)
        return uniques.tolist(), codes.ravel()
    if kinds == {str}:
        uniques, codes = np.unique(np.asarray(labels), return_inverse=True)
        return uniques.tolist(), codes.astype(np.int64, copy=False).ravel()
    index: dict[Hashable, int] = {}
    codes = np.fromiter(
        (index.setdefault(label, len(index)) for label in labels), np.int64, len(labels)
    )
    return list(index), codes


def _last_occurrence(keys: np.ndarray, n_keys: int) -> np.ndarray:
    """Positions of the last occurrence of each distinct key (keys in ``range(n_keys)``)."""
    if n_keys <= 20_000_000:
        last = np.full(n_keys, -1, dtype=np.int64)
        np.maximum.at(last, keys, np.arange(len(keys), dtype=np.int64))
        return last[last >= 0]
    # The first occurrence of a key in the reversed log is its last one in the original.
    _, first_in_reversed = np.unique(keys[::-1], return_index=True)
    return np.sort(len(keys) - 1 - first_in_reversed)


def _signs(values: tuple[object, ...]) -> np.ndarray:
    try:
        return np.sign(np.fromiter(values, np.float64, len(values)))
    except TypeError:  # None or other non-numbers among the votes: not counted
        return np.array([np.sign(v) if isinstance(v, int | float) else np.nan for v in values])


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
    # Columns via itemgetter: zip(*log) would keep one live iterator per vote and set off
    # full garbage collections on a large heap.
    participants, perspectives, values = (tuple(map(itemgetter(k), log)) for k in range(3))
    participant_ids, rows = _codes(participants)
    perspective_ids, perspective_codes = _codes(perspectives)
    lookup = np.array([perspective_index.get(p, -1) for p in perspective_ids], dtype=np.int64)
    last = _last_occurrence(rows * len(perspective_ids) + perspective_codes,
                            len(participant_ids) * len(perspective_ids))
    value = _signs(values)[last]
    rows, cols = rows[last], lookup[perspective_codes[last]]
    keep = (cols >= 0) & ~np.isnan(value)
    rows, cols, value = rows[keep], cols[keep], value[keep]
    # Renumber participants so that only those with a counted vote appear.
    used = np.flatnonzero(np.bincount(rows, minlength=len(participant_ids)))
    renumber = np.full(len(participant_ids), -1, dtype=np.int64)
    renumber[used] = np.arange(len(used))
    voted = sparse.csr_matrix((value + 2.0, (renumber[rows], cols)),
                              shape=(len(used), shape_cols))  # 1 disagree, 2 pass, 3 agree

    def select(code: float) -> sparse.csr_matrix:
        chosen = voted.copy()
        chosen.data = (chosen.data == code).astype(np.float64)
        chosen.eliminate_zeros()
        return chosen

    agree, disagree = select(3.0), select(1.0)
    voted.data = np.ones_like(voted.data)
    return VoteTable([participant_ids[i] for i in used.tolist()], agree, disagree, voted)


def _block_counts(
    table: VoteTable, start: int, stop: int, min_support: int
) -> tuple[np.ndarray, ...]:
    """Counts for the pairs ``(i, j)``, ``i`` in ``start:stop``, agreed by ``min_support``.

    Returns ``i``, ``j`` and, among the participants, how many agreed with both, agreed with
    ``i`` and voted on ``j``, voted on ``i`` and agreed with ``j``, and voted on both.
    """
    agree_t, voted_t = table.agree_t[start:stop], table.voted_t[start:stop]
    rows, cols, both = entries(agree_t @ table.agree, start, min_support - 1e-9)
    if not len(rows):
        return (rows, cols, *(np.zeros(0),) * 4)
    agree_seen = lookup(agree_t @ table.voted, rows, cols, start)
    seen_agree = lookup(voted_t @ table.agree, rows, cols, start)
    co_voters = lookup(voted_t @ table.voted, rows, cols, start)
    return rows, cols, both, agree_seen, seen_agree, co_voters


def co_agreement_pairs(
    table: VoteTable,
    threshold: float,
    min_support: int,
    min_phi: float = 0.3,
    top_k: int = 5,
) -> list[tuple[int, int, float, float, int]]:
    """Return ``(i, j, jaccard, phi, support)`` for perspectives agreed on together.

    Counted among the participants who voted on both perspectives, so perspectives shown
    to different subsets are not penalised: ``jaccard = |agree i & agree j| / |agree i or
    agree j|`` must reach ``threshold`` with ``support = |agree i & agree j| >= min_support``.
    Two perspectives that nearly everyone agrees with overlap by chance alone, so the phi
    correlation of the two agree indicators must also reach ``min_phi``; and each perspective
    keeps only its ``top_k`` partners by phi (ties: the earlier perspective; a pair stays if
    either end keeps it), so a polarised conversation gives a readable graph instead of two
    cliques.
    Cost: sparse products of the (participants x perspectives) matrices, a block of
    perspectives at a time; only pairs with ``min_support`` common agreers are looked at.
    """
    n = table.agree.shape[1]
    if table.n_participants == 0 or n < 2:
        return []
    kept: list[tuple[np.ndarray, ...]] = []
    for start, stop in row_blocks(n, n):
        rows, cols, both, agree_seen, seen_agree, co_voters = _block_counts(
            table, start, stop, max(min_support, 1))
        only_i = agree_seen - both
        only_j = seen_agree - both
        neither = co_voters - both - only_i - only_j
        jaccard = both / np.maximum(both + only_i + only_j, 1)
        denominator = np.sqrt(
            (both + only_i) * (only_j + neither) * (both + only_j) * (only_i + neither)
        )
        phi = np.where(denominator > 0,
                       (both * neither - only_i * only_j) / np.maximum(denominator, 1e-12), 0.0)
        eligible = (jaccard >= threshold - 1e-12) & (phi >= min_phi - 1e-12)
        rows, cols, both, jaccard, phi = (a[eligible] for a in (rows, cols, both, jaccard, phi))
        best = top_k_mask(rows, cols, phi, min(top_k, n - 1))
        kept.append(tuple(a[best] for a in (rows, cols, both, jaccard, phi)))
    rows, cols, both, jaccard, phi = (np.concatenate(parts) for parts in zip(*kept, strict=True))
    low, high, first = unique_pairs(rows, cols, n)
    return [
        (i, j, round(float(jaccard[e]), 6), round(float(phi[e]), 6), int(both[e]))
        for i, j, e in zip(low.tolist(), high.tolist(), first.tolist(), strict=True)
    ]

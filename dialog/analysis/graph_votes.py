"""Sparse vote tables for the perspective graph: co-agreement and opinion-group rates."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter

import numpy as np
from scipy import sparse

from dialog.analysis.graph_model import ParticipantId, PerspectiveId


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


DENSE_LIMIT = 4_000_000  # cells of participants x perspectives for dense float32 products


def _cooccurrence(table: VoteTable) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return A'A, A'V and V'V (A agree, V voted): both agreed, agreed-and-voted, co-voted."""
    if table.agree.shape[0] * table.agree.shape[1] <= DENSE_LIMIT:
        # Dense float32 BLAS beats sparse products by ~4x at Polis sizes (2,000 x 200).
        agree = table.agree.toarray().astype(np.float32)
        voted = table.voted.toarray().astype(np.float32)
        agree_t = agree.T
        products = (agree_t @ agree, agree_t @ voted, voted.T @ voted)
        both, agree_seen, co_voters = (np.rint(m).astype(np.float64) for m in products)
        return both, agree_seen, co_voters
    agree_t = table.agree.T.tocsr()
    return (
        (agree_t @ table.agree).toarray(),
        (agree_t @ table.voted).toarray(),
        (table.voted.T @ table.voted).toarray(),
    )


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
    keeps only its ``top_k`` partners by phi (a pair stays if either end keeps it), so a
    polarised conversation gives a readable graph instead of two cliques.
    Cost: three products of the (participants x perspectives) matrices.
    """
    n = table.agree.shape[1]
    if table.n_participants == 0 or n < 2:
        return []
    both, agree_seen, co_voters = _cooccurrence(table)
    only_i = agree_seen - both
    only_j = agree_seen.T - both
    neither = co_voters - both - only_i - only_j
    union = both + only_i + only_j
    jaccard = both / np.maximum(union, 1)
    denominator = np.sqrt(
        (both + only_i) * (only_j + neither) * (both + only_j) * (only_i + neither)
    )
    phi = (both * neither - only_i * only_j) / np.maximum(denominator, 1e-12)
    phi[denominator == 0] = 0.0
    eligible = (both >= min_support) & (jaccard >= threshold - 1e-12) & (phi >= min_phi - 1e-12)
    np.fill_diagonal(eligible, False)
    score = np.where(eligible, phi, -np.inf)
    keep = np.zeros_like(eligible)
    k = min(top_k, n - 1)
    if k > 0:
        best = np.argpartition(-score, k - 1, axis=1)[:, :k]
        keep[np.repeat(np.arange(n), k), best.ravel()] = True
    keep &= eligible
    rows, cols = np.nonzero(np.triu(keep | keep.T, k=1))
    return [
        (int(i), int(j), round(float(jaccard[i, j]), 6), round(float(phi[i, j]), 6),
         int(both[i, j]))
        for i, j in zip(rows, cols, strict=True)
    ]

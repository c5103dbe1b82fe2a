"""Sparse vote tables for the perspective graph: co-agreement and opinion-group rates."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from operator import itemgetter

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
        array = np.fromiter(labels, np.int64, len(labels)) if kinds == {int} else np.asarray(labels)
        uniques, codes = np.unique(array, return_inverse=True)
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
    # Columns via itemgetter: zip(*log) would keep one live iterator per vote and set off
    # full garbage collections on a large heap.
    participants, perspectives, values = (tuple(map(itemgetter(k), log)) for k in range(3))
    participant_ids, rows = _codes(participants)
    perspective_ids, perspective_codes = _codes(perspectives)
    lookup = np.array([perspective_index.get(p, -1) for p in perspective_ids], dtype=np.int64)
    # Latest vote wins: the first occurrence of each (participant, perspective) key in the
    # reversed log is the last one in the original.
    keys = rows * len(perspective_ids) + perspective_codes
    _, first_in_reversed = np.unique(keys[::-1], return_index=True)
    last = len(keys) - 1 - first_in_reversed
    value = np.sign(np.fromiter(values, np.float64, len(values))[last])
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


def divisive_mask(rates: GroupRates | None, min_votes: int, threshold: float) -> np.ndarray:
    """Perspectives that one opinion group agrees with while another group disagrees."""
    if rates is None or not rates.group_ids:
        return np.zeros(0, dtype=bool)
    enough = rates.votes >= min_votes
    agreeing = (rates.agree_rate() >= threshold - 1e-12) & enough
    disagreeing = (rates.disagree_rate() >= threshold - 1e-12) & enough
    n_agree, n_disagree = agreeing.sum(axis=0), disagreeing.sum(axis=0)
    same_single = (n_agree == 1) & (n_disagree == 1) & (agreeing & disagreeing).any(axis=0)
    return (n_agree >= 1) & (n_disagree >= 1) & ~same_single


def consensus_rates(
    rates: GroupRates | None, min_votes: int, threshold: float
) -> tuple[np.ndarray, np.ndarray]:
    """Return (mask, min agree rate): agreed by every opinion group with enough votes.

    At least two opinion groups must have enough votes on the perspective.
    """
    if rates is None or not rates.group_ids:
        return np.zeros(0, dtype=bool), np.zeros(0)
    enough = rates.votes >= min_votes
    rate = np.where(enough, rates.agree_rate(), np.inf)
    lowest = rate.min(axis=0)
    mask = (enough.sum(axis=0) >= 2) & (lowest >= threshold - 1e-12)
    return mask, np.where(np.isfinite(lowest), lowest, 0.0)

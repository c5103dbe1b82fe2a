"""Opinion-group rates per perspective: agreed_by edges, divisive and bridging perspectives."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from dialog.analysis.graph_model import OpinionInput
from dialog.analysis.graph_votes import VoteTable


@dataclass
class GroupRates:
    """Per opinion group and perspective: agree, disagree and vote counts (rows = groups)."""

    group_ids: list[int]
    agree: np.ndarray
    disagree: np.ndarray
    votes: np.ndarray

    def agree_rate(self) -> np.ndarray:
        rate: np.ndarray = self.agree / np.maximum(self.votes, 1)
        return rate

    def disagree_rate(self) -> np.ndarray:
        rate: np.ndarray = self.disagree / np.maximum(self.votes, 1)
        return rate


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
    split: np.ndarray = (n_agree >= 1) & (n_disagree >= 1) & ~same_single
    return split


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

"""Choose which perspective to show a participant next, with Polis's comment priority."""

from __future__ import annotations

import random
from collections.abc import Hashable, Mapping
from typing import TypeVar

import numpy as np

from dialog.analysis.opinion import OpinionAnalysis
from dialog.analysis.repness import count_votes
from dialog.analysis.votes import Label, VoteMatrix

# Polis's novelty boost: a perspective nobody has seen gets 1 + 8 = 9 times the weight, which
# halves towards 1 with every 5 more votes.
NOVELTY_BOOST = 8.0
NOVELTY_HALF_LIFE = 5.0
#: Polis's fixed priority of a meta comment (``meta-priority`` 7, squared like every other):
#: about ten times an unseen perspective's, whatever the votes, so voters meet the comments
#: about the conversation itself early. Meta perspectives are left out of the analysis.
META_PRIORITY = 7.0**2

PerspectiveKey = TypeVar("PerspectiveKey", bound=Hashable)


def importance(
    agree: np.ndarray, passed: np.ndarray, seen: np.ndarray, extremity: np.ndarray
) -> np.ndarray:
    """Return Polis's importance: agreeable, not passed over, and far from the centre."""
    p_pass = (passed + 1.0) / (seen + 2.0)
    p_agree = (agree + 1.0) / (seen + 2.0)
    return (1.0 - p_pass) * (extremity + 1.0) * p_agree


def priority(
    agree: np.ndarray, passed: np.ndarray, seen: np.ndarray, extremity: np.ndarray
) -> np.ndarray:
    """Return Polis's priority: importance times the novelty boost, squared to sharpen it."""
    novelty = 1.0 + NOVELTY_BOOST * np.power(2.0, -seen / NOVELTY_HALF_LIFE)
    return (importance(agree, passed, seen, extremity) * novelty) ** 2


def perspective_priorities(
    matrix: VoteMatrix, analysis: OpinionAnalysis | None = None
) -> dict[Label, float]:
    """Return a priority per perspective; higher means show it sooner."""
    values = matrix.values
    rows = np.ones(values.shape[0], dtype=bool)
    extremity = np.zeros(values.shape[1])
    if analysis is not None:
        grouped = analysis.group_of()
        if grouped:
            # Like Polis, count only the votes of people in opinion groups: they carry the signal.
            rows = np.fromiter((pid in grouped for pid in matrix.participant_ids), bool)
        extremity = np.array([analysis.extremity.get(pid, 0.0) for pid in matrix.perspective_ids])
    counts = count_votes(values, np.where(rows, 0, -1))
    agree, seen = counts.agree[0], counts.seen[0]
    weights = priority(agree, seen - agree - counts.disagree[0], seen, extremity)
    return dict(zip(matrix.perspective_ids, weights.tolist(), strict=True))


def choose_next(
    priorities: Mapping[PerspectiveKey, float],
    already_seen: set[PerspectiveKey],
    rng: random.Random,
) -> PerspectiveKey | None:
    """Draw an unseen perspective with probability proportional to its priority."""
    candidates = [pid for pid in priorities if pid not in already_seen]
    if not candidates:
        return None
    weights = [max(float(priorities[pid]), 0.0) for pid in candidates]
    if sum(weights) <= 0.0:
        return rng.choice(candidates)
    return rng.choices(candidates, weights=weights, k=1)[0]

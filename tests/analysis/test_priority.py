"""Which perspective a participant sees next: Polis's comment priority, drawn at random."""

from __future__ import annotations

import random

import numpy as np
import pytest

from dialog.analysis import VoteMatrix, analyze_opinions, choose_next, perspective_priorities
from dialog.analysis.priority import importance, priority


def crowd_matrix() -> VoteMatrix:
    """Forty people voted on "old" and "common"; only two saw "fresh"."""
    votes = [(f"p{i}", "old", 1 if i % 2 else -1) for i in range(40)]
    votes += [(f"p{i}", "common", 1) for i in range(40)]
    votes += [("p0", "fresh", 1), ("p1", "fresh", -1)]
    return VoteMatrix.from_votes(votes, perspective_ids=["old", "common", "fresh", "unseen"])


def test_polis_priority_formula_for_a_brand_new_perspective() -> None:
    # No votes: p_pass = p_agree = 1/2, importance = (1 - 1/2) * (0 + 1) * 1/2 = 1/4;
    # novelty = 1 + 8 * 2^0 = 9; priority = (1/4 * 9)^2 = 5.0625.
    zero = np.zeros(1)
    assert importance(zero, zero, zero, zero) == pytest.approx(0.25)
    assert priority(zero, zero, zero, zero) == pytest.approx(5.0625)


def test_perspectives_few_have_seen_get_higher_priority() -> None:
    # "unseen": (1/4 * 9)^2 = 5.06. "fresh" (1 agree, 1 disagree): importance 3/4 * 2/4, novelty
    # 1 + 8 * 2^(-2/5): 7.01. "common" (40 agree) 0.97 and "old" (20/20) 0.25 have lost the boost.
    priorities = perspective_priorities(crowd_matrix(), None)
    assert priorities["unseen"] == pytest.approx(5.0625)
    assert priorities["fresh"] == pytest.approx((0.375 * (1 + 8 * 2**-0.4)) ** 2)
    assert min(priorities["unseen"], priorities["fresh"]) > priorities["common"] > priorities["old"]


def test_passed_over_perspectives_lose_priority() -> None:
    votes = [(f"p{i}", "clear", 1) for i in range(10)] + [(f"p{i}", "meh", 0) for i in range(10)]
    priorities = perspective_priorities(VoteMatrix.from_votes(votes), None)
    assert priorities["clear"] > priorities["meh"]


def test_priorities_use_the_analysis_when_there_is_one() -> None:
    rng = np.random.default_rng(0)
    votes = [
        (f"p{i}", f"s{j}", ((1 if i < 20 else -1) * (1 if j % 2 else -1)))
        for i in range(40)
        for j in range(10)
        if rng.random() < 0.9
    ]
    matrix = VoteMatrix.from_votes(votes)
    analysis = analyze_opinions(matrix)
    priorities = perspective_priorities(matrix, analysis)
    assert set(priorities) == set(matrix.perspective_ids)
    assert all(p >= 0 for p in priorities.values())
    assert priorities != perspective_priorities(matrix, None)


def test_choose_next_never_returns_a_seen_perspective() -> None:
    priorities = perspective_priorities(crowd_matrix(), None)
    rng = random.Random(1)
    for _ in range(50):
        assert choose_next(priorities, {"unseen", "fresh"}, rng) in {"old", "common"}


def test_choose_next_prefers_unseen_high_priority_perspectives() -> None:
    priorities = perspective_priorities(crowd_matrix(), None)
    rng = random.Random(2)
    picks = [choose_next(priorities, set(), rng) for _ in range(500)]
    assert picks.count("unseen") > picks.count("old")
    assert picks.count("fresh") > picks.count("common")


def test_choose_next_is_deterministic_for_a_seeded_rng() -> None:
    priorities = perspective_priorities(crowd_matrix(), None)
    first = [choose_next(priorities, set(), random.Random(42)) for _ in range(5)]
    second = [choose_next(priorities, set(), random.Random(42)) for _ in range(5)]
    assert first == second


def test_choose_next_returns_none_when_everything_is_seen() -> None:
    priorities = {"a": 1.0, "b": 0.0}
    assert choose_next(priorities, {"a", "b"}, random.Random(0)) is None
    assert choose_next({"a": 0.0}, set(), random.Random(0)) == "a"

"""Consensus, group-informed consensus, divisive perspectives and areas of uncertainty."""

from __future__ import annotations

import pytest

from dialog.analysis import VoteMatrix, analyze_opinions

A, D, P = 1, -1, 0

# Two camps of four people vote on five perspectives:
#
#                 shared  split  a_only  b_only  unsure
#   a1 .. a4         A      A      A       P       P (a4: A)
#   b1 .. b4         A      D      P       A       P (b4: D)
#
# "shared" unites everyone, "split" divides the camps, "unsure" is mostly passed.
ROWS = {
    **{f"a{i}": [A, A, A, P, P] for i in range(1, 4)},
    "a4": [A, A, A, P, A],
    **{f"b{i}": [A, D, P, A, P] for i in range(1, 4)},
    "b4": [A, D, P, A, D],
}
PERSPECTIVES = ["shared", "split", "a_only", "b_only", "unsure"]


def camps_matrix() -> VoteMatrix:
    """Build the two-camp vote matrix above."""
    votes = [
        (who, what, vote)
        for who, row in ROWS.items()
        for what, vote in zip(PERSPECTIVES, row, strict=True)
    ]
    return VoteMatrix.from_votes(votes, perspective_ids=PERSPECTIVES)


def ids(rows: list[dict]) -> list:
    """Return the perspective ids of result rows, in order."""
    return [r["perspective_id"] for r in rows]


def test_the_perspective_everyone_agrees_with_is_consensus() -> None:
    # "shared": 8 of 8 agree: pa = 9/10 > 1/2 and z = 2*sqrt(9)*(9/9 - 1/2) = 3 > 1.2816.
    # "a_only" and "b_only": 4 of 8 agree, pa = 5/10, not above 1/2. "split": 4 of 8 disagree.
    consensus = analyze_opinions(camps_matrix()).consensus
    assert ids(consensus) == ["shared"]
    assert consensus[0]["direction"] == "agree"
    assert consensus[0]["p"] == pytest.approx(0.9)
    assert consensus[0]["p_test"] == pytest.approx(3.0)
    assert (consensus[0]["agree"], consensus[0]["seen"]) == (8, 8)


def test_a_perspective_nearly_everyone_rejects_is_consensus_too() -> None:
    votes = [(f"p{i}", "bad idea", D) for i in range(9)] + [("p9", "bad idea", A)]
    consensus = analyze_opinions(VoteMatrix.from_votes(votes)).consensus
    assert ids(consensus) == ["bad idea"]
    assert consensus[0]["direction"] == "disagree"


def test_group_informed_consensus_multiplies_each_groups_agree_probability() -> None:
    # "shared": (4+1)/(4+2) in each camp: (5/6)^2 = 0.694.
    # "a_only": 5/6 * 1/6 = 0.139; "split": 5/6 * 1/6 too; "unsure": 2/6 * 1/6 = 0.056.
    informed = analyze_opinions(camps_matrix()).group_informed_consensus
    assert informed[0]["perspective_id"] == "shared"
    assert informed[0]["consensus"] == pytest.approx((5 / 6) ** 2)
    assert informed[0]["group_agree"] == pytest.approx([5 / 6, 5 / 6])
    assert informed[-1]["consensus"] < informed[0]["consensus"]


def test_the_perspective_that_splits_the_camps_is_the_most_divisive() -> None:
    # Mean vote per camp: "split" +1 vs -1 (spread 2); "a_only" and "b_only" +1 vs 0 (spread 1);
    # "unsure" +0.25 vs -0.25 (spread 0.5); "shared" +1 vs +1 (spread 0, never divisive).
    divisive = analyze_opinions(camps_matrix()).divisive
    assert ids(divisive)[0] == "split"
    assert divisive[0]["spread"] == pytest.approx(2.0)
    assert sorted(ids(divisive)[1:3]) == ["a_only", "b_only"]
    assert "shared" not in ids(divisive)


def test_a_mostly_passed_perspective_is_an_area_of_uncertainty() -> None:
    # "unsure": 6 of 8 passed (75 %); "a_only" and "b_only": 4 of 8 (50 %); the rest: none.
    uncertain = analyze_opinions(camps_matrix()).uncertain
    assert ids(uncertain)[0] == "unsure"
    assert uncertain[0]["pass"] == 6
    assert uncertain[0]["pass_share"] == pytest.approx(0.75)
    assert "shared" not in ids(uncertain)
    assert "split" not in ids(uncertain)

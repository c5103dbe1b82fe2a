"""Representative perspectives: what sets each opinion group apart (Polis's repness)."""

from __future__ import annotations

import numpy as np
import pytest

from dialog.analysis import VoteMatrix, analyze_opinions
from dialog.analysis.repness import Z_90, count_votes, prop_test, two_prop_test

A, D, P = 1, -1, 0

# Two camps of four people each vote on four perspectives:
#
#                 shared  split  a_only  b_only
#   a1, a2, a3       A      A      A       P
#   a4               A      P      A       P
#   b1 .. b4         A      D      P       A
#
# Everyone agrees with "shared"; "split" is agreed by camp A (but a4 passed) and rejected by
# camp B; "a_only" and "b_only" are agreed by one camp while the other passes.
CAMPS = {
    "a1": {"shared": A, "split": A, "a_only": A, "b_only": P},
    "a2": {"shared": A, "split": A, "a_only": A, "b_only": P},
    "a3": {"shared": A, "split": A, "a_only": A, "b_only": P},
    "a4": {"shared": A, "split": P, "a_only": A, "b_only": P},
    **{f"b{i}": {"shared": A, "split": D, "a_only": P, "b_only": A} for i in range(1, 5)},
}


def camps_matrix() -> VoteMatrix:
    """Build the two-camp vote matrix above."""
    votes = [(who, what, vote) for who, row in CAMPS.items() for what, vote in row.items()]
    return VoteMatrix.from_votes(votes, perspective_ids=["shared", "split", "a_only", "b_only"])


def group_with(analysis, member: str):
    """Return the opinion group that contains member."""
    return next(g for g in analysis.opinion_groups if member in g.members)


def test_the_two_camps_become_the_two_opinion_groups() -> None:
    analysis = analyze_opinions(camps_matrix())
    assert len(analysis.opinion_groups) == 2
    assert sorted(group_with(analysis, "a1").members) == ["a1", "a2", "a3", "a4"]
    assert sorted(group_with(analysis, "b1").members) == ["b1", "b2", "b3", "b4"]
    assert [g.id for g in analysis.opinion_groups] == [0, 1]


def test_group_a_is_represented_by_what_only_a_agrees_with() -> None:
    # For camp A on "a_only": 4 of 4 agree, so pa = (4+1)/(4+2) = 5/6, against 1/6 in camp B:
    # repness ra = (5/6)/(1/6) = 5. One-proportion z = 2*sqrt(5)*(5/5 - 1/2) = 2.24 and
    # two-proportion z = (5/5 - 1/5)/sqrt(0.6*0.4*(1/5+1/5)) = 2.58, both above 1.2816.
    # "split" scores lower for A because a4 passed: pa = 4/6, ra = 4.
    reps = group_with(analyze_opinions(camps_matrix()), "a1").representative
    first = reps[0]
    assert first["perspective_id"] == "a_only"
    assert first["direction"] == "agree"
    assert (first["agree"], first["disagree"], first["pass"], first["seen"]) == (4, 0, 0, 4)
    assert first["repness"] == pytest.approx(5.0)
    assert first["p"] == pytest.approx(5 / 6)
    assert first["repness_test"] == pytest.approx(0.8 / np.sqrt(0.096))
    assert "b_only" not in {r["perspective_id"] for r in reps}


def test_group_b_is_represented_by_its_own_agreement_and_its_rejection_of_split() -> None:
    reps = group_with(analyze_opinions(camps_matrix()), "b1").representative
    by_id = {r["perspective_id"]: r for r in reps}
    assert by_id["b_only"]["direction"] == "agree"
    assert by_id["split"]["direction"] == "disagree"
    assert by_id["split"]["disagree"] == 4
    assert "a_only" not in by_id
    # Polis lists agreements before rejections.
    directions = [r["direction"] for r in reps]
    assert directions == sorted(directions, key=lambda d: d != "agree")


def test_what_everyone_agrees_with_represents_no_group() -> None:
    # "shared": 4/4 agree in both camps, so the two-proportion z is 0: nothing sets a group apart.
    analysis = analyze_opinions(camps_matrix())
    for group in analysis.opinion_groups:
        assert "shared" not in {r["perspective_id"] for r in group.representative}


def test_every_group_lists_at_most_five_representative_perspectives() -> None:
    rng = np.random.default_rng(3)
    # 40 people in two camps vote on 30 perspectives with opposite leanings.
    leaning = np.where(np.arange(30) % 2 == 0, 1, -1)
    votes = []
    for person in range(40):
        sign = 1 if person < 20 else -1
        for perspective in range(30):
            vote = sign * leaning[perspective] if rng.random() < 0.85 else 0
            votes.append((person, perspective, int(vote)))
    analysis = analyze_opinions(VoteMatrix.from_votes(votes))
    assert len(analysis.opinion_groups) == 2
    assert all(1 <= len(g.representative) <= 5 for g in analysis.opinion_groups)


def test_polis_significance_tests_match_hand_computed_values() -> None:
    # prop_test(4, 4) = 2*sqrt(5)*(5/5 - 1/2) = sqrt(5)
    assert prop_test(np.array(4.0), np.array(4.0)) == pytest.approx(np.sqrt(5))
    # two_prop_test(4, 0, 4, 4): pseudo-counts give 5/5 vs 1/5, pooled 6/10.
    z = two_prop_test(np.array(4.0), np.array(0.0), np.array(4.0), np.array(4.0))
    assert z == pytest.approx(0.8 / np.sqrt(0.6 * 0.4 * 0.4))
    assert z > Z_90
    # Everyone agreeing in and out of the group: no variance, Polis reports 0.
    same = two_prop_test(np.array(4.0), np.array(4.0), np.array(4.0), np.array(4.0))
    assert same == pytest.approx(0.0)


def test_vote_counts_per_group_are_pseudo_counted_like_polis() -> None:
    matrix = camps_matrix()
    labels = np.array([0 if pid.startswith("a") else 1 for pid in matrix.participant_ids])
    counts = count_votes(matrix.values, labels, 2)
    split = matrix.perspective_ids.index("split")
    assert counts.agree[:, split].tolist() == [3, 0]
    assert counts.disagree[:, split].tolist() == [0, 4]
    assert counts.passed[:, split].tolist() == [1, 0]
    # (na + 1) / (ns + 2)
    assert counts.p_agree[:, split] == pytest.approx([4 / 6, 1 / 6])

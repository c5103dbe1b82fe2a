"""The whole opinion analysis: its output shape and how it copes with degenerate input."""

from __future__ import annotations

import json

import numpy as np

from dialog.analysis import OpinionAnalysis, VoteMatrix, analyze_opinions


def two_camps(n_per_camp: int = 30, n_perspectives: int = 20, seed: int = 0) -> VoteMatrix:
    """Return two camps voting oppositely on every perspective, with some noise and gaps."""
    rng = np.random.default_rng(seed)
    votes = []
    for person in range(2 * n_per_camp):
        sign = 1 if person < n_per_camp else -1
        for perspective in range(n_perspectives):
            if rng.random() < 0.2:
                continue  # not seen
            vote = sign if rng.random() < 0.85 else int(rng.choice([-1, 0, 1]))
            votes.append((f"p{person}", f"s{perspective}", vote * (1 if perspective % 3 else -1)))
    return VoteMatrix.from_votes(votes)


def assert_empty_groups(analysis: OpinionAnalysis) -> None:
    """Check that the analysis found no opinion groups and still serialises."""
    assert analysis.opinion_groups == []
    assert analysis.group_informed_consensus == []
    assert analysis.divisive == []
    json.dumps(analysis.to_dict())


def test_no_votes_at_all_gives_an_empty_analysis() -> None:
    assert_empty_groups(analyze_opinions(VoteMatrix.from_votes([])))
    assert_empty_groups(analyze_opinions(VoteMatrix.from_votes([], perspective_ids=["x", "y"])))


def test_a_single_participant_forms_no_groups() -> None:
    votes = [("only", f"s{i}", 1) for i in range(10)]
    analysis = analyze_opinions(VoteMatrix.from_votes(votes))
    assert_empty_groups(analysis)
    assert set(analysis.projection) == {"only"}


def test_fewer_than_two_participants_in_conversation_forms_no_groups() -> None:
    # Only "keen" voted on at least min(7, 10) perspectives; the others voted on two.
    votes = [("keen", f"s{i}", 1) for i in range(10)]
    votes += [(f"p{j}", f"s{i}", -1) for j in range(5) for i in range(2)]
    analysis = analyze_opinions(VoteMatrix.from_votes(votes))
    assert_empty_groups(analysis)
    assert analysis.in_conversation == ["keen"]


def test_identical_votes_from_everyone_form_no_groups_but_a_consensus() -> None:
    votes = [(f"p{j}", f"s{i}", 1) for j in range(12) for i in range(8)]
    analysis = analyze_opinions(VoteMatrix.from_votes(votes))
    assert_empty_groups(analysis)
    assert len(analysis.consensus) == 5


def test_participants_below_the_vote_threshold_get_no_group() -> None:
    matrix = two_camps()
    votes = [("newcomer", "s0", 1), ("newcomer", "s1", -1)]
    full = VoteMatrix.from_votes(
        [
            (matrix.participant_ids[i], matrix.perspective_ids[j], int(matrix.values[i, j]))
            for i, j in zip(*np.nonzero(~np.isnan(matrix.values)), strict=True)
        ]
        + votes
    )
    analysis = analyze_opinions(full)
    assert "newcomer" not in analysis.group_of()
    assert "newcomer" in analysis.projection
    assert len(analysis.group_of()) == 60


def test_two_camps_are_found_and_the_output_is_plain_json() -> None:
    analysis = analyze_opinions(two_camps(), seed=1)
    groups = sorted((sorted(g.members) for g in analysis.opinion_groups), key=len)
    assert len(groups) == 2
    camp_a = {f"p{i}" for i in range(30)}
    assert set(groups[0]) in (camp_a, {f"p{i}" for i in range(30, 60)})
    data = analysis.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert {
        "opinion_groups",
        "consensus",
        "group_informed_consensus",
        "divisive",
        "uncertain",
        "projection",
        "timing_ms",
    } <= set(data)
    assert data["opinion_groups"][0]["id"] == 0
    assert analysis.timing_ms > 0


def test_the_analysis_is_deterministic_for_a_seed() -> None:
    matrix = two_camps(seed=4)
    first, second = analyze_opinions(matrix, seed=7), analyze_opinions(matrix, seed=7)
    assert first.group_of() == second.group_of()
    assert first.projection == second.projection
    assert [g.representative for g in first.opinion_groups] == [
        g.representative for g in second.opinion_groups
    ]

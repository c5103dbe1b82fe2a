"""Suggested rounds: from the perspective map where there is one, else a simple heuristic."""

from __future__ import annotations

from dialog import policy
from dialog.extensions import db
from dialog.models import ModerationStatus, Perspective, Process
from dialog.services.perspectives import perspectives_of_process
from phases.larande_samtal import suggestions as conversation_suggestions
from tests.conftest import bearer
from tests.samtal.conftest import Samtal


def approved(samtal: Samtal) -> dict[int, Perspective]:
    process = policy.load(db.session, Process, samtal.world.process_id)
    return {p.id: p for p in perspectives_of_process(
        db.session, process, statuses=(ModerationStatus.APPROVED,))}


def test_suggestions_come_with_their_perspectives_reason_and_source(samtal: Samtal):
    body = samtal.client.get(
        f"/api/v1/processes/{samtal.world.process_id}/conversation-suggestions",
        headers=samtal.auth).json
    assert body["source"] in ("map", "heuristic")
    assert body["suggestions"]
    for suggestion in body["suggestions"]:
        assert len(suggestion["perspective_ids"]) >= 2
        assert [p["id"] for p in suggestion["perspectives"]] == suggestion["perspective_ids"]
        assert suggestion["title"]
        assert suggestion["reason"]
        assert not suggestion["reason"].startswith("samtal.")


def test_without_a_map_standpoints_from_different_groups_are_paired(samtal: Samtal):
    found = conversation_suggestions.different_groups(approved(samtal).values())
    pairs = [{(p.group_name, p.kind.value) for p in (approved(samtal)[i]
                                                      for i in s["perspective_ids"])}
             for s in found]
    assert pairs
    assert all(len({group for group, _ in pair}) == 2 for pair in pairs)
    assert all(kind == "standpoint" for pair in pairs for _, kind in pair)


def test_perspectives_whose_reactions_split_the_room_are_suggested(samtal: Samtal,
                                                                   join_participant):
    p1, p2, p3 = samtal.perspective_ids[:3]
    votes = {p1: ["agree", "disagree", "agree", "disagree"],
             p2: ["disagree", "agree", "disagree", "agree"],
             p3: ["agree", "agree", "agree", "agree"]}
    for n in range(4):
        token = join_participant(samtal.world.join_code, "skola")
        for pid, seq in votes.items():
            response = samtal.client.post(f"/api/v1/perspectives/{pid}/votes",
                                          headers=bearer(token), json={"vote": seq[n]})
            assert response.status_code in (200, 201), response.json
    found = conversation_suggestions.split_reactions(db.session, approved(samtal))
    assert [set(s["perspective_ids"]) for s in found] == [{p1, p2}]


def test_the_map_suggests_divisive_opposite_groups_and_single_group_themes(samtal: Samtal):
    p1, p2, p3, _p4, p5 = samtal.perspective_ids
    perspective_map = {
        "opinion_groups": [
            {"id": 0, "representative": [{"perspective_id": p1, "direction": "agree"},
                                         {"perspective_id": p3, "direction": "disagree"}]},
            {"id": 1, "representative": [{"perspective_id": p2, "direction": "agree"}]},
        ],
        "divisive": [{"perspective_id": p5, "group_mean_vote": [0.9, -0.8]}],
        "missing_perspectives": [
            {"type": "single_group_theme", "theme_label": "buss", "stakeholder_group": "unga",
             "perspective_ids": [p1, p5]},
            {"type": "silent_group", "stakeholder_group": "region"},
        ],
    }
    found = conversation_suggestions.from_map(perspective_map, approved(samtal))
    assert [(s["type"], s["perspective_ids"]) for s in found] == [
        ("divisive", [p5, p2]),  # the group that rejects p5 (group 1) stands for p2
        ("opposite_groups", [p1, p2]),
        ("single_group_theme", [p1, p5]),
    ]
    assert all(s["source"] == "map" for s in found)


def test_a_map_with_unknown_or_hidden_perspectives_suggests_nothing_from_them(samtal: Samtal):
    perspective_map = {"divisive": [{"perspective_id": 999999, "group_mean_vote": [1, -1]}],
                       "opinion_groups": [], "missing_perspectives": []}
    assert conversation_suggestions.from_map(perspective_map, approved(samtal)) == []


def test_the_console_offers_the_suggestions_as_ready_rounds(samtal: Samtal, app):
    with samtal.client.session_transaction() as session:
        session["facilitator_id"] = samtal.world.facilitator_id
    page = samtal.client.get(f"/facilitator/processes/{samtal.world.process_id}/samtal")
    assert page.status_code == 200
    assert "Förslag på samtalsrundor" in page.text
    assert "Bygg den här rundan" in page.text

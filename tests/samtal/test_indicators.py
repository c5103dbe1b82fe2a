"""Learning indicators per round, computed on a hand-made round."""

from __future__ import annotations

import pytest

from dialog.extensions import db
from dialog.models import ConversationRound
from dialog.services import participants
from phases.larande_samtal import learning, reflections
from tests.samtal.conftest import Samtal


@pytest.fixture
def reflected(samtal: Samtal, open_round: int, join_participant) -> Samtal:
    """Four people reflect on the round 'Unga och polisen' (perspectives p1 and p2)."""
    p1, p2 = samtal.perspective_ids[:2]
    tokens = {name: join_participant(samtal.world.join_code, group) for name, group in
              (("a", "unga"), ("b", "polis"), ("c", "skola"), ("d", "vårdnadshavare"))}
    answers = [
        ("a", "a-1", {"view_change": "nuanced", "understood": "Polisen vill också ha kontakt.",
                      "moved_by": p2}),
        ("b", "b-1", {"view_change": "changed", "understood": "Unga vill bli tillfrågade.",
                      "keep": "Fråga unga först.", "moved_by": p1}),
        ("c", "c-1", {"view_change": "unchanged", "understood": "",
                      "question": "Vem ringer man på kvällen?"}),
        ("d", "d-1", {"view_change": "unchanged", "understood": ""}),
        # d thinks again later in the same round: the latest answer counts for the view.
        ("d", "d-2", {"view_change": "changed", "understood": "Jag ser polisens sida nu.",
                      "moved_by": p2}),
    ]
    for name, client_id, body in answers:
        response = samtal.reflect(tokens[name], open_round, client_id=client_id, **body)
        assert response.status_code == 201, response.json
    return samtal


def test_indicators_count_people_once_and_the_latest_view_change(reflected: Samtal,
                                                                 open_round: int):
    p1, p2 = reflected.perspective_ids[:2]
    body = reflected.client.get(f"/api/v1/conversation-rounds/{open_round}/indicators",
                                headers=reflected.auth).json
    assert {k: body[k] for k in ("participants", "understood", "shifted", "view_changes",
                                 "questions", "keep")} == {
        "participants": 4,
        "understood": 3,
        "shifted": 3,
        "view_changes": {"unchanged": 1, "nuanced": 1, "changed": 2},
        "questions": 1,
        "keep": 1,
    }
    assert body["understood_share"] == 0.75
    assert body["shifted_share"] == 0.75
    assert [(m["perspective_id"], m["count"]) for m in body["moved_by"]] == [(p2, 2), (p1, 1)]
    assert body["moved_by"][0]["stakeholder_group"] == "polis"


def test_an_empty_round_has_zero_indicators(samtal: Samtal, open_round: int):
    body = samtal.client.get(f"/api/v1/conversation-rounds/{open_round}/indicators",
                             headers=samtal.auth).json
    assert body["participants"] == 0
    assert body["understood_share"] == 0.0
    assert body["moved_by"] == []
    assert body["view_changes"] == {
        "unchanged": 0, "nuanced": 0, "changed": 0}


def test_a_hidden_reflection_leaves_the_indicators_but_is_kept(reflected: Samtal,
                                                              open_round: int):
    with db.transaction() as session:
        found = reflections.reflections_of_round(
            session, session.get(ConversationRound, open_round))
        first = next(r for r in found if r.client_id == "b-1")
        reflections.moderate_reflection(session, first, None, "hide")
        after = learning.indicators(session, session.get(ConversationRound, open_round))
    assert after["participants"] == 3
    assert after["view_changes"]["changed"] == 1
    detail = reflected.client.get(f"/api/v1/conversation-rounds/{open_round}",
                                  headers=reflected.auth).json
    assert [r["status"] for r in detail["reflections"]].count("hidden") == 1
    assert len(detail["reflections"]) == 5


def test_reflections_never_say_who_wrote_them(reflected: Samtal, open_round: int):
    detail = reflected.client.get(f"/api/v1/conversation-rounds/{open_round}",
                                  headers=reflected.auth).json
    assert all("participant_id" not in r for r in detail["reflections"])
    assert {r["stakeholder_group"] for r in detail["reflections"]} == {
        "unga", "polis", "skola", "vårdnadshavare"}


def test_the_phase_produces_what_people_want_kept_and_asked(reflected: Samtal, open_round: int):
    current = reflected.client.get(f"/api/v1/processes/{reflected.world.process_id}/phases",
                                   headers=reflected.auth).json["current"]
    produced = reflected.client.get(f"/api/v1/phases/{current['id']}",
                                    headers=reflected.auth).json["produced"]
    [round_] = produced["rounds"]
    assert [k["text"] for k in round_["keep"]] == ["Fråga unga först."]
    assert [q["text"] for q in round_["questions"]] == ["Vem ringer man på kvällen?"]
    assert round_["indicators"]["participants"] == 4


def test_personal_data_in_a_reflection_holds_it_for_review(samtal: Samtal, open_round: int):
    response = samtal.reflect(samtal.phones["unga"], open_round,
                              keep="Ring mig på 070-123 45 67 om parken.")
    assert response.status_code == 201
    assert response.json["status"] == "pending"
    with db.transaction() as session:
        participant = participants.participant_for_token(session, samtal.phones["unga"])
        [mine] = reflections.reflections_of_participant(session, participant)
        assert mine.personal_data == ["phone"]

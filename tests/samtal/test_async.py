"""A digital round open for days: participants come back with their token over HTTP."""

from __future__ import annotations

from datetime import timedelta

import pytest

from dialog.extensions import db
from dialog.models import ConversationRound, utcnow
from tests.conftest import bearer
from tests.samtal.conftest import NS, Samtal


@pytest.fixture
def digital_round(samtal: Samtal) -> int:
    closes = (utcnow() + timedelta(days=7)).isoformat()
    response = samtal.build_round(title="Hemifrån: trygghet på kvällen", closes_at=closes,
                                  prompt="Läs perspektiven i lugn och ro.")
    assert response.status_code == 201
    assert response.json["closes_at"]
    assert response.json["accepting"] is True
    return response.json["id"]


def test_a_participant_returns_days_later_and_answers_over_http(app, samtal: Samtal,
                                                                digital_round: int):
    returning = app.test_client()  # a new browser session: only the token is carried over
    token = samtal.phones["polis"]
    listing = returning.get("/api/v1/me/conversation-rounds", headers=bearer(token)).json
    assert [r["id"] for r in listing["rounds"]] == [digital_round]
    assert listing["rounds"][0]["prompt"] == "Läs perspektiven i lugn och ro."
    body = {"client_id": "home-1", "view_change": "changed",
            "keep": "Att unga blir tillfrågade.", "moved_by": samtal.perspective_ids[0]}
    first = returning.post(f"/api/v1/conversation-rounds/{digital_round}/reflections",
                           headers=bearer(token), json=body)
    again = returning.post(f"/api/v1/conversation-rounds/{digital_round}/reflections",
                           headers=bearer(token), json=body)
    assert first.status_code == 201
    assert again.status_code == 200
    assert again.json == first.json | {"duplicate": True}
    mine = returning.get("/api/v1/me/conversation-rounds", headers=bearer(token)).json
    assert [r["keep"] for r in mine["reflections"]] == ["Att unga blir tillfrågade."]


def test_an_answer_over_http_reaches_the_live_console_too(socket_client, samtal: Samtal,
                                                          digital_round: int):
    console = socket_client(samtal.world.facilitator_token)
    console.emit("samtal:watch", {"process_id": samtal.world.process_id}, namespace=NS,
                 callback=True)
    console.get_received(NS)
    samtal.reflect(samtal.phones["skola"], digital_round)
    events = [e["args"][0] for e in console.get_received(NS) if e["name"] == "reflection:new"]
    assert [e["indicators"]["participants"] for e in events] == [1]


def test_after_the_closing_time_answers_are_refused_and_nothing_is_lost(samtal: Samtal,
                                                                      digital_round: int):
    assert samtal.reflect(samtal.phones["unga"], digital_round).status_code == 201
    # A week passes (the request session is shared in tests, so change it there).
    db.session.get(ConversationRound, digital_round).closes_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    late = samtal.reflect(samtal.phones["skola"], digital_round, client_id="late")
    assert late.status_code == 409
    assert late.json["error"]["code"] == "conversation_round_closed"
    token = samtal.phones["skola"]
    assert samtal.client.get("/api/v1/me/conversation-rounds",
                             headers=bearer(token)).json["rounds"] == []
    detail = samtal.client.get(f"/api/v1/conversation-rounds/{digital_round}",
                               headers=samtal.auth).json
    assert detail["accepting"] is False
    assert len(detail["reflections"]) == 1


def test_a_facilitator_closes_a_round_and_its_reflections_stay(samtal: Samtal, open_round: int):
    samtal.reflect(samtal.phones["unga"], open_round)
    closed = samtal.client.post(f"/api/v1/conversation-rounds/{open_round}/close",
                                headers=samtal.auth)
    assert closed.status_code == 200
    assert closed.json["status"] == "closed"
    again = samtal.client.post(f"/api/v1/conversation-rounds/{open_round}/close",
                               headers=samtal.auth)
    assert again.status_code == 409
    listed = samtal.client.get(f"/api/v1/processes/{samtal.world.process_id}/conversation-rounds",
                               headers=samtal.auth).json["rounds"]
    assert listed[0]["indicators"]["participants"] == 1


def test_rounds_of_an_earlier_phase_round_stay_readable(samtal: Samtal, open_round: int):
    samtal.reflect(samtal.phones["unga"], open_round)
    samtal.open_phase("inventering")
    samtal.open_phase("larande_samtal")
    second = samtal.build_round(samtal.perspective_ids[2:4], title="Runda två")
    assert second.json["number"] == 1
    assert second.json["phase_round"] == 2
    rounds = samtal.client.get(f"/api/v1/processes/{samtal.world.process_id}/conversation-rounds",
                               headers=samtal.auth).json["rounds"]
    assert [(r["phase_round"], r["title"]) for r in rounds] == [
        (1, "Unga och polisen"), (2, "Runda två")]
    assert rounds[0]["indicators"]["participants"] == 1
    late = samtal.reflect(samtal.phones["polis"], open_round, client_id="old-round")
    assert late.status_code == 201  # a round stays open until closed or past its time

"""Moderation that keeps what it can: the facilitator edits a text instead of hiding it.

The edited text is published and approved, the original stays in the moderation log (never
published), and the author's phone hears what was changed and why. Hiding gives a reason too.
"""

from __future__ import annotations

import json

import pytest

from dialog.extensions import db
from dialog.models import ModerationEvent, Perspective
from tests.conftest import bearer

WRITTEN = "Ring mig på 070-123 45 67, fritidsgården måste vara öppen på kvällarna"
EDITED = "Fritidsgården måste vara öppen på kvällarna"


@pytest.fixture
def author(join_participant, world) -> str:
    return join_participant(world.join_code)


@pytest.fixture
def perspective_id(client, world, author) -> int:
    sent = client.post(f"/api/v1/workshops/{world.workshop_id}/perspectives",
                       headers=bearer(author),
                       json={"text": WRITTEN, "kind": "idea", "client_id": "r1"})
    assert sent.json["status"] == "pending"  # the phone number holds it for moderation
    return int(sent.json["id"])


def moderate(client, world, perspective_id, **body):
    return client.post(f"/api/v1/perspectives/{perspective_id}/moderation",
                       headers=bearer(world.facilitator_token), json=body)


def test_redacting_publishes_the_edit_approved_and_logs_the_original(client, world,
                                                                     perspective_id):
    response = moderate(client, world, perspective_id, action="redact", text=EDITED,
                        reason="Telefonnumret togs bort")
    assert response.status_code == 200
    assert (response.json["text"], response.json["status"]) == (EDITED, "approved")
    assert response.json["personal_data"] == []
    with db.transaction() as session:
        assert session.get(Perspective, perspective_id).text == EDITED
        event = session.query(ModerationEvent).filter_by(action="redact").one()
        assert (event.original_text, event.edited_text) == (WRITTEN, EDITED)
        assert event.reason == "Telefonnumret togs bort"
    wall = client.get(f"/api/v1/workshops/{world.workshop_id}/perspectives",
                      headers=bearer(world.facilitator_token))
    assert "070-123" not in wall.get_data(as_text=True)


def test_the_original_is_never_published(client, world, perspective_id):
    moderate(client, world, perspective_id, action="redact", text=EDITED, reason="Nummer")
    published = client.post(f"/api/v1/processes/{world.process_id}/publications",
                            headers=bearer(world.facilitator_token), json={})
    assert published.status_code in (200, 201), published.json
    page = json.dumps(client.get(f"/api/v1/processes/{world.process_id}/publications",
                                 headers=bearer(world.facilitator_token)).json,
                      ensure_ascii=False)
    snapshot = json.dumps(client.get(f"/api/v1/processes/{world.process_id}/publication-preview",
                                     headers=bearer(world.facilitator_token)).json,
                          ensure_ascii=False)
    for text in (page, snapshot):
        assert "070-123" not in text  # the number (a digest may hold "070")
        assert "Ring mig" not in text
    assert EDITED in snapshot


def test_the_authors_phone_hears_what_was_changed_and_why(client, world, author,
                                                          perspective_id, socket_client):
    phone = socket_client(author)
    phone.get_received("/live")
    moderate(client, world, perspective_id, action="redact", text=EDITED,
             reason="Telefonnumret togs bort")
    heard = [m["args"][0] for m in phone.get_received("/live")
             if m["name"] == "perspective:status"]
    assert heard == [{"id": perspective_id, "status": "approved",
                      "note": {"action": "redact", "reason": "Telefonnumret togs bort",
                               "reason_code": None, "text": EDITED}}]
    mine = client.get("/api/v1/me/perspectives", headers=bearer(author)).json["perspectives"]
    assert mine[0]["text"] == EDITED
    assert mine[0]["note"] == {"action": "redact", "reason": "Telefonnumret togs bort",
                               "reason_code": None, "text": EDITED}


def test_hiding_gives_the_author_a_reason(client, world, author, perspective_id,
                                          socket_client):
    phone = socket_client(author)
    phone.get_received("/live")
    moderate(client, world, perspective_id, action="hide", reason="Handlar inte om frågan")
    heard = [m["args"][0] for m in phone.get_received("/live")
             if m["name"] == "perspective:status"]
    assert heard[0]["note"] == {"action": "hide", "reason": "Handlar inte om frågan",
                                "reason_code": None}
    mine = client.get("/api/v1/me/perspectives", headers=bearer(author)).json["perspectives"]
    assert mine[0]["note"] == {"action": "hide", "reason": "Handlar inte om frågan",
                               "reason_code": None, "text": None}


@pytest.mark.parametrize(("body", "code"), [
    ({"action": "redact", "reason": "x"}, "redaction_text_required"),
    ({"action": "redact", "text": "  ", "reason": "x"}, "redaction_text_required"),
    ({"action": "redact", "text": "a" * 501, "reason": "x"}, "redaction_text_too_long"),
    ({"action": "redact", "text": "Ring 070-123 45 67", "reason": "x"},
     "redaction_keeps_personal_data"),
    ({"action": "redact", "text": EDITED}, "redaction_reason_required"),
])
def test_a_redaction_that_cannot_be_published_is_refused(client, world, perspective_id,
                                                         body, code):
    response = moderate(client, world, perspective_id, **body)
    assert (response.status_code, response.json["error"]["code"]) == (400, code)
    assert response.json["error"]["message"]
    with db.transaction() as session:
        assert session.get(Perspective, perspective_id).text == WRITTEN


def test_redacting_over_socket_io_works_the_same(world, perspective_id, socket_client):
    console = socket_client(world.facilitator_token)
    ack = console.emit("perspective:moderate", {"perspective_id": perspective_id,
                                                "action": "redact", "text": EDITED,
                                                "reason": "Nummer"},
                       namespace="/live", callback=True)
    assert ack["ok"] is True
    assert ack["perspective"]["text"] == EDITED

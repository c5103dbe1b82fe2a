"""A round in the room follows the meeting; a digital round is answered from home.

A conversation round without a deadline is held in the room: while the meeting is paused a
reflection is told ``workshop_paused``, stays on the phone and is stored once when the
meeting continues; once the meeting is closed it is told ``workshop_closed``. A digital
round (a number of days to answer) does not depend on the meeting at all.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from dialog.models import utcnow
from tests.samtal.conftest import NS, Samtal

REFLECTION = {"view_change": "nuanced", "understood": "Polisen vill också ha kontakt."}


def set_state(samtal: Samtal, state: str) -> None:
    response = samtal.client.patch(f"/api/v1/workshops/{samtal.world.workshop_id}",
                                   json={"state": state}, headers=samtal.auth)
    assert response.status_code == 200, response.json


def reflect(phone: Any, round_id: int, client_id: str) -> dict[str, Any]:
    return dict(phone.emit("reflection:submit", REFLECTION | {
        "round_id": round_id, "client_id": client_id}, namespace=NS, callback=True))


def test_a_reflection_in_the_room_waits_through_a_pause_and_is_stored_once(
        samtal: Samtal, open_round: int, socket_client):
    phone = socket_client(samtal.phones["unga"])
    set_state(samtal, "paused")
    refused = reflect(phone, open_round, "r-pause")
    assert (refused["ok"], refused["error"]["code"]) == (False, "workshop_paused")
    set_state(samtal, "open")
    stored, again = reflect(phone, open_round, "r-pause"), reflect(phone, open_round, "r-pause")
    assert (stored["ok"], stored["duplicate"]) == (True, False)
    assert (again["id"], again["duplicate"]) == (stored["id"], True)


def test_a_reflection_in_the_room_is_refused_once_the_meeting_is_closed(
        samtal: Samtal, open_round: int, socket_client):
    phone = socket_client(samtal.phones["polis"])
    set_state(samtal, "closed")
    refused = reflect(phone, open_round, "r-closed")
    assert refused["error"] == {
        "code": "workshop_closed",
        "message": "Workshoppen är stängd just nu. Det du redan skickat finns kvar."}


def test_a_digital_round_is_answered_after_the_meeting_closed(samtal: Samtal, socket_client):
    closes = (utcnow() + timedelta(days=7)).isoformat()
    digital = samtal.build_round(title="Hemifrån", closes_at=closes).json["id"]
    set_state(samtal, "closed")
    phone = socket_client(samtal.phones["skola"])
    assert reflect(phone, digital, "r-home")["ok"] is True
    response = samtal.reflect(samtal.phones["vårdnadshavare"], digital, client_id="r-http")
    assert response.status_code == 201, response.json

"""A pause is not the end: a paused workshop says ``workshop_paused``, never ``workshop_closed``.

While the facilitator pauses a workshop, a client that sends a perspective is told the
workshop is paused (409, its own code), keeps what it wrote and sends it again when the
workshop continues; the resend is stored once. A paused workshop can still be joined by
code: the phone lands under the pause banner. Only a closed workshop refuses both.
"""

from __future__ import annotations

import pytest

from tests.conftest import bearer

NS = "/live"
PAUSED_SV = ("Workshoppen är pausad just nu. Det du skriver sparas på telefonen och skickas "
             "när workshoppen fortsätter.")
PAUSED_EN = ("The workshop is paused right now. What you write is kept on your phone and sent "
             "when the workshop continues.")


def set_state(client, world, state: str) -> None:
    response = client.patch(f"/api/v1/workshops/{world.workshop_id}", json={"state": state},
                            headers=bearer(world.facilitator_token))
    assert response.status_code == 200, response.get_json()


def submit(client, world, token: str, client_id: str = "p-1", lang: str = "sv"):
    return client.post(f"/api/v1/workshops/{world.workshop_id}/perspectives",
                       headers=bearer(token) | {"Accept-Language": lang},
                       json={"text": "Fler bänkar i parken.", "kind": "idea",
                             "client_id": client_id})


@pytest.mark.parametrize(("lang", "message"), [("sv", PAUSED_SV), ("en", PAUSED_EN)])
def test_a_paused_workshop_answers_workshop_paused_in_the_readers_language(
        client, world, join_participant, lang, message):
    token = join_participant(world.join_code)
    set_state(client, world, "paused")
    response = submit(client, world, token, lang=lang)
    assert (response.status_code, response.json["error"]["code"]) == (409, "workshop_paused")
    assert response.json["error"]["message"] == message


def test_a_closed_workshop_still_answers_workshop_closed(client, world, join_participant):
    token = join_participant(world.join_code)
    set_state(client, world, "closed")
    response = submit(client, world, token)
    assert (response.status_code, response.json["error"]["code"]) == (409, "workshop_closed")


def test_what_was_refused_in_the_pause_is_stored_once_when_the_workshop_continues(
        client, world, join_participant):
    token = join_participant(world.join_code)
    set_state(client, world, "paused")
    assert submit(client, world, token).status_code == 409
    set_state(client, world, "open")
    first, again = submit(client, world, token), submit(client, world, token)
    assert (first.status_code, first.json["duplicate"]) == (201, False)
    assert (again.status_code, again.json["id"], again.json["duplicate"]) == (
        200, first.json["id"], True)


def test_a_resend_of_what_was_stored_before_the_pause_still_answers(
        client, world, join_participant):
    """A lost acknowledgement before the pause: the outbox resends, the server recognises it."""
    token = join_participant(world.join_code)
    first = submit(client, world, token)
    set_state(client, world, "paused")
    resend = submit(client, world, token)
    assert (resend.status_code, resend.json["id"]) == (200, first.json["id"])


def test_over_socketio_the_phone_hears_workshop_paused_and_its_resend_is_stored_once(
        client, world, join_participant, socket_client):
    token = join_participant(world.join_code)
    phone = socket_client(token, lang="en")
    payload = {"text": "Lights on the path.", "kind": "idea", "client_id": "s-1"}
    set_state(client, world, "paused")
    refused = phone.emit("perspective:submit", payload, namespace=NS, callback=True)
    assert refused["ok"] is False
    assert refused["error"]["code"] == "workshop_paused"
    assert refused["error"]["message"] == PAUSED_EN
    set_state(client, world, "open")
    states = [e["args"][0]["state"] for e in phone.get_received(NS)
              if e["name"] == "workshop:state"]
    assert states == ["paused", "open"]  # the phone's cue to send its outbox again
    stored = phone.emit("perspective:submit", payload, namespace=NS, callback=True)
    again = phone.emit("perspective:submit", payload, namespace=NS, callback=True)
    assert (stored["ok"], stored["duplicate"]) == (True, False)
    assert (again["id"], again["duplicate"]) == (stored["id"], True)


def test_a_paused_workshop_can_be_joined_by_code(client, world):
    set_state(client, world, "paused")
    joined = client.post("/api/v1/join", json={"join_code": world.join_code})
    assert joined.status_code == 201, joined.get_json()
    page = client.get(f"/j/{world.join_code}")
    assert page.status_code == 200
    assert "Workshoppen har paus just nu." in page.get_data(as_text=True)
    assert client.get(f"/join?code={world.join_code}").status_code == 302


def test_an_open_workshops_join_page_says_nothing_of_a_pause(client, world):
    assert "Workshoppen har paus" not in client.get(f"/j/{world.join_code}").get_data(
        as_text=True)


def test_a_closed_workshop_cannot_be_joined_by_code(client, world):
    set_state(client, world, "closed")
    joined = client.post("/api/v1/join", json={"join_code": world.join_code})
    assert (joined.status_code, joined.json["error"]["code"]) == (409, "workshop_closed")
    assert client.get(f"/j/{world.join_code}").status_code == 409

"""One person, one voice in a digital round: joining needs a participant code."""

from __future__ import annotations

from tests.conftest import bearer


def test_a_digital_round_can_require_a_participant_code(client, world):
    headers = bearer(world.facilitator_token)
    cards = client.post(f"/api/v1/processes/{world.process_id}/participant-cards",
                        headers=headers, json={"count": 2}).json["codes"]
    week = client.post(f"/api/v1/processes/{world.process_id}/workshops", headers=headers,
                       json={"title": "Digital vecka", "format": "digital",
                             "requires_participant_code": True}).json
    assert client.get(f"/api/v1/workshops/{week['id']}", headers=headers).json[
        "requires_participant_code"] is True

    refused = client.post("/api/v1/join", json={"join_code": week["join_code"]})
    assert (refused.status_code, refused.json["error"]["code"]) == (
        403, "participant_code_required")

    first = client.post("/api/v1/join", json={"join_code": week["join_code"],
                                              "participant_code": cards[0]}).json
    again = client.post("/api/v1/join", json={"join_code": week["join_code"],
                                              "participant_code": cards[0]}).json
    # Joining again with the same card is the same person: no second voice.
    assert again["returning"] is True
    mine = client.get("/api/v1/me/perspectives", headers=bearer(again["participant_token"]))
    assert mine.status_code == 200
    old = client.get("/api/v1/me/perspectives", headers=bearer(first["participant_token"]))
    assert old.status_code == 401  # the earlier token is retired
    meeting = client.get(f"/api/v1/workshops/{week['id']}", headers=headers).json
    assert meeting["attendance"]["total"] == 1


def test_the_requirement_can_be_switched_off(client, world):
    headers = bearer(world.facilitator_token)
    client.patch(f"/api/v1/workshops/{world.workshop_id}", headers=headers,
                 json={"requires_participant_code": True})
    assert client.post("/api/v1/join", json={"join_code": world.join_code}).status_code == 403
    client.patch(f"/api/v1/workshops/{world.workshop_id}", headers=headers,
                 json={"requires_participant_code": False})
    assert client.post("/api/v1/join", json={"join_code": world.join_code}).status_code == 201


def test_the_join_page_of_such_a_meeting_does_not_say_to_leave_the_code_empty(client, world):
    headers = bearer(world.facilitator_token)
    plain = client.get(f"/j/{world.join_code}").get_data(as_text=True)
    assert "Lämna tomt första gången." in plain
    client.patch(f"/api/v1/workshops/{world.workshop_id}", headers=headers,
                 json={"requires_participant_code": True})
    page = client.get(f"/j/{world.join_code}").get_data(as_text=True)
    assert "Det här mötet kräver din deltagarkod" in page
    assert "Lämna tomt" not in page
    english = client.get(f"/j/{world.join_code}?lang=en").get_data(as_text=True)
    assert "This meeting needs your participant code" in english
    assert "Leave empty" not in english

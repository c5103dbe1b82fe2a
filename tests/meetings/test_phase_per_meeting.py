"""A phase per meeting: a digital round reflects while a youth centre still collects."""

from __future__ import annotations

from tests.conftest import bearer

NS = "/live"


def two_meetings(client, world):
    headers = bearer(world.facilitator_token)
    digital = client.post(f"/api/v1/processes/{world.process_id}/workshops", headers=headers,
                          json={"title": "Digital vecka", "format": "digital"}).json
    return headers, world.workshop_id, digital


def phase_of(client, headers, workshop_id):
    return client.get(f"/api/v1/workshops/{workshop_id}", headers=headers).json["phase"]


def test_a_phase_opens_for_the_named_meetings_only(client, world):
    headers, youth_centre, digital = two_meetings(client, world)
    opened = client.post(f"/api/v1/processes/{world.process_id}/phases", headers=headers,
                         json={"kind": "larande_samtal", "workshop_ids": [digital["id"]]})
    assert opened.status_code == 201
    assert phase_of(client, headers, digital["id"]) == {
        "kind": "larande_samtal", "round": 1, "status": "open"}
    assert phase_of(client, headers, youth_centre) == {
        "kind": "inventering", "round": 1, "status": "open"}
    phases = client.get(f"/api/v1/processes/{world.process_id}/phases", headers=headers).json
    assert [(p["kind"], p["status"]) for p in phases["phases"]] == [
        ("inventering", "open"), ("larande_samtal", "open")]


def test_a_phase_left_by_every_meeting_closes(client, world):
    headers, youth_centre, digital = two_meetings(client, world)
    url = f"/api/v1/processes/{world.process_id}/phases"
    client.post(url, headers=headers, json={"kind": "larande_samtal",
                                            "workshop_ids": [digital["id"]]})
    again = client.post(url, headers=headers, json={"kind": "larande_samtal",
                                                    "workshop_ids": [youth_centre]})
    assert again.status_code == 201
    assert again.json["round"] == 1  # the youth centre joins the open round
    phases = client.get(url, headers=headers).json["phases"]
    assert [(p["kind"], p["status"]) for p in phases] == [
        ("inventering", "closed"), ("larande_samtal", "open")]
    twice = client.post(url, headers=headers, json={"kind": "larande_samtal",
                                                    "workshop_ids": [youth_centre]})
    assert (twice.status_code, twice.json["error"]["code"]) == (409, "phase_already_open")


def test_without_workshop_ids_every_meeting_follows_as_before(client, world):
    headers, youth_centre, digital = two_meetings(client, world)
    client.post(f"/api/v1/processes/{world.process_id}/phases", headers=headers,
                json={"kind": "larande_samtal"})
    for workshop_id in (youth_centre, digital["id"]):
        assert phase_of(client, headers, workshop_id)["kind"] == "larande_samtal"


def test_bad_workshop_ids_are_refused(client, world, make_world):
    headers, _youth_centre, _digital = two_meetings(client, world)
    other = make_world(email="annan@kungsbacka.se")
    url = f"/api/v1/processes/{world.process_id}/phases"
    for ids, status, code in (([], 400, "invalid_workshop_ids"),
                              ("1", 400, "invalid_workshop_ids"),
                              ([other.workshop_id], 404, "unknown_workshop"),
                              (["x"], 404, "unknown_workshop")):
        answer = client.post(url, headers=headers, json={"kind": "larande_samtal",
                                                         "workshop_ids": ids})
        assert (answer.status_code, answer.json["error"]["code"]) == (status, code), ids


def test_phones_follow_their_own_meetings_phase(client, world, socket_client):
    headers, youth_centre, digital = two_meetings(client, world)
    at_centre = client.post("/api/v1/join", json={"join_code": world.join_code}).json
    online = client.post("/api/v1/join", json={"join_code": digital["join_code"]}).json
    centre_phone = socket_client(at_centre["participant_token"])
    online_phone = socket_client(online["participant_token"])
    centre_phone.get_received(NS)
    online_phone.get_received(NS)

    client.post(f"/api/v1/processes/{world.process_id}/phases", headers=headers,
                json={"kind": "larande_samtal", "workshop_ids": [digital["id"]]})

    online_events = [e for e in online_phone.get_received(NS) if e["name"] == "phase:changed"]
    assert online_events
    assert online_events[0]["args"][0]["phase"]["kind"] == "larande_samtal"
    assert not [e for e in centre_phone.get_received(NS) if e["name"] == "phase:changed"]
    online_screen = client.get("/api/v1/me/screen",
                               headers=bearer(online["participant_token"])).json
    centre_screen = client.get("/api/v1/me/screen",
                               headers=bearer(at_centre["participant_token"])).json
    assert online_screen["phase"]["kind"] == "larande_samtal"
    assert centre_screen["phase"]["kind"] == "inventering"
    assert centre_screen["screen"]["url"].endswith(f"/w/{youth_centre}")

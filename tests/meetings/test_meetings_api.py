"""Meetings as real objects: place, time, format, team, agenda and attendance, over the API."""

from __future__ import annotations

from tests.conftest import bearer

MEETING = {
    "title": "Fritidsgården Håsten",
    "place": "Fritidsgården Håsten, Varberg",
    "starts_at": "2026-03-04T18:00:00+01:00",
    "ends_at": "2026-03-04T20:00:00+01:00",
    "format": "physical",
    "target_groups": ["unga"],
    "facilitators": ["Amira (fritidsledare)", "samtalsledare@varberg.se"],
    "agenda": "1. Välkomna\n2. Vad gör Varberg tryggt?\n3. Vad saknas?",
}


def open_meeting(client, world, **changes):
    return client.post(f"/api/v1/processes/{world.process_id}/workshops",
                       headers=bearer(world.facilitator_token), json={**MEETING, **changes})


def test_a_meeting_is_opened_with_its_place_time_format_team_and_agenda(client, world):
    created = open_meeting(client, world)
    assert created.status_code == 201
    meeting = client.get(f"/api/v1/workshops/{created.json['id']}",
                         headers=bearer(world.facilitator_token)).json
    assert meeting["place"] == "Fritidsgården Håsten, Varberg"
    assert meeting["starts_at"] == "2026-03-04T17:00:00+00:00"
    assert meeting["ends_at"] == "2026-03-04T19:00:00+00:00"
    assert meeting["format"] == "physical"
    assert meeting["target_groups"] == ["unga"]
    assert meeting["facilitators"] == ["Amira (fritidsledare)", "samtalsledare@varberg.se"]
    assert meeting["agenda"].startswith("1. Välkomna")
    assert meeting["phase"] == {"kind": "inventering", "round": 1, "status": "open"}
    assert meeting["attendance"] == {"total": 0, "returning": 0, "groups": []}


def test_a_meeting_is_changed_with_patch(client, world):
    headers = bearer(world.facilitator_token)
    changed = client.patch(f"/api/v1/workshops/{world.workshop_id}", headers=headers,
                           json={"format": "digital", "place": "",
                                 "starts_at": "2026-03-10T08:00:00Z",
                                 "ends_at": "2026-03-17T08:00:00Z", "title": "Digital vecka"})
    assert changed.status_code == 200
    assert (changed.json["format"], changed.json["title"]) == ("digital", "Digital vecka")
    assert changed.json["ends_at"] == "2026-03-17T08:00:00+00:00"


def test_unknown_fields_are_refused_not_ignored(client, world):
    headers = bearer(world.facilitator_token)
    created = open_meeting(client, world, plats="Håsten")
    assert (created.status_code, created.json["error"]["code"]) == (400, "unknown_field")
    assert "plats" in created.json["error"]["message"]
    changed = client.patch(f"/api/v1/workshops/{world.workshop_id}", headers=headers,
                           json={"stat": "closed"})
    assert (changed.status_code, changed.json["error"]["code"]) == (400, "unknown_field")
    joined = client.post("/api/v1/join", json={"join_code": world.join_code, "grupp": "unga"})
    assert (joined.status_code, joined.json["error"]["code"]) == (400, "unknown_field")


def test_bad_meeting_details_are_clear_errors(client, world):
    cases = [
        ({"format": "telepathic"}, "invalid_meeting_format"),
        ({"starts_at": "i morgon"}, "invalid_moment"),
        ({"starts_at": "2026-03-04T18:00:00"}, "invalid_moment"),
        ({"starts_at": "2026-03-04T18:00:00+01:00", "ends_at": "2026-03-04T17:00:00+01:00"},
         "meeting_ends_before_start"),
        ({"facilitators": "x" * 300}, "field_too_long"),
        ({"target_groups": [1, 2]}, "invalid_field"),
    ]
    for fields, code in cases:
        answer = open_meeting(client, world, **fields)
        assert (answer.status_code, answer.json["error"]["code"]) == (400, code), fields
        assert answer.json["error"]["message"]


def test_attendance_counts_people_per_group(client, world):
    for group in ("unga", "unga", "polis", ""):
        body = {"join_code": world.join_code}
        if group:
            body["stakeholder_group"] = group
        assert client.post("/api/v1/join", json=body).status_code == 201
    meeting = client.get(f"/api/v1/workshops/{world.workshop_id}",
                         headers=bearer(world.facilitator_token)).json
    assert meeting["attendance"]["total"] == 4
    assert {"name": "unga", "participants": 2} in meeting["attendance"]["groups"]
    assert {"name": None, "participants": 1} in meeting["attendance"]["groups"]


def test_the_openapi_document_describes_the_meeting(client):
    spec = client.get("/api/v1/openapi.json").json
    text = str(spec)
    for field in ("starts_at", "target_groups", "facilitators", "participant_code"):
        assert field in text

"""Explicit links: a facilitator or a participant says how two perspectives relate."""

from __future__ import annotations

import pytest

from tests.conftest import bearer


def draw(client, room, token, source, target, relation="builds_on", process_id=None):
    return client.post(f"/api/v1/processes/{process_id or room.world.process_id}/links",
                       headers=bearer(token),
                       json={"source_id": source, "target_id": target, "relation": relation})


def test_a_facilitator_draws_a_link_once(client, room):
    a, b = room.perspective_ids[:2]
    first = draw(client, room, room.world.facilitator_token, a, b, "contrasts_with")
    again = draw(client, room, room.world.facilitator_token, b, a, "contrasts_with")

    assert first.status_code == 201
    assert first.json["drawn_by"] == "facilitator"
    assert again.status_code == 200
    assert again.json["id"] == first.json["id"]  # contrasts_with reads the same both ways


def test_builds_on_has_a_direction(client, room):
    a, b = room.perspective_ids[:2]
    assert draw(client, room, room.world.facilitator_token, a, b).status_code == 201
    assert draw(client, room, room.world.facilitator_token, b, a).status_code == 201


def test_a_participant_of_the_process_may_draw_a_link_and_it_reaches_the_map(client, room):
    a, b = room.perspective_ids[2:4]
    response = draw(client, room, room.readers[0], a, b, "same_as")
    assert response.status_code == 201
    assert response.json["drawn_by"] == "participant"

    found = client.get(f"/api/v1/processes/{room.world.process_id}/map",
                       headers=bearer(room.world.facilitator_token)).json
    edges = [e for e in found["graph"]["edges"] if "same_as" in e.get("relations", ())]
    assert {(e["source"], e["target"]) for e in edges} == {(f"p:{a}", f"p:{b}")}
    listed = client.get(f"/api/v1/processes/{room.world.process_id}/links",
                        headers=bearer(room.world.facilitator_token)).json["links"]
    assert [(k["source_id"], k["target_id"], k["relation"]) for k in listed] == [
        (a, b, "same_as")]


@pytest.mark.parametrize(("case", "status", "code"), [
    ("unknown relation", 400, "unknown_relation"),
    ("to itself", 400, "link_to_itself"),
    ("missing source", 400, "field_required"),
    ("unknown perspective", 404, "perspective_not_found"),
    ("hidden perspective", 409, "perspective_not_open_for_reactions"),
    ("another facilitator", 403, "not_your_process"),
    ("participant of another process", 403, "token_not_for_this_process"),
    ("no token", 401, "unauthorized"),
])
def test_bad_links_are_refused_with_a_stable_code(client, room, hide, make_world,
                                                  join_participant, case, status, code):
    a, b = room.perspective_ids[:2]
    token, relation = room.world.facilitator_token, "builds_on"
    body = {"source_id": a, "target_id": b, "relation": relation}
    if case == "unknown relation":
        body["relation"] = "loves"
    elif case == "to itself":
        body["target_id"] = a
    elif case == "missing source":
        del body["source_id"]
    elif case == "unknown perspective":
        body["target_id"] = 999_999
    elif case == "hidden perspective":
        hide(b)
    elif case == "another facilitator":
        token = make_world(email="annan@halland.se").facilitator_token
    elif case == "participant of another process":
        token = join_participant(make_world(email="annan@halland.se").join_code)
    headers = {} if case == "no token" else bearer(token)
    response = client.post(f"/api/v1/processes/{room.world.process_id}/links",
                           headers=headers, json=body)
    assert (response.status_code, response.json["error"]["code"]) == (status, code)

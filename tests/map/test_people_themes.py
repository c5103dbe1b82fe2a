"""A map for people: a stored, seeded layout, and themes with stable ids and readable names.

Themes come from the analysis afresh each time; a theme that keeps most of its perspectives
keeps its id and the name the facilitator gave it, and that name is what the map shows.
"""

from __future__ import annotations

import itertools

import pytest

from tests.conftest import bearer

PARK = ["Bättre belysning i parken, så att kvällarna känns tryggare",
        "Parken behöver fler lampor längs gångvägen",
        "Trygga gångvägar genom parken på kvällen"]
YOUTH = ["Fritidsgården borde vara öppen på helgerna",
         "Unga behöver en plats att vara på kvällarna",
         "Längre öppettider på fritidsgården för unga"]


@pytest.fixture
def themed(client, world, join_participant, write):
    """Two chains of linked perspectives: two themes."""
    token = join_participant(world.join_code)
    ids = {"park": [write(token, world.workshop_id, t) for t in PARK],
           "youth": [write(token, world.workshop_id, t) for t in YOUTH]}
    for chain in ids.values():
        for source, target in itertools.pairwise(chain):
            link(client, world, source, target)
    return ids


def link(client, world, source, target):
    response = client.post(f"/api/v1/processes/{world.process_id}/links",
                           headers=bearer(world.facilitator_token),
                           json={"source_id": source, "target_id": target,
                                 "relation": "builds_on"})
    assert response.status_code in (200, 201), response.json


def get_map(client, world):
    response = client.get(f"/api/v1/processes/{world.process_id}/map",
                          headers=bearer(world.facilitator_token))
    assert response.status_code == 200, response.json
    return response.json


def theme_of(found, perspective_id):
    return next(t for t in found["themes"] if perspective_id in t["perspective_ids"])


def rename(client, world, theme_id, name, process_id=None):
    return client.patch(
        f"/api/v1/processes/{process_id or world.process_id}/themes/{theme_id}",
        headers=bearer(world.facilitator_token), json={"name": name})


def test_every_node_carries_a_stored_position(client, world, themed):
    first = get_map(client, world)
    for node in first["graph"]["nodes"]:
        assert 0.0 <= node["x"] <= 1.0, node
        assert 0.0 <= node["y"] <= 1.2, node
    again = get_map(client, world)
    assert [(n["id"], n["x"], n["y"]) for n in again["graph"]["nodes"]] == [
        (n["id"], n["x"], n["y"]) for n in first["graph"]["nodes"]]


def test_a_theme_is_suggested_a_readable_name_from_what_people_wrote(client, world, themed):
    park = theme_of(get_map(client, world), themed["park"][0])
    assert park["suggested_name"] in {
        "Bättre belysning i parken …", "Parken behöver fler lampor längs gångvägen",
        "Trygga gångvägar genom parken på kvällen"}
    assert park["label"] == park["suggested_name"]
    assert park["name"] is None


def test_the_facilitators_name_is_what_the_map_shows(client, world, themed):
    park = theme_of(get_map(client, world), themed["park"][0])
    response = rename(client, world, park["id"], "  Ljus   i parken ")
    assert response.status_code == 200
    assert response.json == {"id": park["id"], "process_id": world.process_id,
                             "name": "Ljus i parken", "suggested_name": park["suggested_name"],
                             "label": "Ljus i parken"}
    found = get_map(client, world)
    assert theme_of(found, themed["park"][0])["label"] == "Ljus i parken"
    node = next(n for n in found["graph"]["nodes"] if n["id"] == f"t:{park['id']}")
    assert node["label"] == "Ljus i parken"
    projector = client.get(f"/api/v1/processes/{world.process_id}/map?view=projector",
                           headers=bearer(world.facilitator_token)).json
    assert "Ljus i parken" in [t["label"] for t in projector["themes"]]


def test_a_theme_keeps_its_id_and_name_when_the_analysis_runs_again(client, world, themed,
                                                                     join_participant, write):
    before = get_map(client, world)
    park, youth = theme_of(before, themed["park"][0]), theme_of(before, themed["youth"][0])
    assert park["id"] != youth["id"]
    rename(client, world, park["id"], "Ljus i parken")
    token = join_participant(world.join_code)
    newer = write(token, world.workshop_id, "Lampor i parken hela natten")
    link(client, world, themed["park"][2], newer)
    after = get_map(client, world)
    again = theme_of(after, newer)
    assert (again["id"], again["label"]) == (park["id"], "Ljus i parken")
    assert theme_of(after, themed["youth"][0])["id"] == youth["id"]


@pytest.mark.parametrize(("name", "status", "code"), [
    ("", 400, "theme_name_required"), (None, 400, "theme_name_required"),
    ("x" * 121, 400, "theme_name_too_long")])
def test_a_theme_name_that_cannot_be_used_is_refused(client, world, themed, name, status, code):
    park = theme_of(get_map(client, world), themed["park"][0])
    response = rename(client, world, park["id"], name)
    assert (response.status_code, response.json["error"]["code"]) == (status, code)
    assert response.json["error"]["message"]


def test_a_theme_of_another_process_is_not_found(client, world, themed, make_world):
    park = theme_of(get_map(client, world), themed["park"][0])
    other = make_world(email="annan@varberg.se")
    response = client.patch(f"/api/v1/processes/{other.process_id}/themes/{park['id']}",
                            headers=bearer(other.facilitator_token), json={"name": "Mitt"})
    assert (response.status_code, response.json["error"]["code"]) == (404, "map_theme_not_found")
    assert rename(client, world, 999_999, "Finns inte").status_code == 404


def test_renaming_over_socket_io_answers_with_the_theme(world, themed, client, socket_client):
    park = theme_of(get_map(client, world), themed["park"][0])
    console = socket_client(world.facilitator_token)
    ack = console.emit("theme:rename", {"process_id": world.process_id, "theme_id": park["id"],
                                        "name": "Parken"}, namespace="/live", callback=True)
    assert ack["ok"] is True
    assert ack["theme"]["label"] == "Parken"


def test_the_publication_shows_the_same_picture_and_the_facilitators_names(client, world,
                                                                           themed):
    found = get_map(client, world)
    park = theme_of(found, themed["park"][0])
    rename(client, world, park["id"], "Ljus i parken")
    preview = client.get(f"/api/v1/processes/{world.process_id}/publication-preview",
                         headers=bearer(world.facilitator_token))
    assert preview.status_code == 200, preview.json
    published = preview.json["map"]
    assert "Ljus i parken" in [t["label"] for t in published["themes"]]
    on_map = {n["id"]: (n["x"], n["y"]) for n in get_map(client, world)["graph"]["nodes"]}
    drawn = [n for n in published["graph"]["nodes"] if "x" in n]
    assert drawn
    # The same arrangement: left-to-right and top-to-bottom orders agree with the map's.
    by_x = sorted(drawn, key=lambda n: (n["x"], n["id"]))
    assert [on_map[n["id"]][0] for n in by_x] == sorted(on_map[n["id"]][0] for n in drawn)
    by_y = sorted(drawn, key=lambda n: (n["y"], n["id"]))
    assert [on_map[n["id"]][1] for n in by_y] == sorted(on_map[n["id"]][1] for n in drawn)

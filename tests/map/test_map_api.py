"""The map API: one JSON object with the graph, opinion groups and missing perspectives."""

from __future__ import annotations

import networkx as nx
import pytest

from tests.conftest import bearer

MAP_KEYS = {"graph", "opinion_groups", "consensus", "divisive", "themes", "missing_perspectives",
            "bridging", "coverage", "group_informed_consensus", "uncertain", "timing_ms",
            "computed_at"}


def get_map(client, world, **query):
    response = client.get(f"/api/v1/processes/{world.process_id}/map",
                          headers=bearer(world.facilitator_token), query_string=query)
    assert response.status_code == 200, response.json
    return response.json


def react_all(client, room, pattern):
    """Every reader and writer reacts to every perspective by ``pattern(person, index)``."""
    for person, token in enumerate(room.readers + room.writers):
        for index, perspective_id in enumerate(room.perspective_ids):
            client.post(f"/api/v1/perspectives/{perspective_id}/votes", headers=bearer(token),
                        json={"vote": pattern(person, index)})


def test_the_map_has_every_documented_part(client, room):
    found = get_map(client, room.world)

    assert set(found) >= MAP_KEYS
    graph = nx.node_link_graph(found["graph"], edges="edges")
    perspective_nodes = {n for n, a in graph.nodes(data=True) if a["type"] == "perspective"}
    assert perspective_nodes == {f"p:{pid}" for pid in room.perspective_ids}
    assert found["timing_ms"]["total"] > 0


def test_a_group_that_has_said_nothing_is_prompted_for_in_swedish(client, room):
    prompts = get_map(client, room.world)["missing_perspectives"]

    silent = [p for p in prompts if p["type"] == "group_silent"]
    assert [p["stakeholder_group"] for p in silent] == ["polis"]
    assert silent[0]["message_sv"] == ("Inga perspektiv från polis ännu. "
                                       "Vilket perspektiv saknar vi?")


def test_hidden_perspectives_never_reach_the_map(client, room, hide):
    hide(room.perspective_ids[0])
    found = get_map(client, room.world)
    nodes = {n["id"] for n in found["graph"]["nodes"]}
    assert f"p:{room.perspective_ids[0]}" not in nodes
    assert f"p:{room.perspective_ids[1]}" in nodes


def test_an_address_approved_anyway_reaches_the_map_redacted(client, room, write, hide,
                                                             join_participant):
    """The map's projector view showed "anna.svensson@example.com" to the room: a flagged
    perspective the facilitator approved anyway kept its original text in the map."""
    token = join_participant(room.world.join_code, "unga")
    flagged = write(token, room.world.workshop_id,
                    "Mejla anna.svensson@example.com om kvällarna vid stationen")
    hide(flagged, "approve")
    found = get_map(client, room.world)
    node = next(n for n in found["graph"]["nodes"] if n["id"] == f"p:{flagged}")
    assert node["text"] == "Mejla [e-postadress borttagen] om kvällarna vid stationen"
    assert "anna.svensson" not in str(found)


def test_two_camps_become_two_opinion_groups_with_their_own_perspectives(client, room):
    # Even people agree with the first two perspectives and reject the next two; odd ones
    # the opposite. Everybody agrees with the last one (a consensus).
    def camp(person, index):
        if index == 4:
            return "agree"
        return "agree" if (person % 2 == 0) == (index < 2) else "disagree"

    react_all(client, room, camp)
    found = get_map(client, room.world)

    assert len(found["opinion_groups"]) == 2
    assert sorted(g["size"] for g in found["opinion_groups"]) == [4, 4]
    assert found["consensus"][0]["perspective_id"] == room.perspective_ids[4]
    assert found["consensus"][0]["text"].startswith("Skolan behöver")
    divisive = {d["perspective_id"] for d in found["divisive"]}
    assert divisive <= set(room.perspective_ids[:4])
    assert divisive
    assert found["counts"] == {"participants": 8, "perspectives": 5, "reactions": 40}


def test_the_stored_map_is_reused_until_something_changes(client, room):
    first = get_map(client, room.world)
    again = get_map(client, room.world)
    assert again["computed_at"] == first["computed_at"]

    client.post(f"/api/v1/perspectives/{room.perspective_ids[0]}/votes",
                headers=bearer(room.readers[0]), json={"vote": "agree"})
    changed = get_map(client, room.world)
    assert changed["computed_at"] != first["computed_at"]
    assert changed["counts"]["reactions"] == 1


def test_the_projector_view_shows_group_sizes_but_not_members(client, room):
    react_all(client, room, lambda person, index: "agree" if (person + index) % 2 else "disagree")
    found = get_map(client, room.world, view="projector")
    assert "projection" not in found
    assert all("members" not in g and "size" in g for g in found["opinion_groups"])


@pytest.mark.parametrize(("who", "status", "code"), [
    ("nobody", 401, "facilitator_token_required"),
    ("participant", 401, "participant_token_not_allowed"),
    ("another facilitator", 403, "not_your_process"),
])
def test_only_the_process_facilitator_sees_the_map(client, room, make_facilitator, who, status,
                                                   code):
    headers = {"nobody": {}, "participant": bearer(room.readers[0]),
               "another facilitator": bearer(make_facilitator("annan@halland.se")[1])}[who]
    response = client.get(f"/api/v1/processes/{room.world.process_id}/map", headers=headers)
    assert (response.status_code, response.json["error"]["code"]) == (status, code)


def test_an_unknown_process_and_a_bad_seed_are_refused(client, room):
    headers = bearer(room.world.facilitator_token)
    missing = client.get("/api/v1/processes/99999/map", headers=headers)
    bad_seed = client.get(f"/api/v1/processes/{room.world.process_id}/map?seed=x",
                          headers=headers)
    assert (missing.status_code, missing.json["error"]["code"]) == (404, "process_not_found")
    assert (bad_seed.status_code, bad_seed.json["error"]["code"]) == (400, "invalid_seed")


def test_the_openapi_document_describes_the_map_paths(client):
    paths = client.get("/api/v1/openapi.json").json["paths"]
    assert {"/perspectives/{id}/votes", "/workshops/{id}/next-perspective",
            "/processes/{id}/map", "/processes/{id}/links"} <= set(paths)
    assert "post" in paths["/perspectives/{id}/votes"]


def test_timing_ms_starts_after_the_analysis_libraries_are_loaded(client, room, monkeypatch):
    """``timing_ms`` measures the analysis, not imports: the libraries are loaded (a no-op
    once loaded, about a second the first time) before the clock starts."""
    from phases.inventering.map import analysis_runs

    calls: list[str] = []
    real_clock = analysis_runs.time.perf_counter
    real_load = analysis_runs.load_libraries

    def clock() -> float:
        calls.append("clock")
        return real_clock()

    def load() -> None:
        calls.append("load")
        real_load()

    monkeypatch.setattr(analysis_runs, "load_libraries", load)
    monkeypatch.setattr(analysis_runs.time, "perf_counter", clock)
    found = client.get(f"/api/v1/processes/{room.world.process_id}/map?fresh=1",
                       headers=bearer(room.world.facilitator_token))
    assert found.status_code == 200, found.json
    assert "load" in calls
    assert "clock" in calls
    assert calls.index("load") < calls.index("clock"), calls

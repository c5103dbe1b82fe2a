"""A flagged perspective a facilitator approves anyway reaches the room redacted.

The facilitator's console shows what was written (to judge it); every phone, the wall, live
events and the publication see ``[telefonnummer borttaget]`` instead of the number.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask.testing import FlaskClient

from tests.conftest import World, bearer
from tests.samtal.conftest import Samtal, listened, samtal  # noqa: F401  (fixtures)

NUMBER = "070.123.45.67"
WRITTEN = f"Ring mig på {NUMBER} om fritidsgården"
SHOWN = "Ring mig på [telefonnummer borttaget] om fritidsgården"


def write_and_approve(client: FlaskClient, world: World, token: str) -> int:
    sent = client.post(f"/api/v1/workshops/{world.workshop_id}/perspectives",
                       headers=bearer(token),
                       json={"text": WRITTEN, "kind": "idea", "client_id": "pd-1"})
    assert sent.json["status"] == "pending"
    perspective_id: int = sent.json["id"]
    approved = client.post(f"/api/v1/perspectives/{perspective_id}/moderation",
                           headers=bearer(world.facilitator_token), json={"action": "approve"})
    assert approved.status_code == 200, approved.json
    return perspective_id


def test_the_wall_and_its_live_events_show_the_text_redacted(
        client: FlaskClient, world: World, join_participant: Callable[..., str],
        socket_client: Callable[..., Any]):
    wall = socket_client(world.facilitator_token)
    watched = wall.emit("workshop:watch", {"workshop_id": world.workshop_id,
                                           "view": "projector"}, namespace="/live",
                        callback=True)
    assert watched["ok"], watched
    write_and_approve(client, world, join_participant(world.join_code))
    shown = [e["args"][0] for e in wall.get_received("/live") if e["name"] == "wall:perspective"]
    assert [p["text"] for p in shown] == [SHOWN]

    again = socket_client(world.facilitator_token).emit(
        "workshop:watch", {"workshop_id": world.workshop_id, "view": "projector"},
        namespace="/live", callback=True)
    assert [p["text"] for p in again["perspectives"]] == [SHOWN]


def test_the_facilitators_console_shows_what_was_written(
        client: FlaskClient, world: World, join_participant: Callable[..., str],
        socket_client: Callable[..., Any]):
    write_and_approve(client, world, join_participant(world.join_code))
    console = socket_client(world.facilitator_token).emit(
        "workshop:watch", {"workshop_id": world.workshop_id}, namespace="/live", callback=True)
    assert [p["text"] for p in console["perspectives"]] == [WRITTEN]


def test_another_phone_reacting_on_the_map_sees_it_redacted(
        client: FlaskClient, world: World, join_participant: Callable[..., str]):
    write_and_approve(client, world, join_participant(world.join_code))
    other = join_participant(world.join_code)
    answer = client.get(f"/api/v1/workshops/{world.workshop_id}/next-perspective",
                        headers=bearer(other))
    assert answer.status_code == 200, answer.json
    assert answer.json["perspective"]["text"] == SHOWN


def test_phones_in_a_conversation_round_see_it_redacted(listened: Samtal,  # noqa: F811
                                                        join_participant: Callable[..., str]):
    client, world = listened.client, listened.world
    flagged = write_and_approve(client, world, join_participant(world.join_code))
    assert listened.open_phase("larande_samtal").status_code == 201
    made = listened.build_round([flagged, listened.perspective_ids[0]])
    assert made.status_code == 201, made.json
    phone = listened.phones["unga"]
    rounds = client.get("/api/v1/me/conversation-rounds", headers=bearer(phone)).json
    texts = [p["text"] for r in rounds["rounds"] for p in r["perspectives"]]
    assert SHOWN in texts
    assert not any(NUMBER in text for text in texts)
    page = client.get(f"/w/{world.workshop_id}/samtal").get_data(as_text=True)
    assert "[telefonnummer borttaget]" in page
    assert NUMBER not in page


def test_redacted_text_is_the_one_function_to_build_on():
    from dialog.services.personal_data import redacted_text

    assert redacted_text(WRITTEN, ["phone"]) == SHOWN
    assert redacted_text(WRITTEN, []) == WRITTEN

"""A facilitator can block a participant: further submissions are refused, nothing is deleted,
the decision is in the moderation log, and the phone's live connection is dropped.

A socket also goes when its token is retired (the retention rule unlinks every token).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask.testing import FlaskClient

from dialog.extensions import db
from dialog.models import PublicationSettings, Workshop, WorkshopState
from dialog.publication.retention import apply_retention
from tests.conftest import World, bearer

NS = "/live"


def post(client: FlaskClient, world: World, token: str, n: int = 0):
    return client.post(f"/api/v1/workshops/{world.workshop_id}/perspectives",
                       headers=bearer(token),
                       json={"text": f"Mörka gångvägar vid skolan {n}", "kind": "feeling",
                             "client_id": f"b-{n}"})


def block(client: FlaskClient, world: World, participant_id: int, what: str = "block",
          token: str | None = None):
    return client.post(f"/api/v1/participants/{participant_id}/{what}",
                       headers=bearer(token or world.facilitator_token),
                       json={"reason": "Skickade samma text hundra gånger"})


def perspectives(client: FlaskClient, world: World) -> list[dict[str, Any]]:
    answer = client.get(f"/api/v1/processes/{world.process_id}/perspectives",
                        headers=bearer(world.facilitator_token))
    listed: list[dict[str, Any]] = answer.json["perspectives"]
    return listed


def test_a_blocked_participant_is_refused_and_keeps_what_they_wrote(
        client: FlaskClient, world: World, join_participant: Callable[..., str]):
    token = join_participant(world.join_code)
    first = post(client, world, token).json
    answer = block(client, world, first["participant_id"] if "participant_id" in first
                   else perspectives(client, world)[0]["participant_id"])
    assert answer.status_code == 200, answer.json
    assert answer.json["blocked"] is True

    refused = post(client, world, token, 1)
    assert refused.status_code == 403
    assert refused.json["error"]["code"] == "participant_blocked"
    assert "samtalsledare" in refused.json["error"]["message"].lower()
    assert [p["id"] for p in perspectives(client, world)] == [first["id"]]


def test_blocking_and_unblocking_are_in_the_moderation_log(
        client: FlaskClient, world: World, join_participant: Callable[..., str]):
    token = join_participant(world.join_code)
    post(client, world, token)
    participant_id = perspectives(client, world)[0]["participant_id"]
    assert block(client, world, participant_id).status_code == 200
    assert block(client, world, participant_id, "unblock").json["blocked"] is False
    assert post(client, world, token, 2).status_code == 201
    log = client.get(f"/api/v1/processes/{world.process_id}/moderation-log",
                     headers=bearer(world.facilitator_token)).json["events"]
    decisions = [(e["subject_type"], e["subject_id"], e["action"]) for e in log]
    assert ("participant", participant_id, "block") in decisions
    assert ("participant", participant_id, "unblock") in decisions
    assert log[-2]["reason"] == "Skickade samma text hundra gånger"


def test_only_the_processs_facilitators_may_block(
        client: FlaskClient, world: World, make_world: Callable[..., World],
        join_participant: Callable[..., str]):
    token = join_participant(world.join_code)
    post(client, world, token)
    participant_id = perspectives(client, world)[0]["participant_id"]
    stranger = make_world(email="annan@kungsbacka.se")
    refused = block(client, world, participant_id, token=stranger.facilitator_token)
    assert refused.status_code == 403
    assert refused.json["error"]["code"] == "not_your_process"
    assert block(client, world, participant_id, token=token).status_code == 401
    missing = block(client, world, 9999)
    assert missing.status_code == 404


def test_a_blocked_phones_socket_is_dropped_and_cannot_come_back(
        client: FlaskClient, world: World, join_participant: Callable[..., str],
        socket_client: Callable[..., Any]):
    token = join_participant(world.join_code)
    post(client, world, token)
    participant_id = perspectives(client, world)[0]["participant_id"]
    phone = socket_client(token)
    assert phone.is_connected(NS)
    assert block(client, world, participant_id).status_code == 200
    assert not phone.is_connected(NS)
    assert not socket_client(token).is_connected(NS)


def test_a_socket_event_from_a_blocked_participant_is_refused(
        world: World, join_participant: Callable[..., str], socket_client: Callable[..., Any],
        client: FlaskClient):
    token = join_participant(world.join_code)
    phone = socket_client(token)
    ack = phone.emit("perspective:submit", {"text": "Första", "kind": "idea", "client_id": "x"},
                     namespace=NS, callback=True)
    assert ack["ok"]
    participant_id = perspectives(client, world)[0]["participant_id"]
    from dialog.services import participant_blocks
    with db.transaction() as session:  # blocked by another server process: no event here
        participant_blocks.mark_blocked(session, participant_id)
    refused = phone.emit("perspective:submit", {"text": "Andra", "kind": "idea",
                                                "client_id": "y"}, namespace=NS, callback=True)
    assert refused["ok"] is False
    assert refused["error"]["code"] == "participant_blocked"


def test_a_socket_goes_when_its_token_is_retired(
        world: World, join_participant: Callable[..., str], socket_client: Callable[..., Any]):
    phone = socket_client(join_participant(world.join_code))
    assert phone.is_connected(NS)
    with db.transaction() as session:
        workshop = session.get(Workshop, world.workshop_id)
        assert workshop is not None
        workshop.state = WorkshopState.CLOSED
        settings = PublicationSettings(process_id=world.process_id)
        session.add(settings)
        session.flush()
        assert apply_retention(session, settings).skipped is None
    assert not phone.is_connected(NS)


def test_a_retired_token_cannot_vote_on_a_socket_that_stayed_open(
        world: World, join_participant: Callable[..., str], socket_client: Callable[..., Any]):
    """Another server process retired it: this process never heard, the next event finds out."""
    from sqlalchemy import update

    from dialog.models import Participant
    phone = socket_client(join_participant(world.join_code))
    with db.transaction() as session:
        session.execute(update(Participant).values(token_hash="0" * 64))
    ack = phone.emit("perspective:submit", {"text": "Hej", "kind": "idea", "client_id": "z"},
                     namespace=NS, callback=True)
    assert ack["ok"] is False
    assert ack["error"]["code"] == "participant_token_invalid"

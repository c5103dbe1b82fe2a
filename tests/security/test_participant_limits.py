"""One participant cannot flood the room: posts are rate limited per participant.

Limits are generous for a real room (ten perspectives a minute is a lot of writing on a
phone; reactions are cheap and quick) and the same over HTTP and Socket.IO.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask.testing import FlaskClient
from limits.storage import MemoryStorage

from dialog.config import Settings
from dialog.errors import TooManyRequests
from dialog.models import Participant
from dialog.services import participant_limits
from dialog.web.throttling import current_throttle, make_throttles, socket_throttle
from tests.conftest import World, bearer

NS = "/live"


def post(client: FlaskClient, world: World, token: str, n: int):
    return client.post(f"/api/v1/workshops/{world.workshop_id}/perspectives",
                       headers=bearer(token),
                       json={"text": f"Fler vuxna ute på kvällarna, tanke {n}", "kind": "idea",
                             "client_id": f"c-{n}"})


def test_ten_perspectives_a_minute_pass_the_eleventh_waits(client: FlaskClient, world: World,
                                                           join_participant: Callable[..., str]):
    token = join_participant(world.join_code)
    assert [post(client, world, token, n).status_code for n in range(10)] == [201] * 10
    refused = post(client, world, token, 10)
    assert refused.status_code == 429
    assert refused.json["error"]["code"] == "participant_throttled"
    assert int(refused.headers["Retry-After"]) >= 1
    other = join_participant(world.join_code)
    assert post(client, world, other, 0).status_code == 201


def test_the_same_limit_holds_over_socket_io(world: World, join_participant: Callable[..., str],
                                             socket_client: Callable[..., Any]):
    phone = socket_client(join_participant(world.join_code))
    acks = [phone.emit("perspective:submit",
                       {"text": f"Tanke nummer {n}", "kind": "idea", "client_id": f"s-{n}"},
                       namespace=NS, callback=True) for n in range(11)]
    assert all(ack["ok"] for ack in acks[:10])
    assert acks[10]["ok"] is False
    assert acks[10]["error"]["code"] == "participant_throttled"
    assert acks[10]["error"]["message"]


def test_reactions_stay_quick_a_hundred_and_twenty_a_minute(
        client: FlaskClient, world: World, join_participant: Callable[..., str],
        socket_client: Callable[..., Any]):
    author = join_participant(world.join_code)
    perspective_id = post(client, world, author, 0).json["id"]
    phone = socket_client(join_participant(world.join_code))
    votes = ("agree", "disagree", "pass")
    acks = [phone.emit("vote:submit", {"perspective_id": perspective_id, "vote": votes[n % 3]},
                       namespace=NS, callback=True) for n in range(121)]
    assert all(ack["ok"] for ack in acks[:120]), [a for a in acks[:120] if not a["ok"]][:1]
    assert acks[120]["error"]["code"] == "participant_throttled"


def test_reflections_are_limited_too(client: FlaskClient, world: World,
                                     join_participant: Callable[..., str]):
    token = join_participant(world.join_code)
    answers = [client.post("/api/v1/conversation-rounds/999/reflections", headers=bearer(token),
                           json={"client_id": f"r-{n}"}).status_code for n in range(11)]
    assert 429 not in answers[:10]
    assert answers[10] == 429


def test_with_redis_a_sockets_sends_are_counted_in_its_own_process(tmp_path) -> None:
    """A socket stays on the process it connected to: its sends are counted there, without
    a Redis round trip per event (so still limited while Redis is away); HTTP's counts stay
    in Redis, shared by every process."""
    http, sockets = make_throttles(Settings(
        database_url="sqlite://", secret_key="test", instance_dir=tmp_path,
        redis_url="redis://127.0.0.1:1/0"))
    assert not isinstance(http.storage, MemoryStorage)
    assert isinstance(sockets.storage, MemoryStorage)
    phone = Participant(token_hash="a" * 64)
    for _ in range(120):
        participant_limits.admit(sockets, "reaction.submit", phone)
    with pytest.raises(TooManyRequests) as refused:
        participant_limits.admit(sockets, "reaction.submit", phone)
    assert refused.value.code == "participant_throttled"


def test_without_redis_sockets_and_http_share_one_count(app) -> None:
    assert socket_throttle() is current_throttle()

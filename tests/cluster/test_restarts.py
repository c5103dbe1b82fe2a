"""A cluster survives its Redis or its PostgreSQL being restarted under a room of phones.

Two `dialog serve` processes (and `dialog worker` when the checkout has it) share a private
PostgreSQL and Redis. Phones, half held by each process, write and react as the phone page
does (an item stays in the outbox until acknowledged, and is sent again after an error or a
lost connection: ``tests/test_server_kills.py``'s phone). Mid-run Redis, or PostgreSQL, is
stopped, left down for a few seconds and started again. Afterwards every phone has finished,
every acknowledged perspective and reaction is stored exactly once, and the service has
resumed: a new perspective sent to one process reaches the console held by the other.

What a console misses while Redis is down (a perspective written on the other process) it
sees on its next load: docs/operations.md says so.
"""

from __future__ import annotations

import gc
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import socketio

from tests.cluster.cluster import Cluster
from tests.cluster.conftest import running_cluster
from tests.test_real_server import connect, post_json
from tests.test_server_kills import PERSPECTIVES, REACTIONS, Phone

NS = "/live"
PHONES = 40
DOWN_SECONDS = 3.0

pytestmark = [
    pytest.mark.slow,
    pytest.mark.faults,
    pytest.mark.timeout(480),  # starting the cluster is part of it
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


@pytest.fixture
def fresh_cluster() -> Iterator[Cluster]:
    """A cluster of its own per test: counts start from nothing."""
    yield from running_cluster()


def restart_redis(cluster: Cluster) -> None:
    cluster.redis.stop()
    time.sleep(DOWN_SECONDS)
    cluster.redis.start()


def restart_postgres(cluster: Cluster) -> None:
    cluster.postgres.stop("fast")
    time.sleep(DOWN_SECONDS)
    cluster.postgres.start()


class Console:
    """A facilitator's console held by one process, collecting `perspective:new`."""

    def __init__(self, url: str, token: str, workshop_id: int) -> None:
        self.texts: list[str] = []
        self.arrived = threading.Condition()
        self.client = socketio.Client(reconnection=False)
        self.client.on("perspective:new", self._new, namespace=NS)
        self.client.connect(url, namespaces=[NS], auth={"token": token},
                            transports=["websocket"], wait_timeout=10)
        ack = self.client.call("workshop:watch", {"workshop_id": workshop_id}, namespace=NS,
                               timeout=10)
        assert ack["ok"] is True, ack

    def _new(self, data: dict[str, Any]) -> None:
        with self.arrived:
            self.texts.append(data["text"])
            self.arrived.notify_all()

    def wait_for(self, text: str, seconds: float) -> bool:
        with self.arrived:
            return self.arrived.wait_for(lambda: text in self.texts, timeout=seconds)


def resumed(cluster: Cluster, console: Console, attempt: int) -> bool:
    """A new phone on the second process writes; the console on the first sees it."""
    second = cluster.servers[1].url
    token = post_json(f"{second}/api/v1/join",
                      {"join_code": cluster.demo["join_code"]})["participant_token"]
    phone = connect(second, token)
    text = f"Efter omstarten, försök {attempt}"
    try:
        ack = phone.call("perspective:submit", {"text": text, "kind": "idea",
                                                "client_id": f"after-{attempt}"},
                         namespace=NS, timeout=10)
        assert ack["ok"] is True, ack
        return console.wait_for(text, 5)
    finally:
        phone.disconnect()


@pytest.mark.parametrize("restart", [restart_redis, restart_postgres],
                         ids=["redis", "postgresql"])
def test_a_restart_mid_room_loses_nothing_and_the_service_resumes(
        fresh_cluster: Cluster, restart: Callable[[Cluster], None]) -> None:
    cluster = fresh_cluster
    before = cluster.query("SELECT COALESCE(MAX(id), 0) FROM reaction")[0][0]
    first = cluster.servers[0].url
    token = post_json(f"{first}/api/v1/auth/token", cluster.demo["facilitator"])["token"]
    console = Console(first, token, cluster.demo["workshop_id"])
    deadline = time.monotonic() + 150
    phones = [Phone(n, cluster.servers[n % 2].url, cluster.demo["join_code"], deadline)
              for n in range(PHONES)]
    try:
        for phone in phones:
            phone.start()
            time.sleep(0.02)
        time.sleep(1.0)  # the room is writing
        restart(cluster)
        for phone in phones:
            phone.join(timeout=max(deadline - time.monotonic(), 1))
        unfinished = Counter(phone.stage for phone in phones if not phone.finished)
        failures = sum((phone.failures for phone in phones), Counter[str]())
        assert not unfinished, (unfinished, failures, cluster.logs())
        # Service resumed: the console on the first process hears the second again (its
        # Redis subscription comes back within seconds of Redis).
        assert any(resumed(cluster, console, attempt) for attempt in range(6)), cluster.logs()
    finally:
        console.client.disconnect()
        for phone in phones:
            phone.client.disconnect()
        gc.collect()

    stored = cluster.query("SELECT client_id FROM perspective WHERE client_id LIKE 'kill-%'")
    acked = {cid for phone in phones for cid in phone.acked_perspectives}
    assert len(acked) == PHONES * PERSPECTIVES
    assert sorted(cid for (cid,) in stored) == sorted(acked)  # none lost, none twice
    reactions = cluster.query("SELECT participant_id, perspective_id FROM reaction "
                              "WHERE id > :before", before=before)
    assert len(reactions) == len(set(reactions)) == PHONES * REACTIONS  # each once

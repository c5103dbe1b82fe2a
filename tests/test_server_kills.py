"""A workshop survives its server being killed (SIGKILL) again and again.

Phones write perspectives and react while `dialog serve` is killed five times and started
again on the same port. Each phone behaves as the phone page does: an item stays in its
outbox until acknowledged and is sent again after a lost connection or a timeout; the
Socket.IO client reconnects by itself, backing off with jitter so that a whole room does not
come back in one instant. Afterwards nothing acknowledged is lost, nothing is stored twice,
the database is intact, and every phone has finished.

The room has 100 phones in ``make test`` (the rest of the suite shares the two cores, and
300 threaded test phones then miss the deadline); issue 13's room of 300 passes on a quiet
machine (about 45-75 s) with ``DIALOG_KILL_TEST_PHONES=300``.
"""

from __future__ import annotations

import gc
import os
import random
import signal
import sqlite3
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import socketio

from tests.realserver import Server, seed_demo, server_env, start_server
from tests.test_real_server import post_json

NS = "/live"
#: 100 in ``make test``, which shares two cores with the rest of the suite; the issue's room
#: of 300 passes on a quiet machine (``DIALOG_KILL_TEST_PHONES=300``).
PHONES = int(os.environ.get("DIALOG_KILL_TEST_PHONES", "100"))
PERSPECTIVES = REACTIONS = 5
KILLS = 5

pytestmark = [
    pytest.mark.slow,
    pytest.mark.faults,
    # The Socket.IO client leaves the sockets of connections the server dropped by dying to
    # the garbage collector; that is the client library's, not the server's.
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


class Phone(threading.Thread):
    """One phone: join, then send its outbox until every item is acknowledged."""

    def __init__(self, n: int, url: str, join_code: str, deadline: float) -> None:
        super().__init__(daemon=True)
        self.n, self.url, self.join_code, self.deadline = n, url, join_code, deadline
        self.client = socketio.Client(reconnection=True, reconnection_delay=0.5,
                                      reconnection_delay_max=5, randomization_factor=0.5)
        self.acked_perspectives: set[str] = set()
        self.acked_reactions: set[int] = set()
        self.resends = 0
        self.refusals: Counter[str] = Counter()
        self.finished = False
        self.stage = "joining"

    def run(self) -> None:
        token = self._retry(lambda: post_json(f"{self.url}/api/v1/join",
                                              {"join_code": self.join_code}))
        if token is None:
            return
        self.stage = "connecting"
        self._retry(lambda: self.client.connect(
            self.url, namespaces=[NS], transports=["websocket"], wait_timeout=10,
            auth={"token": token["participant_token"]}) or True)
        self.stage = "writing"
        for k in range(PERSPECTIVES):
            client_id = f"kill-{self.n}-{k}"
            ack = self._send("perspective:submit", {
                "text": f"Telefon {self.n} skriver perspektiv {k}", "kind": "idea",
                "client_id": client_id})
            if ack is None:
                return
            self.acked_perspectives.add(client_id)
        self.stage = "reacting"
        card: dict[str, Any] | None = None
        while len(self.acked_reactions) < REACTIONS:
            if card is None:  # as the phone page: ask only when no card came with an ack
                asked = self._send("vote:next", {})
                if asked is None:
                    return
                card = asked.get("perspective")
                if card is None:
                    time.sleep(0.5)  # nothing of others' approved yet
                    continue
            pid = card["id"]
            ack = self._send("vote:submit", {"perspective_id": pid, "vote": "agree"})
            if ack is None:
                return
            self.acked_reactions.add(pid)
            card = ack.get("next")
        self.finished = True
        self.client.disconnect()

    def _send(self, event: str, data: dict[str, Any]) -> dict[str, Any] | None:
        """Send until acknowledged (the outbox's resend), or None past the deadline."""
        pause = 0.2
        while time.monotonic() < self.deadline:
            if not self.client.connected or NS not in self.client.namespaces:
                time.sleep(0.1 + random.random() * 0.2)
                continue
            try:
                ack = self.client.call(event, data, namespace=NS, timeout=10)
            except (socketio.exceptions.SocketIOError, OSError) as lost:
                ack = {"ok": False, "error": {"code": type(lost).__name__}}
            if ack and ack.get("ok"):
                return dict(ack)
            # Lost or refused for now (the server went away mid-call): again, after a pause
            # that grows, with jitter, as the phone page's outbox does.
            self.resends += 1
            self.refusals[str((ack or {}).get("error", {}).get("code"))] += 1
            time.sleep(pause * (0.5 + random.random()))
            pause = min(pause * 2, 5.0)
        return None

    def _retry(self, attempt: Any) -> Any:
        delay = 0.3
        while time.monotonic() < self.deadline:
            try:
                return attempt()
            except Exception:  # the server is down: back off with jitter
                time.sleep(delay * (0.5 + random.random()))
                delay = min(delay * 2, 5.0)
        return None


def kill_and_restart(server: Server, env: dict[str, str], port: int) -> Server:
    server.process.send_signal(signal.SIGKILL)
    server.process.wait(timeout=10)
    return start_server(env, port)


def test_a_room_survives_five_kills_without_losing_or_doubling_anything(tmp_path: Path) -> None:
    env = server_env(tmp_path)
    demo = seed_demo(env)
    with sqlite3.connect(tmp_path / "server.sqlite3") as conn:
        before = conn.execute("SELECT MAX(id) FROM reaction").fetchone()[0] or 0
    server = start_server(env)
    port = int(server.url.rsplit(":", 1)[1])
    deadline = time.monotonic() + 240
    phones = [Phone(n, server.url, demo["join_code"], deadline) for n in range(PHONES)]
    try:
        for phone in phones:
            phone.start()
            time.sleep(0.01)
        for _kill in range(KILLS):
            time.sleep(1.5 + random.random())
            server = kill_and_restart(server, env, port)
        for phone in phones:
            phone.join(timeout=max(deadline - time.monotonic(), 1))
    finally:
        server.stop()
        for phone in phones:
            phone.client.disconnect()
        gc.collect()  # the dropped connections' sockets go now, under this test's filters

    unfinished = Counter(phone.stage for phone in phones if not phone.finished)
    refusals = sum((phone.refusals for phone in phones), Counter[str]())
    assert not unfinished, (unfinished, refusals)
    with sqlite3.connect(tmp_path / "server.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = conn.execute("SELECT client_id FROM perspective WHERE client_id LIKE 'kill-%'"
                              ).fetchall()
        reactions = conn.execute("SELECT participant_id, perspective_id FROM reaction "
                                 "WHERE id > ?", (before,)).fetchall()
    acked = {cid for phone in phones for cid in phone.acked_perspectives}
    assert len(acked) == PHONES * PERSPECTIVES
    assert sorted(cid for (cid,) in stored) == sorted(acked)  # none lost, none twice
    assert len(reactions) == len(set(reactions)) == PHONES * REACTIONS  # each once

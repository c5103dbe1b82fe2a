"""Over a real gevent server and a real WebSocket client: blocking drops the phone's socket,
and a blocked phone is refused at connect with a reason it can tell from a forgotten token.
The server's database is built by the migrations, the new one included."""

from __future__ import annotations

import json
import threading
import urllib.request
from collections.abc import Iterator

import pytest
import socketio

from tests.realserver import Server, seed_demo, server_env, start_server
from tests.test_real_server import connect, post_json


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, dict]]:
    env = server_env(tmp_path_factory.mktemp("real-block"))
    demo = seed_demo(env)
    server = start_server(env)
    yield server, demo
    server.stop()


def test_blocking_drops_the_live_connection_and_refuses_the_next(running):
    server, demo = running
    facilitator = post_json(f"{server.url}/api/v1/auth/token", demo["facilitator"])["token"]
    joined = post_json(f"{server.url}/api/v1/join", {"join_code": demo["join_code"]})
    token = joined["participant_token"]
    phone = connect(server.url, token)
    gone = threading.Event()
    phone.on("disconnect", lambda *_args: gone.set(), namespace="/live")
    ack = phone.call("perspective:submit", {"text": "Samma sak igen", "kind": "idea",
                                            "client_id": "rs-1"}, namespace="/live")
    assert ack["ok"] is True

    request = urllib.request.Request(
        f"{server.url}/api/v1/processes/{demo['process_id']}/perspectives",
        headers={"Authorization": f"Bearer {facilitator}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        listed = json.loads(response.read())["perspectives"]
    [mine] = [p for p in listed if p["id"] == ack["id"]]
    blocked = post_json(f"{server.url}/api/v1/participants/{mine['participant_id']}/block",
                        {"reason": "Flöde"}, token=facilitator)
    assert blocked["blocked"] is True
    assert gone.wait(10), "the blocked phone's socket stayed open"

    again = socketio.Client(reconnection=False)
    reasons: list[object] = []
    again.on("connect_error", reasons.append, namespace="/live")
    with pytest.raises(socketio.exceptions.ConnectionError):
        again.connect(server.url, namespaces=["/live"], auth={"token": token},
                      transports=["websocket"], wait_timeout=5)
    assert "participant_blocked" in str(reasons)

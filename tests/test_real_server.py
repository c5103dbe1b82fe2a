"""End to end over a real gevent server and real WebSockets, also across two processes."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import urllib.request

import pytest
import socketio

from tests.realserver import free_port, seed_demo, server_env, start_server

REDIS_URL = "redis://127.0.0.1:6379/15"


def post_json(url: str, body: dict, token: str | None = None) -> dict:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def connect(url: str, token: str) -> socketio.Client:
    client = socketio.Client(reconnection=False)
    client.connect(url, namespaces=["/live"], auth={"token": token},
                   transports=["websocket"], wait_timeout=10)
    return client


def watch(url: str, token: str, workshop_id: int) -> tuple[socketio.Client, list[dict]]:
    """Connect a facilitator console and collect every `perspective:new` it receives."""
    seen: list[dict] = []
    arrived = threading.Event()
    client = socketio.Client(reconnection=False)

    @client.on("perspective:new", namespace="/live")
    def _on_new(data: dict) -> None:
        seen.append(data)
        arrived.set()

    client.connect(url, namespaces=["/live"], auth={"token": token},
                   transports=["websocket"], wait_timeout=10)
    ack = client.call("workshop:watch", {"workshop_id": workshop_id}, namespace="/live",
                      timeout=10)
    assert ack["ok"] is True
    client.arrived = arrived  # type: ignore[attr-defined]
    return client, seen


def redis_available() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping())
    except Exception:
        return False


@pytest.fixture(scope="module")
def demo_env(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], dict]:
    env = server_env(tmp_path_factory.mktemp("real-server"))
    return env, seed_demo(env)


@pytest.fixture(scope="module")
def server(demo_env):
    env, _demo = demo_env
    running = start_server(env)
    yield running
    running.stop()


def test_a_phone_and_a_console_meet_over_websocket(demo_env, server):
    _env, demo = demo_env
    token = post_json(f"{server.url}/api/v1/auth/token", demo["facilitator"])["token"]
    console, seen = watch(server.url, token, demo["workshop_id"])
    joined = post_json(f"{server.url}/api/v1/join", {"join_code": demo["join_code"]})
    phone = connect(server.url, joined["participant_token"])
    ack = phone.call("perspective:submit", {"text": "Mer ljus vid stationen", "kind": "idea",
                                            "client_id": "ws-1"}, namespace="/live")
    assert ack["ok"] is True
    assert console.arrived.wait(10)
    assert [p["text"] for p in seen] == ["Mer ljus vid stationen"]
    assert phone.call("perspective:submit", {"text": "Mer ljus vid stationen",
                                             "kind": "idea", "client_id": "ws-1"},
                      namespace="/live")["duplicate"] is True
    phone.disconnect()
    console.disconnect()


def test_a_connection_without_a_token_is_refused(server):
    client = socketio.Client(reconnection=False)
    with pytest.raises(socketio.exceptions.ConnectionError):
        client.connect(server.url, namespaces=["/live"], auth={"token": "nonsense"},
                       transports=["websocket"], wait_timeout=5)


@pytest.mark.skipif(not redis_available(), reason="no Redis on 127.0.0.1:6379")
def test_two_server_processes_share_rooms_through_redis(demo_env):
    env, demo = demo_env
    env = env | {"DIALOG_REDIS_URL": REDIS_URL}
    first, second = start_server(env, free_port()), start_server(env, free_port())
    try:
        token = post_json(f"{first.url}/api/v1/auth/token", demo["facilitator"])["token"]
        console, seen = watch(first.url, token, demo["workshop_id"])
        joined = post_json(f"{second.url}/api/v1/join", {"join_code": demo["join_code"]})
        phone = connect(second.url, joined["participant_token"])
        ack = phone.call("perspective:submit", {"text": "Via Redis", "kind": "thought",
                                                "client_id": "r-1"}, namespace="/live")
        assert ack["ok"] is True
        assert console.arrived.wait(10), "the console on the other process heard nothing"
        assert [p["text"] for p in seen] == ["Via Redis"]
        phone.disconnect()
        console.disconnect()
    finally:
        first.stop()
        second.stop()


def test_the_wall_gets_the_counts_of_a_burst_of_reactions(demo_env, server):
    """Under a server the wall's counts are gathered, then read in one query and sent."""
    _env, demo = demo_env
    token = post_json(f"{server.url}/api/v1/auth/token", demo["facilitator"])["token"]
    counts: list[dict] = []
    wall = socketio.Client(reconnection=False)
    wall.on("wall:reactions", counts.append, namespace="/live")
    wall.connect(server.url, namespaces=["/live"], auth={"token": token},
                 transports=["websocket"], wait_timeout=10)
    assert wall.call("workshop:watch", {"workshop_id": demo["workshop_id"],
                                        "view": "projector"}, namespace="/live")["ok"]
    phones = [connect(server.url, post_json(f"{server.url}/api/v1/join",
                                            {"join_code": demo["join_code"]})
                      ["participant_token"]) for _ in range(4)]
    made = phones[0].call("perspective:submit", {"text": "Bänkar i skuggan vid torget",
                                                 "kind": "idea", "client_id": "wall-burst"},
                          namespace="/live")
    assert made["ok"] is True, made
    perspective_id = made["id"]
    for phone, vote in zip(phones[1:], ["agree", "agree", "disagree"], strict=True):
        ack = phone.call("vote:submit", {"perspective_id": perspective_id, "vote": vote},
                         namespace="/live")
        assert ack["ok"] is True, ack
    wanted = {"perspective_id": perspective_id, "agree": 2, "disagree": 1, "pass": 0}
    deadline = time.monotonic() + 10
    while wanted not in counts and time.monotonic() < deadline:
        time.sleep(0.1)
    assert wanted in counts, counts
    # Never more messages than reactions, and the last one is the final count.
    mine = [c for c in counts if c["perspective_id"] == perspective_id]
    assert len(mine) <= 3, mine
    assert mine[-1] == wanted, mine
    for client in [wall, *phones]:
        client.disconnect()


def test_a_burst_of_reactions_is_stored_together_each_phone_acked_on_its_own(demo_env, server):
    """Reactions arriving at once commit together (group commit): each phone gets its own
    ack (the next card with it), one for an unknown perspective its own error, and every
    acknowledged reaction is stored once."""
    env, demo = demo_env
    phones = [connect(server.url, post_json(f"{server.url}/api/v1/join",
                                            {"join_code": demo["join_code"]})
                      ["participant_token"]) for _ in range(13)]
    made = phones[0].call("perspective:submit", {"text": "Fler cykelställ vid skolan",
                                                 "kind": "idea", "client_id": "burst-batch"},
                          namespace="/live")
    assert made["ok"] is True, made
    acks: dict[int, dict] = {}
    go = threading.Barrier(12)

    def react(index: int, phone: socketio.Client) -> None:
        go.wait()
        perspective_id = 999_999 if index == 0 else made["id"]
        acks[index] = phone.call("vote:submit", {"perspective_id": perspective_id,
                                                 "vote": "agree"}, namespace="/live",
                                 timeout=20)

    threads = [threading.Thread(target=react, args=(i, phone))
               for i, phone in enumerate(phones[1:])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert acks[0]["ok"] is False
    assert acks[0]["error"]["code"] == "perspective_not_found"
    for index in range(1, 12):
        assert acks[index]["ok"] is True, acks[index]
        assert acks[index]["created"] is True
        assert "next" in acks[index]
        assert "remaining" in acks[index]
    path = env["DIALOG_DATABASE_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(path) as database:
        stored = database.execute("SELECT COUNT(*), COUNT(DISTINCT participant_id) FROM "
                                  "reaction WHERE perspective_id = ?", (made["id"],)).fetchone()
    assert stored == (11, 11)
    for phone in phones:
        phone.disconnect()


def patch_json(url: str, body: dict, token: str) -> dict:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), method="PATCH",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def test_in_a_pause_a_phone_hears_workshop_paused_and_its_resend_is_stored_once(
        demo_env, server):
    _env, demo = demo_env
    token = post_json(f"{server.url}/api/v1/auth/token", demo["facilitator"])["token"]
    workshop_url = f"{server.url}/api/v1/workshops/{demo['workshop_id']}"
    joined = post_json(f"{server.url}/api/v1/join", {"join_code": demo["join_code"]})
    phone = connect(server.url, joined["participant_token"])
    resumed = threading.Event()
    phone.on("workshop:state", lambda data: data["state"] == "open" and resumed.set(),
             namespace="/live")
    payload = {"text": "Bänkar vid hamnen", "kind": "idea", "client_id": "ws-pause-1"}
    try:
        patch_json(workshop_url, {"state": "paused"}, token)
        refused = phone.call("perspective:submit", payload, namespace="/live", timeout=10)
        assert (refused["ok"], refused["error"]["code"]) == (False, "workshop_paused")
        assert "pausad" in refused["error"]["message"]
    finally:
        patch_json(workshop_url, {"state": "open"}, token)
    assert resumed.wait(10)  # the phone's cue to send its outbox again
    stored = phone.call("perspective:submit", payload, namespace="/live", timeout=10)
    again = phone.call("perspective:submit", payload, namespace="/live", timeout=10)
    assert (stored["ok"], stored["duplicate"]) == (True, False)
    assert (again["id"], again["duplicate"]) == (stored["id"], True)
    phone.disconnect()

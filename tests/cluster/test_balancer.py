"""The shipped balancer files, under the real nginx and HAProxy, in front of two processes.

Two `dialog serve` processes share a private PostgreSQL and Redis; deploy/nginx/dialog.conf
and deploy/haproxy/dialog.cfg run as shipped, only their addresses rewritten. Through each:
pages answer, new clients are spread over both processes, Socket.IO works over WebSocket and
over long-polling (which needs the sticky cookie), and a perspective written on a phone held
by one process reaches a console held by the other.
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from http.cookies import SimpleCookie
from typing import Any

import pytest
import requests
import socketio

from tests.cluster.cluster import Cluster
from tests.cluster.services import Balancer, free_port, start_haproxy, start_nginx
from tests.test_real_server import post_json

NS = "/live"
#: The sticky cookie each file sets, and its value for the first and the second process.
STICKY = {"nginx": ("dialog_serve_1", "dialog_serve_2"), "haproxy": ("serve_1", "serve_2")}

pytestmark = [pytest.mark.slow, pytest.mark.faults,
              pytest.mark.filterwarnings("ignore::ResourceWarning")]


@pytest.fixture(scope="module", params=["nginx", "haproxy"])
def balancer(request: pytest.FixtureRequest, cluster: Cluster) -> Iterator[Balancer]:
    start = start_nginx if request.param == "nginx" else start_haproxy
    running = start(cluster.upstreams, free_port())
    yield running
    running.stop()


def get(url: str, cookie: str | None = None) -> tuple[int, str, dict[str, str]]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        body = response.read().decode()
        return response.status, body, {k.lower(): v for k, v in response.headers.items()}


def sticky_value(headers: dict[str, str]) -> str | None:
    cookie = SimpleCookie(headers.get("set-cookie", ""))
    return cookie["dialog_upstream"].value if "dialog_upstream" in cookie else None


def client_held_by(sticky: str | None) -> socketio.Client:
    """A Socket.IO client whose cookie jar already holds the balancer's sticky cookie."""
    client = socketio.Client(reconnection=False)
    client.eio.http = requests.Session()
    if sticky:
        client.eio.http.cookies.set("dialog_upstream", sticky)
    return client


def connect(url: str, token: str, transport: str, sticky: str | None = None
            ) -> socketio.Client:
    client = client_held_by(sticky)
    client.connect(url, namespaces=[NS], auth={"token": token}, transports=[transport],
                   wait_timeout=10)
    return client


def join(url: str, cluster: Cluster) -> str:
    return str(post_json(f"{url}/api/v1/join",
                         {"join_code": cluster.demo["join_code"]})["participant_token"])


def test_pages_answer_through_the_balancer(cluster: Cluster, balancer: Balancer) -> None:
    status, body, _ = get(f"{balancer.url}/healthz")
    assert status == 200
    assert '"ok"' in body
    status, body, _ = get(f"{balancer.url}/j/{cluster.demo['join_code']}")
    assert status == 200
    assert "<html" in body.lower()


def test_new_clients_are_spread_over_both_processes(balancer: Balancer) -> None:
    placed = Counter(sticky_value(get(f"{balancer.url}/socket.io/?EIO=4&transport=polling")[2])
                     for _ in range(40))
    assert set(placed) == set(STICKY[balancer.kind]), placed
    assert min(placed.values()) >= 5, placed


@pytest.mark.parametrize("transport", ["websocket", "polling"])
def test_a_phone_writes_and_reacts_through_the_balancer(cluster: Cluster, balancer: Balancer,
                                                        transport: str) -> None:
    phone = connect(balancer.url, join(balancer.url, cluster), transport)
    try:
        # Long-polling: every one of these calls is several requests, each of which must
        # reach the process holding this session (the sticky cookie does it).
        for k in range(8):
            ack = phone.call("perspective:submit", {
                "text": f"Genom {balancer.kind} över {transport}, nummer {k}",
                "kind": "idea", "client_id": f"{balancer.kind}-{transport}-{k}"},
                namespace=NS, timeout=10)
            assert ack["ok"] is True, ack
        card = phone.call("vote:next", {}, namespace=NS, timeout=10)
        assert card["ok"] is True, card
        if card.get("perspective"):
            ack = phone.call("vote:submit", {"perspective_id": card["perspective"]["id"],
                                             "vote": "agree"}, namespace=NS, timeout=10)
            assert ack["ok"] is True, ack
        assert phone.transport() == transport
    finally:
        phone.disconnect()


@pytest.mark.parametrize("transport", ["websocket", "polling"])
def test_a_console_on_one_process_sees_a_phone_on_the_other(
        cluster: Cluster, balancer: Balancer, transport: str) -> None:
    first, second = STICKY[balancer.kind]
    token = post_json(f"{balancer.url}/api/v1/auth/token", cluster.demo["facilitator"])["token"]
    seen: list[dict[str, Any]] = []
    arrived = threading.Event()
    console = client_held_by(first)

    @console.on("perspective:new", namespace=NS)
    def _new(data: dict[str, Any]) -> None:
        seen.append(data)
        arrived.set()

    console.connect(balancer.url, namespaces=[NS], auth={"token": token},
                    transports=[transport], wait_timeout=10)
    phone = connect(balancer.url, join(balancer.url, cluster), transport,
                    sticky=second)
    try:
        assert console.call("workshop:watch", {"workshop_id": cluster.demo["workshop_id"]},
                            namespace=NS, timeout=10)["ok"] is True
        text = f"Från process två till konsolen på process ett ({balancer.kind}, {transport})"
        ack = phone.call("perspective:submit", {"text": text, "kind": "thought",
                                                "client_id": f"across-{balancer.kind}-"
                                                             f"{transport}"},
                         namespace=NS, timeout=10)
        assert ack["ok"] is True, ack
        assert arrived.wait(10), "the console on the first process heard nothing"
        assert [p["text"] for p in seen] == [text]
    finally:
        phone.disconnect()
        console.disconnect()


def test_the_cookie_keeps_a_client_on_the_process_it_names(cluster: Cluster,
                                                           balancer: Balancer) -> None:
    for held_by, value in enumerate(STICKY[balancer.kind]):
        status, body, headers = get(f"{balancer.url}/socket.io/?EIO=4&transport=polling",
                                    cookie=f"dialog_upstream={value}")
        # HAProxy sets no cookie for a client that already has a valid one (`indirect`).
        assert status == 200
        assert sticky_value(headers) in (value, None)
        sid = json.loads(body[1:])["sid"]
        for n, server in enumerate(cluster.servers):
            # Ask each process about this session: the one not holding it refuses at once
            # (400, "Invalid session"); the one holding it accepts the request (and, as for
            # any long-poll, may keep it open).
            noop = urllib.request.Request(
                f"{server.url}/socket.io/?EIO=4&transport=polling&sid={sid}", data=b"6")
            try:
                with urllib.request.urlopen(noop, timeout=2) as response:
                    answered = response.status
            except urllib.error.HTTPError as refused:
                answered = refused.code
            except TimeoutError:
                answered = 200
            assert answered == (200 if n == held_by else 400), (value, n, answered)

"""Finding 9 (web), on a real ``dialog serve``: Socket.IO answers only pages of this site,
and a client that sends half a request and waits (slow loris) is cut off."""

from __future__ import annotations

import json
import socket
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import socketio

from tests.realserver import Server, seed_demo, server_env, start_server

HEADER_TIMEOUT = 2


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, str]]:
    instance: Path = tmp_path_factory.mktemp("served")
    env = server_env(instance, DIALOG_HEADER_TIMEOUT=str(HEADER_TIMEOUT),
                     DIALOG_ALLOWED_ORIGINS="https://intranat.varberg.se")
    demo = seed_demo(env)
    server = start_server(env)
    request = urllib.request.Request(
        f"{server.url}/api/v1/auth/token", headers={"Content-Type": "application/json"},
        data=json.dumps(demo["facilitator"]).encode())
    with urllib.request.urlopen(request, timeout=10) as response:
        token = json.loads(response.read())["token"]
    yield server, token
    server.stop()


def connect(url: str, token: str, origin: str | None, transport: str) -> socketio.Client:
    """A Socket.IO client whose requests say they come from a page at ``origin``."""
    if transport == "websocket":  # websocket-client sends its own Origin unless told
        extra = {"origin": origin} if origin else {"suppress_origin": True}
        client = socketio.Client(reconnection=False, websocket_extra_options=extra)
        headers = {}
    else:
        client = socketio.Client(reconnection=False)
        headers = {"Origin": origin} if origin else {}
    client.connect(url, namespaces=["/live"], auth={"token": token}, headers=headers,
                   transports=[transport], wait_timeout=10)
    return client


@pytest.mark.parametrize("transport", ["websocket", "polling"])
@pytest.mark.parametrize("origin", ["http://evil.example", "null",
                                    "http://127.0.0.1:1", "https://127.0.0.1.evil.example"])
def test_a_page_of_another_site_cannot_open_a_live_connection(served, origin: str,
                                                              transport: str):
    server, token = served
    with pytest.raises(socketio.exceptions.ConnectionError):
        connect(server.url, token, origin, transport)


@pytest.mark.parametrize("transport", ["websocket", "polling"])
def test_this_sites_own_pages_and_allowed_origins_connect(served, transport: str):
    server, token = served
    for origin in (server.url, "https://intranat.varberg.se", None):
        client = connect(server.url, token, origin, transport)
        assert client.connected
        client.disconnect()


def test_half_a_request_is_cut_off_after_the_header_timeout(served):
    server, _token = served
    port = int(server.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=30) as slow:
        slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        started = time.monotonic()
        while True:
            try:
                data = slow.recv(4096)
            except (ConnectionResetError, TimeoutError):
                break
            if not data:
                break
        waited = time.monotonic() - started
    assert waited < HEADER_TIMEOUT + 5, waited


def test_a_slow_drip_of_header_bytes_is_cut_off_too(served):
    server, _token = served
    port = int(server.url.rsplit(":", 1)[1])
    started = time.monotonic()
    closed = False
    with socket.create_connection(("127.0.0.1", port), timeout=30) as slow:
        slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        for _ in range(HEADER_TIMEOUT * 4 + 10):
            try:
                slow.sendall(b"X-Drip: 1\r\n")
            except (BrokenPipeError, ConnectionResetError):
                closed = True
                break
            time.sleep(0.5)
    assert closed, "the server kept a dripping request open"
    assert time.monotonic() - started < HEADER_TIMEOUT + 6


def test_the_server_still_answers_a_normal_request(served):
    server, _token = served
    with urllib.request.urlopen(f"{server.url}/healthz", timeout=10) as response:
        assert response.status == 200

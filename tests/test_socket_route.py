"""A live event's request matches a route: handling events leaves no garbage cycle behind.

Flask-SocketIO runs each event in a request context made from the connection's first
request (``/socket.io/``). Without a route for that path every event kept a ``NotFound``
with its traceback in the request, a reference cycle only the garbage collector frees.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

import pytest
from flask import Flask, request
from werkzeug.test import EnvironBuilder

from dialog.web.socket_route import ENDPOINT
from tests.conftest import World

NS = "/live"


@pytest.mark.parametrize(("path", "headers"), [
    ("/socket.io/?EIO=4&transport=websocket", {"Upgrade": "websocket", "Connection": "Upgrade"}),
    ("/socket.io/?EIO=4&transport=polling", {}),
    ("/socket.io", {}),  # Flask-SocketIO's test client
])
def test_the_request_of_a_socket_event_matches_the_socket_route(app: Flask, path: str,
                                                                headers: dict[str, str]) -> None:
    environ = EnvironBuilder(path=path, headers=headers).get_environ()
    with app.request_context(environ):
        assert request.routing_exception is None
        assert request.endpoint == ENDPOINT


@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "DELETE"])
def test_http_on_the_bare_socket_path_is_still_not_found(client, method: str) -> None:
    assert client.open("/socket.io", method=method).status_code == 404


def cyclic_garbage(work: Callable[[], None]) -> set[str]:
    """The types of what the cyclic collector finds unreachable after ``work``."""
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        work()
        gc.collect()
        return {type(o).__name__ for o in gc.garbage}
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.collect()


def test_live_events_leave_no_request_behind_for_the_collector(
        socket_client, join_participant, world: World) -> None:
    phone = socket_client(join_participant(world.join_code, "unga"))
    ack = phone.emit("perspective:submit", {"text": "Fler bänkar vid torget", "kind": "idea",
                                            "client_id": "c-1"}, namespace=NS, callback=True)
    assert ack["ok"] is True

    def react() -> None:
        for _ in range(20):
            assert phone.emit("vote:next", {}, namespace=NS, callback=True)["ok"] is True

    left = cyclic_garbage(react)
    assert not left & {"RequestContext", "Request", "NotFound", "WebsocketMismatch",
                       "traceback", "frame"}

"""One action, three faces: a konkretisering event and its JSON route perform the same action."""

from __future__ import annotations

import pytest
from flask import Flask

from dialog.live.socket_actions import EVENTS
from dialog.web.http_actions import ROUTES


@pytest.mark.parametrize(("event", "method", "path"), [
    ("konkret:join", "GET", "/me/konkret"),
    ("checkback:rate", "POST", "/checkback-rounds/{id}/ratings"),
    ("vote:cast", "POST", "/vote-rounds/{id}/votes"),
    ("minority:answer", "POST", "/vote-rounds/{id}/conditions"),
    ("fishing:answer", "POST", "/fishing/{id}/answers"),
    ("vote:open", "POST", "/alternatives/{id}/votes"),
    ("vote:close", "POST", "/vote-rounds/{id}/close"),
    ("fishing:open", "POST", "/processes/{id}/fishing"),
    ("fishing:close", "POST", "/fishing/{id}/close"),
])
def test_the_event_and_the_route_are_one_action(app: Flask, event: str, method: str, path: str):
    [route] = [r for r in ROUTES if (r.method, r.path) == (method, path)]
    assert route.action is EVENTS[event]

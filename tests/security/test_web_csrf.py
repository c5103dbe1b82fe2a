"""Finding 4: a state change that the login cookie authenticates needs the page's token.

A form on another port of the same site (``same-site`` for the browser, so the ``Lax``
cookie travels) once closed a phase through the JSON API. Now every cookie-authenticated
POST, PUT, PATCH or DELETE, console form or API route, must carry the session's
synchronizer token, and a request the browser marks as coming from another origin is
refused outright. Bearer-token calls carry no cookie authority and need no token.
"""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from dialog.actions import Role
from dialog.web.http_actions import ROUTES
from tests.conftest import World, bearer
from tests.security.web_session import csrf, log_in

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def open_phase(client: FlaskClient, world: World) -> int:
    """The id of the process's open phase (a new workshop opens inventering)."""
    listed = client.get(f"/api/v1/processes/{world.process_id}/phases",
                        headers=bearer(world.facilitator_token)).get_json()
    phases = listed["phases"] if isinstance(listed, dict) else listed
    return int(next(phase["id"] for phase in phases if phase["status"] == "open"))


def test_a_bodiless_api_post_with_only_the_cookie_is_refused(client: FlaskClient, world: World):
    phase_id = open_phase(client, world)
    assert log_in(client, world.facilitator_email).status_code == 302
    response = client.post(f"/api/v1/phases/{phase_id}/close")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "csrf_failed"
    still = client.get(f"/api/v1/phases/{phase_id}", headers=bearer(world.facilitator_token))
    assert still.get_json()["status"] == "open"


def test_a_form_from_another_port_of_the_same_site_is_refused(client: FlaskClient,
                                                               world: World):
    phase_id = open_phase(client, world)
    log_in(client, world.facilitator_email)
    token = csrf(client, f"/facilitator/processes/{world.process_id}")
    for headers in ({"Sec-Fetch-Site": "same-site"}, {"Sec-Fetch-Site": "cross-site"},
                    {"Origin": "http://dialog.test:8081"}, {"Origin": "null"}):
        refused = client.post(f"/facilitator/phases/{phase_id}/close",
                              data={"csrf_token": token}, headers=headers)
        assert refused.status_code == 400, headers
    still = client.get(f"/api/v1/phases/{phase_id}", headers=bearer(world.facilitator_token))
    assert still.get_json()["status"] == "open"


def test_the_cookie_with_the_token_in_a_header_may_change_state(client: FlaskClient,
                                                                world: World):
    phase_id = open_phase(client, world)
    log_in(client, world.facilitator_email)
    token = csrf(client, f"/facilitator/processes/{world.process_id}")
    closed = client.post(f"/api/v1/phases/{phase_id}/close",
                         headers={"X-CSRF-Token": token, "Sec-Fetch-Site": "same-origin",
                                  "Origin": "http://dialog.test"})
    assert closed.status_code == 200, closed.get_json()
    assert closed.get_json()["status"] == "closed"


def test_a_bearer_token_needs_no_csrf_token(client: FlaskClient, world: World):
    phase_id = open_phase(client, world)
    closed = client.post(f"/api/v1/phases/{phase_id}/close",
                         headers=bearer(world.facilitator_token) | {"Origin": "https://x.example"})
    assert closed.status_code == 200


def test_every_console_form_route_refuses_a_post_without_the_token(app: Flask,
                                                                    client: FlaskClient,
                                                                    world: World):
    log_in(client, world.facilitator_email)
    console_posts = [rule for rule in app.url_map.iter_rules()
                     if rule.rule.startswith("/facilitator") and UNSAFE & set(rule.methods or ())]
    assert len(console_posts) > 10
    for rule in console_posts:
        path = rule.rule
        for argument in rule.arguments:
            path = path.replace(f"<int:{argument}>", "1").replace(f"<{argument}>", "1")
        response = client.post(path, data={"title": "x"})
        assert response.status_code == 400, path
        assert "Formuläret hade gått ut" in response.get_data(as_text=True), path


def documented_path(rule: str) -> str:
    """``/api/v1/processes/<int:process_id>/x`` -> ``/processes/{id}/x`` (OpenAPI's form)."""
    path = re.sub(r"<int:[a-z_]+>", "{id}", rule.removeprefix("/api/v1"))
    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", path)


@pytest.mark.parametrize("method", ["POST", "PATCH"])
def test_every_cookie_api_change_needs_the_token(app: Flask, client: FlaskClient,
                                                 world: World, method: str):
    log_in(client, world.facilitator_email)
    # Public actions (asking for e-mail news, confirming it) read no cookie at all.
    public = {(route.method, route.path) for route in ROUTES if route.role is Role.PUBLIC}
    api_changes = [rule for rule in app.url_map.iter_rules()
                   if rule.rule.startswith("/api/v1/") and method in (rule.methods or ())
                   and not rule.rule.endswith(("/auth/token", "/join"))
                   and (method, documented_path(rule.rule)) not in public]
    assert api_changes
    for rule in api_changes:
        path = rule.rule
        for argument in rule.arguments:
            path = path.replace(f"<int:{argument}>", str(world.process_id))
        response = client.open(path, method=method, json={})
        code = (response.get_json() or {}).get("error", {}).get("code")
        # Participant-only routes never read the cookie: they refuse for want of a token.
        assert code in ("csrf_failed", "participant_token_invalid"), (path, code)

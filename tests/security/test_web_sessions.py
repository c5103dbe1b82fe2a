"""Finding 9 (web): logging out ends the session everywhere, a replayed cookie included,
and the bearer token the console page carried dies with it."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from tests.conftest import World, bearer
from tests.security.web_session import csrf, log_in


def test_a_replayed_session_cookie_is_dead_after_logout(client: FlaskClient, world: World):
    log_in(client, world.facilitator_email)
    assert client.get("/facilitator/").status_code == 200
    stolen = client.get_cookie("session", domain="dialog.test")
    assert stolen is not None
    token = csrf(client, "/facilitator/")
    assert client.post("/facilitator/logout", data={"csrf_token": token}).status_code == 302

    client.set_cookie("session", stolen.value, domain="dialog.test")
    replayed = client.get("/facilitator/")
    assert replayed.status_code == 302
    assert "/facilitator/login" in replayed.headers["Location"]


def test_the_console_pages_token_dies_at_logout(client: FlaskClient, world: World):
    log_in(client, world.facilitator_email)
    page = client.get(f"/facilitator/workshops/{world.workshop_id}").get_data(as_text=True)
    match = re.search(r'data-api-token="([^"]+)"', page)
    assert match, "the console page carries its API token"
    token = match.group(1)
    assert client.get(f"/api/v1/workshops/{world.workshop_id}",
                      headers=bearer(token)).status_code == 200
    client.post("/facilitator/logout", data={"csrf_token": csrf(client, "/facilitator/")})
    refused = client.get(f"/api/v1/workshops/{world.workshop_id}", headers=bearer(token))
    assert refused.status_code == 401


def test_logging_in_again_after_logout_works(client: FlaskClient, world: World):
    log_in(client, world.facilitator_email)
    client.post("/facilitator/logout", data={"csrf_token": csrf(client, "/facilitator/")})
    assert log_in(client, world.facilitator_email).status_code == 302
    assert client.get("/facilitator/").status_code == 200

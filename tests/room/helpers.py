"""Shared steps of the room's tests: a facilitator signed in to the console."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from tests.conftest import PASSWORD


def csrf(client: FlaskClient, path: str) -> str:
    """The CSRF token of the form on ``path``."""
    page = client.get(path).get_data(as_text=True)
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, f"no form on {path}"
    return found.group(1)


def log_in(client: FlaskClient, email: str, password: str = PASSWORD) -> None:
    response = client.post("/facilitator/login", data={
        "email": email, "password": password,
        "csrf_token": csrf(client, "/facilitator/login")})
    assert response.status_code in (302, 303), response.status_code

"""Signing in through the console's own login form, as a browser would (for tests/security)."""

from __future__ import annotations

import re

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.conftest import PASSWORD


def csrf(client: FlaskClient, path: str) -> str:
    """The synchronizer token the page at ``path`` carries in its forms."""
    page = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match, f"no csrf token on {path}"
    return match.group(1)


def log_in(client: FlaskClient, email: str, password: str = PASSWORD,
           next_path: str | None = None) -> TestResponse:
    query = {"next": next_path} if next_path is not None else {}
    return client.post("/facilitator/login", query_string=query, data={
        "email": email, "password": password, "csrf_token": csrf(client, "/facilitator/login")})

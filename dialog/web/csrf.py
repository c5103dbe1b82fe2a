"""Cross-site request forgery: a state change the login cookie authenticates must be ours.

Two locks, both on every POST, PUT, PATCH and DELETE that does not carry a bearer token
(a browser never adds ``Authorization`` by itself, so a bearer call cannot be forged):

* the browser's own word on where the request came from: ``Sec-Fetch-Site`` must not be
  ``same-site`` or ``cross-site`` (another port of the same host is ``same-site``, and the
  ``Lax`` cookie travels there), and an ``Origin`` header must name this site;
* the session's synchronizer token, in the form field ``csrf_token`` or the header
  ``X-CSRF-Token``, on every console form and on every API route the cookie authenticates.
"""

from __future__ import annotations

import secrets
from typing import cast
from urllib.parse import urlsplit

from flask import Flask, request, session

from dialog.errors import DialogError
from dialog.web.public_url import allowed_origin_hosts

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
TOKEN_FIELD = "csrf_token"
TOKEN_HEADER = "X-CSRF-Token"
#: Pages under this prefix are the console: each of their forms carries the token.
CONSOLE_PREFIX = "/facilitator"


def csrf_token() -> str:
    """The per-session token every console form (and cookie API call) carries."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(24)
    return cast(str, session["csrf"])


def has_bearer() -> bool:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return scheme.lower() == "bearer" and bool(token.strip())


def changes_state() -> bool:
    return request.method not in SAFE_METHODS


def check_token() -> None:
    """Refuse with ``csrf_failed`` unless the request carries this session's token."""
    sent = request.headers.get(TOKEN_HEADER) or request.form.get(TOKEN_FIELD, "")
    expected = session.get("csrf", "")
    if not sent or not expected or not secrets.compare_digest(str(sent), str(expected)):
        raise DialogError("csrf_failed", 400)


def check_origin() -> None:
    """Refuse a request the browser says comes from another origin."""
    if request.headers.get("Sec-Fetch-Site", "").lower() in ("same-site", "cross-site"):
        raise DialogError("csrf_failed", 400)
    origin = request.headers.get("Origin")
    if origin is None:
        return
    if urlsplit(origin).netloc.lower() not in allowed_origin_hosts():
        raise DialogError("csrf_failed", 400)


def init_app(app: Flask) -> None:
    @app.before_request
    def _refuse_forged_changes() -> None:
        if not changes_state() or has_bearer():
            return
        check_origin()
        if request.path.startswith(CONSOLE_PREFIX):
            check_token()

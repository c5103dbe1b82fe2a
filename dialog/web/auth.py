"""Who is calling: facilitators by bearer token or login cookie, participants by token."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from flask import current_app, g, redirect, request, session, url_for

from dialog.errors import DialogError
from dialog.extensions import db
from dialog.models import Facilitator
from dialog.services import facilitators

F = TypeVar("F", bound=Callable[..., Any])


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def secret_key() -> str:
    return cast(str, current_app.config["SECRET_KEY"])


def facilitator_from_request() -> Facilitator | None:
    token = bearer_token()
    if token:
        return facilitators.facilitator_for_token(db.session, secret_key(), token)
    facilitator_id = session.get("facilitator_id")
    return db.session.get(Facilitator, facilitator_id) if facilitator_id else None


def login_required(view: F) -> F:
    """Console guard: send anyone not logged in to the login page."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        facilitator_id = session.get("facilitator_id")
        facilitator = db.session.get(Facilitator, facilitator_id) if facilitator_id else None
        if facilitator is None:
            return redirect(url_for("console.login", next=request.full_path.rstrip("?")))
        g.facilitator = facilitator
        return view(*args, **kwargs)

    return cast(F, wrapper)


def csrf_token() -> str:
    """The per-session token every console form carries."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(24)
    return cast(str, session["csrf"])


def check_csrf() -> None:
    sent = request.form.get("csrf_token", "")
    if not sent or not secrets.compare_digest(sent, session.get("csrf", "")):
        raise DialogError("csrf_failed", 400)


def json_body() -> dict[str, Any]:
    """The request's JSON object, or a clear ``invalid_json`` refusal."""
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise DialogError("invalid_json")
    return data

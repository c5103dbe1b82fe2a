"""Who is calling: facilitators by bearer token or login cookie, participants by token."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from flask import current_app, g, redirect, request, session, url_for

from dialog.errors import DialogError
from dialog.extensions import db
from dialog.models import Facilitator
from dialog.services import facilitators
from dialog.web.csrf import changes_state, check_origin, check_token, csrf_token

F = TypeVar("F", bound=Callable[..., Any])

__all__ = ["bearer_token", "check_csrf", "csrf_token", "facilitator_from_request", "json_body",
           "login_required", "secret_key"]


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
    facilitator = facilitator_from_session()
    if facilitator is not None and changes_state():
        check_csrf()  # the cookie is the authority here: it must come from our page
    return facilitator


def facilitator_from_session() -> Facilitator | None:
    """The facilitator this login cookie names, unless they have logged out since."""
    facilitator_id = session.get("facilitator_id")
    if not isinstance(facilitator_id, int):
        return None
    return facilitators.current(db.session.get(Facilitator, facilitator_id),
                                session.get("generation", 0))


def start_session(facilitator: Facilitator) -> None:
    """A fresh session (new CSRF token too) for a facilitator who just proved who they are."""
    session.clear()
    session["facilitator_id"] = facilitator.id
    session["generation"] = facilitator.session_generation


def login_required(view: F) -> F:
    """Console guard: send anyone not logged in to the login page."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        facilitator = facilitator_from_session()
        if facilitator is None:
            return redirect(url_for("console.login", next=request.full_path.rstrip("?")))
        g.facilitator = facilitator
        return view(*args, **kwargs)

    return cast(F, wrapper)


def check_csrf() -> None:
    """A console form's check: the browser's origin and the session's token."""
    check_origin()
    check_token()


def json_body() -> dict[str, Any]:
    """The request's JSON object, or a clear ``invalid_json`` refusal."""
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise DialogError("invalid_json")
    return data

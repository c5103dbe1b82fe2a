"""The JSON face: route an HTTP method and path to an action, and remember it for OpenAPI.

A view made here reads the caller's credentials for the action's role, merges the path
parameters into the JSON body (or the query string for GET), and calls
:func:`dialog.actions.perform`. It never loads or authorises anything itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, jsonify, request
from flask.typing import ResponseReturnValue
from pydantic import BaseModel

from dialog.actions import Action, Role, perform
from dialog.errors import DialogError, Unauthorized
from dialog.extensions import db
from dialog.models import Facilitator, Participant
from dialog.services import participant_limits, participants
from dialog.web.auth import bearer_token, facilitator_from_request
from dialog.web.locale import current_locale
from dialog.web.public_url import public_base_url
from dialog.web.throttling import current_throttle

Status = int | Callable[[Any], int]
Shape = Callable[[Any, Any], Any]
#: Runs the action (the callable it is given) inside a check of its own, e.g. a throttle.
Guard = Callable[[Callable[[], Any]], Any]


@dataclass(frozen=True)
class Route:
    """One documented HTTP route (``path`` in OpenAPI form, e.g. ``/workshops/{id}``)."""

    method: str
    path: str
    action: Action[Any] | None
    status: int
    summary: str = ""
    #: For routes that answer a file rather than JSON: its media type.
    media_type: str | None = None
    role: Role | None = None
    #: The input fields the path fills (``{id}`` in OpenAPI), not sent in the body.
    path_fields: frozenset[str] = frozenset()
    #: Schemas of a route that is not an action (e.g. the token exchange).
    body: type[BaseModel] | None = None
    result: type[BaseModel] | None = None
    #: Other success statuses it answers with the same result (e.g. 200 for a duplicate).
    also: tuple[int, ...] = ()


#: Every routed path, in the order it was declared; ``openapi.json`` is built from it.
ROUTES: list[Route] = []

API_PREFIX = "/api/v1"


def openapi_path(blueprint: Blueprint, rule: str) -> str:
    """``/api/v1/workshops/<int:workshop_id>`` -> ``/workshops/{id}`` (the documented form)."""
    full = (blueprint.url_prefix or "") + rule
    full = full.removeprefix(API_PREFIX)
    full = re.sub(r"<int:[a-z_]+>", "{id}", full)
    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", full)


def path_fields(rule: str) -> frozenset[str]:
    return frozenset(re.findall(r"<(?:[a-z]+:)?([a-z_]+)>", rule))


def actor_for(role: Role) -> Facilitator | Participant | None:
    """The caller, as the role requires, or 401 with a code saying what is missing."""
    if role is Role.PUBLIC:
        return None
    facilitator = facilitator_from_request() if role is not Role.PARTICIPANT else None
    if facilitator is not None:
        return facilitator
    token = bearer_token()
    if role is Role.FACILITATOR:
        code = "participant_token_not_allowed" if token and token.startswith(
            participants.TOKEN_PREFIX) else "facilitator_token_required"
        raise Unauthorized(code)
    participant = participants.participant_for_token(db.session, token)
    if participant is None:
        raise Unauthorized("participant_token_invalid" if token or role is Role.PARTICIPANT
                           else "unauthorized")
    return participant


def request_data(method: str, needs_body: bool) -> dict[str, Any]:
    """The request's input: the query string for GET, else the JSON object sent."""
    if method == "GET":
        return request.args.to_dict()
    if not request.get_data(cache=True) and not needs_body:
        return {}
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise DialogError("invalid_json")
    return data


def expose(blueprint: Blueprint, method: str, rule: str, action: Action[Any], *,
           status: Status = 200, shape: Shape | None = None,
           endpoint: str | None = None, guard: Guard | None = None,
           for_facilitator: Action[Any] | None = None,
           statuses: tuple[int, ...] = ()) -> None:
    """Answer ``method rule`` with ``action``; ``shape(result, body)`` may add links.

    A ``status`` that is a function of the result documents ``statuses`` (the first is the
    usual one), else 200.

    ``guard(run)`` wraps the call, e.g. to throttle guesses of a code. ``for_facilitator``
    answers the same route when a facilitator calls it (e.g. a perspective a facilitator
    enters from an interview, where a phone sends its own).
    """
    in_path = path_fields(rule)
    needs_body = bool(set(action.input.model_fields) - in_path)

    def view(**path_params: Any) -> ResponseReturnValue:
        if action.write_early:
            db.begin_writing(db.session)  # before the caller's credentials are read
        chosen = action
        if for_facilitator is not None and not (bearer_token() or "").startswith(
                participants.TOKEN_PREFIX) and facilitator_from_request() is not None:
            chosen = for_facilitator
        actor = actor_for(chosen.role)
        if isinstance(actor, Participant):
            participant_limits.admit(current_throttle(), chosen.name, actor)
        data = {**request_data(method, needs_body), **path_params}

        def run() -> Any:
            return perform(chosen, db.session, actor, data, current_locale(),
                           base_url=public_base_url() or "")

        result = guard(run) if guard is not None else run()
        body = chosen.dump(result)
        if shape is not None:
            body = shape(result, body)
        return jsonify(body), status(result) if callable(status) else status

    name = endpoint or action.name.replace(".", "_").replace(":", "_").replace("-", "_")
    blueprint.add_url_rule(rule, name, view, methods=[method])
    documented = (status,) if isinstance(status, int) else statuses or (200,)
    ROUTES.append(Route(method, openapi_path(blueprint, rule), action, documented[0],
                        action.summary, role=action.role, path_fields=in_path,
                        also=documented[1:]))


def describe(blueprint: Blueprint, method: str, rule: str, summary: str, *,
             role: Role = Role.PUBLIC, media_type: str = "application/json", status: int = 200,
             body: type[BaseModel] | None = None, result: type[BaseModel] | None = None,
             ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Route a view that is not an action (a file, a document) and list it in OpenAPI."""

    def route(view: Callable[..., Any]) -> Callable[..., Any]:
        blueprint.add_url_rule(rule, view.__name__, view, methods=[method])
        ROUTES.append(Route(method, openapi_path(blueprint, rule), None, status, summary,
                            media_type=media_type, role=role, body=body, result=result,
                            path_fields=path_fields(rule)))
        return view

    return route

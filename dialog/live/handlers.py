"""Socket.IO event handlers: parse, call a service, commit, then acknowledge."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from flask import current_app, request
from flask_socketio import SocketIO, join_room
from sqlalchemy.orm import Session

from dialog.errors import DialogError
from dialog.extensions import db
from dialog.i18n import negotiate, translate
from dialog.live import rooms
from dialog.live.broadcast import for_wall
from dialog.live.identity import Identity, facilitator_of, identify, participant_of
from dialog.models import ModerationStatus
from dialog.services import moderation, processes, workshops
from dialog.services.ids import parse_id
from dialog.services.perspectives import (
    perspective_to_dict,
    perspectives_of_participant,
    perspectives_of_workshop,
    submit_perspective,
)

log = logging.getLogger(__name__)

#: A perspective event is a few hundred bytes; anything far larger is refused with an ack.
MAX_EVENT_BYTES = 4096

_identities: dict[str, Identity] = {}

Handler = Callable[[Session, Identity, dict[str, Any]], dict[str, Any]]


def error_ack(code: str, locale: str = "sv", **params: Any) -> dict[str, Any]:
    return {"ok": False, "error": {"code": code,
                                   "message": translate(f"errors.{code}", locale, **params)}}


def current_identity() -> Identity | None:
    return _identities.get(request.sid)  # type: ignore[attr-defined]


def event_handler(role: str | None, handler: Handler) -> Callable[[Any], dict[str, Any]]:
    """Wrap ``handler`` with the shared guards: identity, payload checks, one transaction."""

    def run(data: Any = None) -> dict[str, Any]:
        identity = current_identity()
        if identity is None:
            return error_ack("unauthorized")
        if role and identity.role != role:
            return error_ack("wrong_role", identity.locale)
        if data is None:
            data = {}
        if not isinstance(data, dict):
            return error_ack("invalid_json", identity.locale)
        if len(json.dumps(data, default=str)) > MAX_EVENT_BYTES:
            return error_ack("payload_too_large", identity.locale)
        try:
            with db.transaction() as session:
                result = handler(session, identity, data)
        except DialogError as exc:
            return error_ack(exc.code, identity.locale, **exc.params)
        except Exception:
            log.exception("live handler failed")
            return error_ack("internal_error", identity.locale)
        return {"ok": True, **result}

    return run


def on_connect(auth: Any = None) -> bool:
    locale = negotiate(request.headers.get("Accept-Language"),
                       auth.get("lang") if isinstance(auth, dict) else None)
    with db.transaction() as session:
        identity = identify(session, current_app.config["SECRET_KEY"], auth, locale)
    if identity is None:
        return False  # refused at connect: no token, a foreign one, or an expired one
    _identities[request.sid] = identity  # type: ignore[attr-defined]
    if identity.role == "participant":
        join_room(rooms.participant(identity.id))
        if identity.workshop_id is not None:
            join_room(rooms.phones(identity.workshop_id))
    return True


def on_disconnect(*_args: Any) -> None:
    _identities.pop(request.sid, None)  # type: ignore[attr-defined]


def watch_workshop(session: Session, identity: Identity, data: dict[str, Any]) -> dict[str, Any]:
    """Facilitator or projector starts following a workshop; returns what is there so far."""
    workshop = workshops.get_workshop(session, parse_id(data.get("workshop_id"), "workshop_id"))
    facilitator = facilitator_of(session, identity)
    processes.managed_process(session, facilitator, workshop.process_id)
    on_wall = data.get("view") == "projector"
    join_room(rooms.wall(workshop.id) if on_wall else rooms.facilitators(workshop.id))
    found = [perspective_to_dict(p) for p in perspectives_of_workshop(session, workshop)]
    if on_wall:
        found = [for_wall(p) for p in found if p["status"] == ModerationStatus.APPROVED.value]
    return {"workshop": workshops.workshop_to_dict(workshop), "perspectives": found}


def submit(session: Session, identity: Identity, data: dict[str, Any]) -> dict[str, Any]:
    participant = participant_of(session, identity)
    workshop_id = data.get("workshop_id", participant.workshop_id)
    workshop = workshops.get_workshop(session, parse_id(workshop_id, "workshop_id"))
    perspective, duplicate = submit_perspective(
        session, participant, workshop, text=data.get("text"), kind=data.get("kind"),
        stakeholder_group=data.get("stakeholder_group"), client_id=data.get("client_id"),
    )
    return {"id": perspective.id, "duplicate": duplicate, "status": perspective.status.value,
            "client_id": perspective.client_id}


def my_perspectives(session: Session, identity: Identity, _data: dict[str, Any]) -> dict[str, Any]:
    participant = participant_of(session, identity)
    return {"perspectives": [perspective_to_dict(p)
                             for p in perspectives_of_participant(session, participant)]}


def moderate(session: Session, identity: Identity, data: dict[str, Any]) -> dict[str, Any]:
    perspective = moderation.get_perspective(
        session, parse_id(data.get("perspective_id"), "perspective_id"))
    facilitator = facilitator_of(session, identity)
    processes.managed_process(session, facilitator, perspective.process_id)
    moderation.moderate(session, perspective, facilitator, data.get("action"),
                        data.get("reason", ""))
    return {"perspective": perspective_to_dict(perspective)}


def register(socketio: SocketIO, namespace: str) -> None:
    socketio.on_event("connect", on_connect, namespace=namespace)
    socketio.on_event("disconnect", on_disconnect, namespace=namespace)
    events: dict[str, tuple[str | None, Handler]] = {
        "workshop:watch": ("facilitator", watch_workshop),
        "perspective:submit": ("participant", submit),
        "perspective:moderate": ("facilitator", moderate),
        "me:perspectives": ("participant", my_perspectives),
    }
    for name, (role, handler) in events.items():
        socketio.on_event(name, event_handler(role, handler), namespace=namespace)

"""The kernel's Socket.IO events: connect, disconnect, follow a workshop, and moderation.

In (with acks): ``workshop:watch`` {workshop_id, view?}, ``perspective:moderate``
{perspective_id, action, reason?}. Inventering's own events live in ``phases/inventering``.
"""

from __future__ import annotations

from typing import Any

from flask import current_app, request
from flask_socketio import SocketIO, join_room
from sqlalchemy.orm import Session

from dialog import policy
from dialog.extensions import db
from dialog.i18n import negotiate
from dialog.live import rooms
from dialog.live.guard import event_handler, forget, remember
from dialog.live.identity import Identity, facilitator_of, identify
from dialog.live.socket_actions import on
from dialog.models import ModerationStatus, Workshop
from dialog.operations import moderation
from dialog.schemas import PerspectiveOut, WorkshopOut
from dialog.services.ids import parse_id
from dialog.services.perspectives import perspectives_of_workshop
from phases.inventering.broadcast import for_wall


def on_connect(auth: Any = None) -> bool:
    locale = negotiate(request.headers.get("Accept-Language"),
                       auth.get("lang") if isinstance(auth, dict) else None)
    with db.transaction() as session:
        identity = identify(session, current_app.config["SECRET_KEY"], auth, locale)
    if identity is None:
        return False  # refused at connect: no token, a foreign one, or an expired one
    remember(identity)
    if identity.role == "participant":
        join_room(rooms.participant(identity.id))
        if identity.workshop_id is not None:
            join_room(rooms.phones(identity.workshop_id))
    return True


def on_disconnect(*_args: Any) -> None:
    forget()


def watch_workshop(session: Session, identity: Identity, data: dict[str, Any]) -> dict[str, Any]:
    """Facilitator or projector starts following a workshop; returns what is there so far."""
    workshop = policy.managed(session, facilitator_of(session, identity), Workshop,
                              parse_id(data.get("workshop_id"), "workshop_id"))
    on_wall = data.get("view") == "projector"
    join_room(rooms.wall(workshop.id) if on_wall else rooms.facilitators(workshop.id))
    found = PerspectiveOut.dump_all(perspectives_of_workshop(session, workshop))
    if on_wall:
        found = [for_wall(p) for p in found if p["status"] == ModerationStatus.APPROVED.value]
    return {"workshop": WorkshopOut.dump(workshop), "perspectives": found}


def register(socketio: SocketIO, namespace: str) -> None:
    socketio.on_event("connect", on_connect, namespace=namespace)
    socketio.on_event("disconnect", on_disconnect, namespace=namespace)
    socketio.on_event("workshop:watch", event_handler("facilitator", watch_workshop),
                      namespace=namespace)
    on(socketio, namespace, "perspective:moderate", moderation.moderate_perspective,
       wrap="perspective")



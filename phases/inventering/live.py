"""Inventering's Socket.IO events: ``workshop:watch`` (a console or its wall follows a
workshop), ``perspective:submit`` and ``me:perspectives``.

Broadcasts (``perspective:new``, ``wall:perspective`` ...) follow the domain events in
``phases.inventering.broadcast``.
"""

from __future__ import annotations

from typing import Any

from flask_socketio import SocketIO, join_room
from sqlalchemy.orm import Session

from dialog.live import rooms
from dialog.live.identity import Identity
from dialog.live.socket_actions import on
from phases.inventering import operations
from phases.inventering.wall import wall_room


def _own_workshop(identity: Identity) -> dict[str, Any]:
    return {"workshop_id": identity.workshop_id}


def _follow(_session: Session, _identity: Identity, _result: Any,
            body: dict[str, Any]) -> dict[str, Any]:
    """The console joins the workshop's facilitators, the projector its wall."""
    workshop_id = body["workshop"]["id"]
    if body["view"] == "projector":
        join_room(rooms.wall(workshop_id))
        join_room(wall_room(body["workshop"]["process_id"]))
    else:
        join_room(rooms.facilitators(workshop_id))
    return body


def register(socketio: SocketIO, namespace: str) -> None:
    on(socketio, namespace, "workshop:watch", operations.watch, after=_follow, mode="reading")
    on(socketio, namespace, "perspective:submit", operations.submit, defaults=_own_workshop)
    on(socketio, namespace, "me:perspectives", operations.mine, mode="reading")

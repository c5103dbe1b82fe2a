"""Inventering's Socket.IO events: ``perspective:submit`` and ``me:perspectives``.

Broadcasts (``perspective:new``, ``wall:perspective`` ...) follow the domain events in
``phases.inventering.broadcast``.
"""

from __future__ import annotations

from typing import Any

from flask_socketio import SocketIO

from dialog.live.identity import Identity
from dialog.live.socket_actions import on
from phases.inventering import operations


def _own_workshop(identity: Identity) -> dict[str, Any]:
    return {"workshop_id": identity.workshop_id}


def register(socketio: SocketIO, namespace: str) -> None:
    on(socketio, namespace, "perspective:submit", operations.submit, defaults=_own_workshop)
    on(socketio, namespace, "me:perspectives", operations.mine)

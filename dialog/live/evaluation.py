"""The meeting's evaluation over Socket.IO: ``evaluation:submit`` {workshop_id, score,
comment?, client_id} answers like ``POST /api/v1/workshops/{id}/evaluations``."""

from __future__ import annotations

from flask_socketio import SocketIO

from dialog.live.socket_actions import on
from dialog.operations import followup


def register(socketio: SocketIO, namespace: str) -> None:
    on(socketio, namespace, "evaluation:submit", followup.answer)

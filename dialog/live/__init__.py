"""The live layer: Socket.IO namespace ``/live`` for the room, the wall and the phones.

Handlers open and close their own database session per event (Socket.IO has no request
teardown) and acknowledge only after commit. Broadcasts follow domain events, which are
published only after commit (see ``dialog.events``).
"""

from __future__ import annotations

from flask_socketio import SocketIO

from dialog.live import evaluation, handlers

NAMESPACE = "/live"


def register_live(socketio: SocketIO) -> None:
    """Attach the event handlers and the broadcasters to ``socketio``."""
    handlers.register(socketio, NAMESPACE)
    evaluation.register(socketio, NAMESPACE)

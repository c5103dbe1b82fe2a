"""The kernel's Socket.IO events: connect (who is this?), disconnect, and moderation.

In (with an ack): ``perspective:moderate`` {perspective_id, action, reason?, reason_code?,
text?} (a hide without a reason gets the default one; a common reason's ``reason_code`` lets
the author read it in their own language, see ``services.hide_reasons``). Each phase binds
its own events in ``phases/<phase>/live.py``.
"""

from __future__ import annotations

from typing import Any

from flask import current_app, request
from flask_socketio import ConnectionRefusedError, SocketIO, join_room

from dialog.extensions import db
from dialog.i18n import negotiate
from dialog.live import drop, rooms
from dialog.live.guard import current_identity, error_ack, forget, remember
from dialog.live.identity import identify
from dialog.live.socket_actions import on
from dialog.operations import moderation


def on_connect(auth: Any = None) -> bool:
    locale = negotiate(request.headers.get("Accept-Language"),
                       auth.get("lang") if isinstance(auth, dict) else None)
    with db.reading() as session:
        identity = identify(session, current_app.config["SECRET_KEY"], auth, locale)
    if identity is None:
        return False  # refused at connect: no token, a foreign one, or an expired one
    if identity.blocked:
        # Said as such, so the phone does not join again with a fresh token by itself.
        raise ConnectionRefusedError("participant_blocked", {"code": "participant_blocked"})
    remember(identity)
    if identity.role == "participant":
        join_room(rooms.participant(identity.id))
        if identity.workshop_id is not None:
            join_room(rooms.phones(identity.workshop_id))
    return True


def on_disconnect(*_args: Any) -> None:
    forget()


def on_unknown_event(_event: Any, *_args: Any) -> dict[str, Any]:
    """An event nobody handles is acknowledged as unknown, so no phone waits forever."""
    identity = current_identity()
    return error_ack("unknown_event", identity.locale if identity else "sv")


def register(socketio: SocketIO, namespace: str) -> None:
    socketio.on_event("connect", on_connect, namespace=namespace)
    socketio.on_event("disconnect", on_disconnect, namespace=namespace)
    socketio.on_event("*", on_unknown_event, namespace=namespace)
    on(socketio, namespace, "perspective:moderate", moderation.moderate_perspective,
       wrap="perspective")
    drop.connect_signals(socketio, namespace)



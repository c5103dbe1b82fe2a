"""The Socket.IO face: an event on ``/live`` calls an action and acknowledges after commit.

The shared guards (who is connected, payload size, one transaction per event) live in
:func:`dialog.live.guard.event_handler`; this module only maps the event's data to the
action's input and its result to the acknowledgement ``{"ok": true, ...}``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask_socketio import SocketIO
from sqlalchemy.orm import Session

from dialog.actions import Action, Role, perform
from dialog.live.guard import Mode, event_handler
from dialog.live.identity import Identity, facilitator_of, participant_of
from dialog.models import Facilitator, Participant
from dialog.services import participant_limits
from dialog.web.throttling import socket_throttle

#: ``after(session, identity, result, body)`` runs inside the event's transaction, e.g. to
#: join a room; what it returns is acknowledged.
After = Callable[[Session, Identity, Any, dict[str, Any]], dict[str, Any]]

#: Every event bound to an action (the tests check that an event and its route share one).
EVENTS: dict[str, Action[Any]] = {}


def actor_of(session: Session, identity: Identity, role: Role) -> Facilitator | Participant | None:
    if role is Role.PUBLIC:
        return None
    if identity.role == "facilitator":
        return facilitator_of(session, identity)
    return participant_of(session, identity)


def on(socketio: SocketIO, namespace: str, event: str, action: Action[Any], *,
       wrap: str | None = None, defaults: Callable[[Identity], dict[str, Any]] | None = None,
       after: After | None = None, mode: Mode = "transaction") -> None:
    """Answer ``event`` with ``action``; ``wrap`` nests the result under one key.

    ``mode`` (see :func:`dialog.live.guard.event_handler`): ``reading`` for an action that
    only reads, ``batched`` for one whose commits a busy room gathers; then ``after`` runs
    after the commit in a read-only session, with no result (only the acknowledgement).
    """
    role = {Role.FACILITATOR: "facilitator", Role.PARTICIPANT: "participant"}.get(action.role)

    def handle(session: Session, identity: Identity, data: dict[str, Any]) -> dict[str, Any]:
        actor = actor_of(session, identity, action.role)
        if isinstance(actor, Participant):
            participant_limits.admit(socket_throttle(), action.name, actor)
        given = {**(defaults(identity) if defaults else {}), **data}
        result = perform(action, session, actor, given, identity.locale)
        dumped = action.dump(result)
        body: dict[str, Any] = {wrap: dumped} if wrap else dict(dumped or {})
        return after(session, identity, result, body) if after and mode != "batched" else body

    def then(session: Session, identity: Identity, body: dict[str, Any]) -> dict[str, Any]:
        assert after is not None
        return after(session, identity, None, body)

    handler = event_handler(role, handle, mode=mode,
                            then=then if after and mode == "batched" else None)
    socketio.on_event(event, handler, namespace=namespace)
    EVENTS[event] = action

"""The guards every Socket.IO event shares: who is connected, payload size, one transaction.

A handler runs inside :func:`event_handler`: it gets a fresh database session (Socket.IO has
no request teardown), and its acknowledgement is sent only after the commit succeeded.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any, Literal, cast

from flask import request
from sqlalchemy.orm import Session

from dialog.errors import DialogError
from dialog.extensions import db
from dialog.i18n import translate
from dialog.live.identity import Identity
from dialog.live.packets import Refused

log = logging.getLogger(__name__)

#: A perspective event is a few hundred bytes; anything far larger is refused with an ack.
MAX_EVENT_BYTES = 4096

_identities: dict[str, Identity] = {}


def _size(data: dict[str, Any]) -> int:
    """The bytes of ``data`` as UTF-8 JSON, as a phone sends it: an emoji is 4, not the 12 of
    an ASCII escape, so a 500-character perspective of emoji fits."""
    return len(json.dumps(data, default=str, ensure_ascii=False).encode("utf-8", "replace"))

Handler = Callable[[Session, Identity, dict[str, Any]], dict[str, Any]]
#: ``then(session, identity, body)`` runs after the commit, in a read-only session.
Then = Callable[[Session, Identity, dict[str, Any]], dict[str, Any]]

#: How an event's handler gets its session (see :func:`event_handler`).
Mode = Literal["transaction", "reading", "batched"]


def error_ack(code: str, locale: str = "sv", **params: Any) -> dict[str, Any]:
    return {"ok": False, "error": {"code": code,
                                   "message": translate(f"errors.{code}", locale, **params)}}


def connection_id() -> str:
    """The Socket.IO session id that Flask-SocketIO sets on the request of an event."""
    sid: str = cast(Any, request).sid
    return sid


def current_identity() -> Identity | None:
    return _identities.get(connection_id())


def remember(identity: Identity) -> None:
    """Tie an identity to the connection being accepted."""
    _identities[connection_id()] = identity


def forget() -> None:
    _identities.pop(connection_id(), None)


def connections(wanted: Callable[[Identity], bool]) -> list[str]:
    """The ids of this process's connections whose identity is ``wanted``."""
    return [sid for sid, identity in list(_identities.items()) if wanted(identity)]


def event_handler(role: str | None, handler: Handler, *, mode: Mode = "transaction",
                  then: Then | None = None) -> Callable[..., dict[str, Any]]:
    """Wrap ``handler`` with the shared guards: identity, payload checks, one transaction.

    An event carries one JSON object (or nothing); anything else is acknowledged with a
    code, never dropped: a phone waiting for its ack must not wait forever. ``mode`` says
    where ``handler`` runs: in the event's own transaction (committed before the ack), in
    a read-only session (``reading``: it never waits for the writer's turn), or as a unit
    of a group commit (``batched``: :mod:`dialog.group_commit`, committed with other
    events' units before the ack; it must not use the request). ``then`` (batched events)
    completes the acknowledgement after the commit, in a read-only session (on SQLite,
    outside the writer's turn), or on PostgreSQL inside the unit.
    """

    def run(*arguments: Any) -> dict[str, Any]:
        identity = current_identity()
        if identity is None:
            return error_ack("unauthorized")
        if role and identity.role != role:
            return error_ack("wrong_role", identity.locale)
        if len(arguments) > 1:
            return error_ack("too_many_arguments", identity.locale)
        data = arguments[0] if arguments else None
        if isinstance(data, Refused):
            return error_ack(data.code, identity.locale, **data.params)
        if data is None:
            data = {}
        if not isinstance(data, dict):
            return error_ack("invalid_json", identity.locale)
        if _size(data) > MAX_EVENT_BYTES:
            return error_ack("payload_too_large", identity.locale)
        try:
            result = _handle(handler, identity, data, mode, then)
        except DialogError as exc:
            return error_ack(exc.code, identity.locale, **exc.params)
        except Exception:
            log.exception("live handler failed")
            return error_ack("internal_error", identity.locale)
        return {"ok": True, **result}

    return run


def _handle(handler: Handler, identity: Identity, data: dict[str, Any], mode: Mode,
            then: Then | None) -> dict[str, Any]:
    if mode == "reading":
        with db.reading() as session:
            return handler(session, identity, data)
    if mode == "transaction":
        with db.transaction() as session:
            return handler(session, identity, data)
    if not db.commits_in_groups():  # tests, the CLI: one transaction, as ever
        with db.transaction() as session:
            body = handler(session, identity, data)
            return then(session, identity, body) if then else body
    if then is not None and not db.writes_take_turns():
        # PostgreSQL: no writer turn to leave, so the acknowledgement's reads join the unit
        # (in its SAVEPOINT, before the commit), as in a transaction of its own.
        return db.batched(lambda session: then(session, identity,
                                               handler(session, identity, data)))
    body = db.batched(lambda session: handler(session, identity, data))
    if then is None:
        return body
    with db.reading() as session:
        return then(session, identity, body)

"""Background jobs (a stand-in: the ``worker`` branch replaces this module at merge).

``enqueue("package.module:function", job_id=..., **kwargs)`` asks for
``function(session, **kwargs)`` to run in an app context with a fresh session, committed
when it returns. This stand-in keeps only that contract: it runs the job inline, in the
calling thread, and when the thread has a transaction open it waits until that commits (a
job never looks for rows its caller has not committed), and drops the job on a rollback.
"""

from __future__ import annotations

import importlib
import logging
import threading
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

_WAITING = "dialog.jobs.waiting"
_local = threading.local()


def enqueue(target: str, /, *, job_id: str | None = None, **kwargs: int | str) -> None:
    """Run ``target(session, **kwargs)``; inside an open transaction, after it commits."""
    del job_id  # inline jobs run once each; the worker coalesces equal ids
    sessions: list[Session] = getattr(_local, "sessions", [])
    if sessions:
        sessions[-1].info.setdefault(_WAITING, []).append((target, kwargs))
    else:
        _run(target, kwargs)


def _run(target: str, kwargs: dict[str, Any]) -> None:
    """Run the job now, in a thread of its own (joined at once): there it gets its own app
    context and session, and tearing them down never touches the caller's session."""
    from flask import current_app, has_app_context

    app = current_app._get_current_object() if has_app_context() else None  # type: ignore[attr-defined]
    worker = threading.Thread(target=_in_app, args=(app, target, kwargs))
    worker.start()
    worker.join()


def _in_app(app: Any, target: str, kwargs: dict[str, Any]) -> None:
    from dialog.extensions import db

    module, _, name = target.partition(":")
    try:
        function = getattr(importlib.import_module(module), name)
        if app is None:
            from dialog.config import Settings
            from dialog.web.app import create_app

            app = create_app(Settings.from_env())
        with app.app_context(), db.transaction() as session:
            function(session, **kwargs)
    except Exception:  # a failed job is logged, as a worker would; the caller already committed
        log.exception("job %s failed", target)


@event.listens_for(Session, "after_begin")
def _began(session: Session, _transaction: Any, _connection: Any) -> None:
    sessions = _local.__dict__.setdefault("sessions", [])
    if session not in sessions:
        sessions.append(session)


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    if session.in_nested_transaction():  # a SAVEPOINT: the transaction goes on
        return
    _forget(session)
    for target, kwargs in session.info.pop(_WAITING, []):
        _run(target, kwargs)


@event.listens_for(Session, "after_transaction_end")
def _ended(session: Session, transaction: Any) -> None:
    if transaction.parent is None:  # the outermost transaction: committed jobs already ran
        _forget(session)
        session.info.pop(_WAITING, None)


def _forget(session: Session) -> None:
    sessions: list[Session] = _local.__dict__.get("sessions", [])
    if session in sessions:
        sessions.remove(session)

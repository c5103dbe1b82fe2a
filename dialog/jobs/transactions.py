"""Send jobs when the transaction that asked for them commits.

A request that stores a version and enqueues its PDF must not have the worker look for the
version before the request commits. So ``enqueue`` looks for a session of the calling thread
(or greenlet) with a transaction open; if there is one the job waits in ``session.info`` and
is sent right after that session commits, or dropped when it rolls back. The sessions are
tracked with SQLAlchemy's session events, for every session (scoped or not).
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

from dialog.jobs.targets import Job

log = logging.getLogger(__name__)

_WAITING = "dialog.jobs.waiting"
_local = threading.local()


def _open_sessions() -> list[weakref.ref[Session]]:
    """This thread's sessions with a transaction open, innermost last (weakly: a session
    dropped without closing must not live on here)."""
    sessions: list[weakref.ref[Session]] | None = getattr(_local, "sessions", None)
    if sessions is None:
        sessions = _local.sessions = []
    return sessions


def open_session() -> Session | None:
    """The innermost session of this thread with a transaction open, if any."""
    sessions = _open_sessions()
    while sessions:
        session = sessions[-1]()
        if session is not None:
            return session
        sessions.pop()
    return None


def defer(session: Session, job: Job, send: Callable[[Job], None]) -> None:
    """Send the job once the session commits (never if it rolls back)."""
    waiting: list[tuple[Job, Callable[[Job], None]]] = session.info.setdefault(_WAITING, [])
    waiting.append((job, send))


@event.listens_for(Session, "after_begin")
def _began(session: Session, _transaction: SessionTransaction, _connection: Any) -> None:
    sessions = _open_sessions()
    if not any(ref() is session for ref in sessions):
        sessions.append(weakref.ref(session))


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a SAVEPOINT released (SQLAlchemy says "commit" for it too): keep waiting
    waiting = session.info.pop(_WAITING, [])
    _forget(session)
    for job, send in waiting:
        try:
            send(job)
        except Exception:  # the commit stands; a job that cannot be sent is logged
            log.exception("could not send job %s (%s)", job.target, job.job_id)


@event.listens_for(Session, "after_transaction_end")
def _ended(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        dropped = session.info.pop(_WAITING, [])
        if dropped:
            log.info("dropped %s job(s): their transaction rolled back", len(dropped))
        _forget(session)


def _forget(session: Session) -> None:
    _local.sessions = [ref for ref in _open_sessions() if ref() not in (session, None)]

"""Domain events, published only after the transaction that caused them commits.

Services record events on the session (``record``); when that session commits, the
events go out through blinker signals that the live layer (Socket.IO) and the analysis
scheduler subscribe to. A rollback discards them, so nobody hears of what was not stored.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from blinker import Namespace
from sqlalchemy import event
from sqlalchemy.orm import Session

signals = Namespace()
perspective_submitted = signals.signal("perspective-submitted")
perspective_moderated = signals.signal("perspective-moderated")
workshop_changed = signals.signal("workshop-changed")
reaction_submitted = signals.signal("reaction-submitted")
link_created = signals.signal("link-created")
phase_changed = signals.signal("phase-changed")
round_changed = signals.signal("conversation-round-changed")
reflection_submitted = signals.signal("reflection-submitted")
resistance_logged = signals.signal("resistance-logged")
konkret_changed = signals.signal("konkret-changed")
process_published = signals.signal("process-published")

_PENDING = "dialog.pending_events"
_COMMITTED = "dialog.committed_events"


@dataclass(frozen=True)
class DomainEvent:
    signal_name: str
    payload: dict[str, Any] = field(default_factory=dict)


def record(session: Session, signal_name: str, **payload: Any) -> None:
    """Queue an event to be sent when ``session`` commits."""
    session.info.setdefault(_PENDING, []).append(DomainEvent(signal_name, payload))


@contextmanager
def set_apart(session: Session) -> Iterator[None]:
    """Keep the events recorded so far apart from what follows: if it raises (a SAVEPOINT
    rolled back), only its own events are dropped; else they join the others.

    A rollback, even of a SAVEPOINT, discards every pending event of the session
    (``_discard``); one transaction storing the work of many events
    (:mod:`dialog.group_commit`) must lose only the failed one's.
    """
    earlier: list[DomainEvent] = session.info.pop(_PENDING, [])
    try:
        yield
    except BaseException:
        session.info[_PENDING] = earlier
        raise
    session.info[_PENDING] = earlier + session.info.pop(_PENDING, [])


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a SAVEPOINT released: its events wait for the transaction's own commit
    session.info.setdefault(_COMMITTED, []).extend(session.info.pop(_PENDING, []))


@event.listens_for(Session, "after_transaction_end")
def _publish(session: Session, transaction: Any) -> None:
    """Send what the commit made true once the session has given its connection back.

    A listener may read the database (the wall's reaction counts do): sent from inside the
    commit it would hold a second pooled connection while the first is still checked out,
    and a busy server process, every connection held by such a pair, waits on itself.
    """
    if transaction.parent is not None:
        return
    committed: list[DomainEvent] = session.info.pop(_COMMITTED, [])
    for item in committed:
        signals.signal(item.signal_name).send(session, **item.payload)


@event.listens_for(Session, "after_soft_rollback")
def _discard(session: Session, _previous_transaction: Any) -> None:
    session.info.pop(_PENDING, None)

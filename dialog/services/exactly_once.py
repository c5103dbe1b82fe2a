"""Exactly once: a phone's resend with the same ``client_id`` returns the first row.

Every participant submission (perspective, reflection, reaction, rating, vote, answer...)
carries a ``client_id`` that is UNIQUE per participant in its table. :func:`earlier`
finds a previous copy before any check runs (so a resend is never refused), and
:func:`insert_once` adds the row inside a SAVEPOINT so that two racing copies end as one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

Row = TypeVar("Row")


def earlier(session: Session, model: type[Row], participant_id: int, client_id: str) -> Row | None:
    """The participant's earlier row with this ``client_id``, if any."""
    columns: Any = model
    return session.scalar(select(model).where(columns.participant_id == participant_id,
                                              columns.client_id == client_id))


def insert_once(session: Session, row: Row,
                winner: Callable[[], Row | None] | None = None) -> tuple[Row, bool]:
    """Add ``row``; if a racing copy won the UNIQUE constraint, return that one instead.

    ``winner`` finds that copy for rows unique by something else than ``client_id`` (a
    reaction per participant and perspective, a link per pair and relation). Returns the
    stored row and whether it was a duplicate.
    """
    fields: Any = row
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        found = winner() if winner is not None else earlier(
            session, type(row), fields.participant_id, fields.client_id)
        if found is None:
            raise
        return found, True
    return row, False


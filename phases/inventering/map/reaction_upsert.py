"""A reaction stored in one statement: ``INSERT ... ON CONFLICT DO UPDATE ... RETURNING``.

A room of a thousand phones reacts several hundred times a second, and on PostgreSQL each
statement is a round trip. So the live path's statement also checks the perspective
(approved, in the participant's process: ``INSERT ... SELECT ... FROM perspective``), and on
PostgreSQL it also reads the perspectives the participant had reacted to, for the next card
drawn right after (:func:`taken_reacted`, used once by
:func:`phases.inventering.map.reactions.reacted_perspective_ids`). Statements are built once
per dialect with bound parameters (building and keying one per reaction cost as much as
running it). Used by :mod:`phases.inventering.map.reactions`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from dialog.models import ModerationStatus, Perspective, Reaction, utcnow

#: Dialects whose INSERT knows ON CONFLICT DO UPDATE ... RETURNING.
UPSERTS: dict[str, Callable[[Any], Any]] = {
    "sqlite": sqlite_insert, "postgresql": postgresql_insert}
#: ``session.info`` key: participant id -> the perspective ids they have reacted to, as
#: their latest reaction's statement read them (taken once).
_REACTED = "dialog.reacted"
_COLUMNS = ["process_id", "participant_id", "perspective_id", "vote", "created_at",
            "updated_at"]


def upsert(session: Session, dialect: str, participant_id: int, process_id: int,
           perspective_id: int, value: int) -> bool:
    """Store the reaction (insert, or update the vote); say if it is new. A new row keeps
    the ``created_at`` given here; an updated one keeps its first, so the two tell apart."""
    session.info.get(_REACTED, {}).pop(participant_id, None)
    now = utcnow()
    first_at = session.connection().execute(_upsert_statement(dialect), {
        "process_id": process_id, "participant_id": participant_id,
        "perspective_id": perspective_id, "vote": value, "now": now}).scalar_one()
    return bool(first_at == now)


def upsert_if_open(session: Session, dialect: str, participant_id: int, process_id: int,
                   perspective_id: int, value: int) -> bool | None:
    """:func:`upsert` of a reaction to an approved perspective of ``process_id``, read by
    the same statement; None when it stored nothing (no such perspective there, or not
    approved)."""
    now = utcnow()
    row = session.connection().execute(_upsert_if_open_statement(dialect), {
        "process_id": process_id, "participant_id": participant_id,
        "perspective_id": perspective_id, "vote": value, "now": now}).first()
    if row is None:
        return None
    if dialect == "postgresql":
        # Read before the statement's own write (a new row is not among them yet).
        session.info.setdefault(_REACTED, {})[participant_id] = \
            set(row[1] or ()) | {perspective_id}
    return bool(row[0] == now)


def taken_reacted(session: Session, participant_id: int) -> set[int] | None:
    """The perspectives ``participant_id`` had reacted to as its reaction in this session
    just read them (once), or None."""
    known: set[int] | None = session.info.get(_REACTED, {}).pop(participant_id, None)
    return known


@cache
def _upsert_statement(dialect: str) -> Any:
    table = Reaction.__table__
    now = bindparam("now", type_=table.c.created_at.type)
    vote = bindparam("vote", type_=table.c.vote.type)
    statement = UPSERTS[dialect](table).values(
        process_id=bindparam("process_id"), participant_id=bindparam("participant_id"),
        perspective_id=bindparam("perspective_id"), vote=vote, created_at=now,
        updated_at=now)
    return statement.on_conflict_do_update(
        index_elements=["participant_id", "perspective_id"],
        set_={"vote": vote, "updated_at": now}).returning(table.c.created_at)


@cache
def _upsert_if_open_statement(dialect: str) -> Any:
    table, perspective = Reaction.__table__, Perspective.__table__
    now = bindparam("now", type_=table.c.created_at.type)
    vote = bindparam("vote", type_=table.c.vote.type)
    participant = bindparam("participant_id", type_=table.c.participant_id.type)
    source = select(perspective.c.process_id, participant, perspective.c.id, vote, now,
                    now).where(
        perspective.c.id == bindparam("perspective_id"),
        perspective.c.process_id == bindparam("process_id"),
        perspective.c.status == ModerationStatus.APPROVED)
    statement = UPSERTS[dialect](table).from_select(_COLUMNS, source).on_conflict_do_update(
        index_elements=["participant_id", "perspective_id"],
        set_={"vote": vote, "updated_at": now}).returning(table.c.created_at)
    if dialect != "postgresql":
        return statement
    # PostgreSQL: the participant's reactions too, in the same round trip (a
    # data-modifying WITH; the outer SELECT sees the table as before the statement).
    stored = statement.cte("stored")
    reacted = select(func.array_agg(table.c.perspective_id)).where(
        table.c.participant_id == participant).scalar_subquery()
    return select(stored.c.created_at, reacted)

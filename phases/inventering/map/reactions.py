"""Reactions: agree, disagree or pass on others' perspectives; only the latest one counts.

Authors may react to their own perspective (as in Polis), but it is never offered to them,
and no automatic "agree" is recorded for it: a perspective may be a feeling or a thought,
not a statement its author would vote on. Only approved perspectives take reactions, so a
hidden or pending text never reaches the analysis.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from dialog.errors import DialogError
from dialog.events import record
from dialog.models import (
    VOTE_VALUES,
    ModerationStatus,
    Participant,
    Perspective,
    Reaction,
    utcnow,
)
from dialog.services.exactly_once import insert_once

#: Dialects whose INSERT knows ON CONFLICT DO UPDATE ... RETURNING.
_UPSERTS: dict[str, Callable[[type[Reaction]], Any]] = {
    "sqlite": sqlite_insert, "postgresql": postgresql_insert}


def parse_vote(vote: Any) -> int:
    """Turn "agree", "disagree" or "pass" into +1, -1 or 0, or refuse."""
    if not isinstance(vote, str) or vote.strip().lower() not in VOTE_VALUES:
        raise DialogError("invalid_vote", vote=str(vote)[:40])
    return VOTE_VALUES[vote.strip().lower()]


def react(
    session: Session, participant: Participant, perspective: Perspective, vote: Any
) -> tuple[Reaction, bool]:
    """Store the participant's reaction; return it and whether it is their first on it.

    ``perspective`` is already loaded and in the participant's process (see the policy);
    only an approved one takes reactions.
    """
    value = parse_vote(vote)
    if perspective.status is not ModerationStatus.APPROVED:
        raise DialogError("perspective_not_open_for_reactions", 409)
    reaction, created = _upsert(session, participant, perspective, value)
    record(session, "reaction-submitted", process_id=perspective.process_id,
           perspective_id=perspective.id, participant_id=participant.id, vote=value,
           created=created)
    return reaction, created


def _upsert(session: Session, participant: Participant, perspective: Perspective,
            value: int) -> tuple[Reaction, bool]:
    """Store the reaction in one statement (insert, or update the vote); say if it is new.

    A room of a thousand phones reacts several hundred times a second: one ``INSERT ... ON
    CONFLICT DO UPDATE`` replaces a lookup, a savepoint and an insert. A new row keeps the
    ``created_at`` given here; an updated one keeps its first, so the two tell them apart.
    """
    dialect = session.get_bind().dialect.name
    if dialect not in _UPSERTS:
        return _insert_or_update(session, participant, perspective, value)
    now = utcnow()
    statement = _UPSERTS[dialect](Reaction).values(
        process_id=perspective.process_id, participant_id=participant.id,
        perspective_id=perspective.id, vote=value, created_at=now, updated_at=now)
    upsert = statement.on_conflict_do_update(
        index_elements=["participant_id", "perspective_id"],
        set_={"vote": value, "updated_at": now}).returning(Reaction)
    reaction = session.scalars(upsert,
                               execution_options={"populate_existing": True}).one()
    return reaction, reaction.created_at == now


def _insert_or_update(session: Session, participant: Participant, perspective: Perspective,
                      value: int) -> tuple[Reaction, bool]:
    existing = _find(session, participant.id, perspective.id)
    if existing is None:
        reaction, again = insert_once(session, Reaction(
            process_id=perspective.process_id, participant_id=participant.id,
            perspective_id=perspective.id, vote=value),
            winner=lambda: _find(session, participant.id, perspective.id))
        if not again:
            return reaction, True
    else:
        reaction = existing  # a resend raced past the lookup: update the winner's row
    reaction.vote = value
    reaction.updated_at = utcnow()
    session.flush()
    return reaction, False


def reacted_perspective_ids(session: Session, participant: Participant) -> set[int]:
    """Return the ids of the perspectives this participant has reacted to."""
    return set(session.scalars(
        select(Reaction.perspective_id).where(Reaction.participant_id == participant.id)))


def count_reactions(session: Session, process_id: int) -> int:
    return int(session.scalar(
        select(func.count(Reaction.id)).where(Reaction.process_id == process_id)) or 0)


def _find(session: Session, participant_id: int, perspective_id: int) -> Reaction | None:
    return session.scalar(select(Reaction).where(
        Reaction.participant_id == participant_id, Reaction.perspective_id == perspective_id))

"""Reactions: agree, disagree or pass on others' perspectives; only the latest one counts.

Authors may react to their own perspective (as in Polis), but it is never offered to them,
and no automatic "agree" is recorded for it: a perspective may be a feeling or a thought,
not a statement its author would vote on. Only approved perspectives take reactions, so a
hidden or pending text never reaches the analysis.
"""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import bindparam, func, select
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
from dialog.policy import LARGEST_ID, reachable_row
from dialog.services.exactly_once import insert_once
from phases.inventering.map.reaction_upsert import UPSERTS, taken_reacted, upsert, upsert_if_open


def parse_vote(vote: Any) -> int:
    """Turn "agree", "disagree" or "pass" into +1, -1 or 0, or refuse."""
    if not isinstance(vote, str) or vote.strip().lower() not in VOTE_VALUES:
        raise DialogError("invalid_vote", vote=str(vote)[:40])
    return VOTE_VALUES[vote.strip().lower()]


def react(
    session: Session, participant: Participant, perspective: Perspective, vote: Any
) -> tuple[int, bool]:
    """Store the participant's reaction; return its vote and whether it is their first on it.

    ``perspective`` is already loaded and in the participant's process (see the policy);
    only an approved one takes reactions.
    """
    value = parse_vote(vote)
    return _store(session, participant, perspective.id, perspective.process_id,
                  perspective.status, value)


def react_to(session: Session, participant: Participant, perspective_id: int,
             vote: Any) -> tuple[int, bool]:
    """:func:`react` by the perspective's id, reading only what it needs.

    The live path: a room reacts several hundred times a second, and an ORM object for
    the perspective (its identity map entry, its attribute state) costs more than the
    reaction itself. Refuses as :func:`dialog.policy.reachable` does.
    """
    dialect = session.get_bind().dialect.name
    value = VOTE_VALUES.get(vote.strip().lower()) if isinstance(vote, str) else None
    if value is not None and dialect in UPSERTS and participant.process_id is not None \
            and 0 < perspective_id <= LARGEST_ID:
        # The check and the write in one statement: stored only if the perspective is
        # approved and in the participant's process (one round trip less per reaction).
        created = upsert_if_open(session, dialect, participant.id, participant.process_id,
                                 perspective_id, value)
        if created is not None:
            _recorded(session, participant, participant.process_id, perspective_id, value,
                      created)
            return value, created
    # Refused (or a dialect without the upsert): say why, as the policy does.
    found = reachable_row(session, participant, Perspective, perspective_id,
                          Perspective.status)
    value = parse_vote(vote)
    return _store(session, participant, perspective_id, found.process_id, found.status, value)


def _store(session: Session, participant: Participant, perspective_id: int,
           process_id: int, status: ModerationStatus, value: int) -> tuple[int, bool]:
    if status is not ModerationStatus.APPROVED:
        raise DialogError("perspective_not_open_for_reactions", 409)
    dialect = session.get_bind().dialect.name
    created = upsert(session, dialect, participant.id, process_id, perspective_id, value) \
        if dialect in UPSERTS else \
        _insert_or_update(session, participant.id, process_id, perspective_id, value)
    _recorded(session, participant, process_id, perspective_id, value, created)
    return value, created


def _recorded(session: Session, participant: Participant, process_id: int,
              perspective_id: int, value: int, created: bool) -> None:
    record(session, "reaction-submitted", process_id=process_id,
           perspective_id=perspective_id, participant_id=participant.id, vote=value,
           created=created)


def _insert_or_update(session: Session, participant_id: int, process_id: int,
                      perspective_id: int, value: int) -> bool:
    existing = _find(session, participant_id, perspective_id)
    if existing is None:
        reaction, again = insert_once(session, Reaction(
            process_id=process_id, participant_id=participant_id,
            perspective_id=perspective_id, vote=value),
            winner=lambda: _find(session, participant_id, perspective_id))
        if not again:
            return True
    else:
        reaction = existing  # a resend raced past the lookup: update the winner's row
    reaction.vote = value
    reaction.updated_at = utcnow()
    session.flush()
    return False


class Reader(Protocol):
    """Who is offered cards: a :class:`Participant`, or the identity of a phone's
    connection (:class:`dialog.live.identity.Identity`) once its token was checked."""

    @property
    def id(self) -> int: ...

    @property
    def process_id(self) -> int | None: ...


def reacted_perspective_ids(session: Session, participant: Reader) -> set[int]:
    """Return the ids of the perspectives this participant has reacted to (Core: a card
    is drawn per reaction, and ORM result machinery costs more than the query). Right
    after a reaction on PostgreSQL its own statement read them (:func:`upsert_if_open`)."""
    known = taken_reacted(session, participant.id)
    if known is not None:
        return known
    return set(session.connection().execute(
        _REACTED, {"participant_id": participant.id}).scalars())


_REACTED = select(Reaction.__table__.c.perspective_id).where(
    Reaction.__table__.c.participant_id == bindparam("participant_id"))


def count_reactions(session: Session, process_id: int) -> int:
    return int(session.scalar(
        select(func.count(Reaction.id)).where(Reaction.process_id == process_id)) or 0)


def _find(session: Session, participant_id: int, perspective_id: int) -> Reaction | None:
    return session.scalar(select(Reaction).where(
        Reaction.participant_id == participant_id, Reaction.perspective_id == perspective_id))

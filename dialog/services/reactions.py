"""Reactions: agree, disagree or pass on others' perspectives; only the latest one counts.

Authors may react to their own perspective (as in Polis), but it is never offered to them,
and no automatic "agree" is recorded for it: a perspective may be a feeling or a thought,
not a statement its author would vote on. Only approved perspectives take reactions, so a
hidden or pending text never reaches the analysis.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dialog.errors import DialogError, NotFound
from dialog.events import record
from dialog.models import (
    VOTE_VALUES,
    ModerationStatus,
    Participant,
    Perspective,
    Reaction,
    utcnow,
)
from dialog.services.ids import parse_id


def parse_vote(vote: Any) -> int:
    """Turn "agree", "disagree" or "pass" into +1, -1 or 0, or refuse."""
    if not isinstance(vote, str) or vote.strip().lower() not in VOTE_VALUES:
        raise DialogError("invalid_vote", vote=str(vote)[:40])
    return VOTE_VALUES[vote.strip().lower()]


def reactable_perspective(session: Session, participant: Participant, perspective_id: Any) -> (
        Perspective):
    """Return the perspective if this participant may react to it, or refuse."""
    perspective = session.get(Perspective, parse_id(perspective_id, "perspective_id"))
    if perspective is None:
        raise NotFound("perspective_not_found")
    if perspective.process_id != participant.process_id:
        raise DialogError("perspective_not_in_your_process", 403)
    if perspective.status is not ModerationStatus.APPROVED:
        raise DialogError("perspective_not_open_for_reactions", 409)
    return perspective


def react(
    session: Session, participant: Participant, perspective_id: Any, vote: Any
) -> tuple[Reaction, bool]:
    """Store the participant's reaction; return it and whether it is their first on it."""
    value = parse_vote(vote)
    perspective = reactable_perspective(session, participant, perspective_id)
    existing = _find(session, participant.id, perspective.id)
    created = existing is None
    if existing is None:
        reaction = Reaction(process_id=perspective.process_id, participant_id=participant.id,
                            perspective_id=perspective.id, vote=value)
        try:
            with session.begin_nested():
                session.add(reaction)
        except IntegrityError:
            # A resend raced past the lookup; the other insert won, so update that row.
            found = _find(session, participant.id, perspective.id)
            if found is None:
                raise
            reaction, created = found, False
    else:
        reaction = existing
    if not created:
        reaction.vote = value
        reaction.updated_at = utcnow()
        session.flush()
    record(session, "reaction-submitted", process_id=perspective.process_id,
           perspective_id=perspective.id, participant_id=participant.id, vote=value,
           created=created)
    return reaction, created


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

"""Reactions: agree, disagree or pass on others' perspectives; only the latest one counts.

Authors may react to their own perspective (as in Polis), but it is never offered to them,
and no automatic "agree" is recorded for it: a perspective may be a feeling or a thought,
not a statement its author would vote on. Only approved perspectives take reactions, so a
hidden or pending text never reaches the analysis.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
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
    existing = _find(session, participant.id, perspective.id)
    created = existing is None
    if existing is None:
        reaction, again = insert_once(session, Reaction(
            process_id=perspective.process_id, participant_id=participant.id,
            perspective_id=perspective.id, vote=value),
            winner=lambda: _find(session, participant.id, perspective.id))
        created = not again  # a resend raced past the lookup: update the winner's row
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

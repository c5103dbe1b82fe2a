"""What a participant's phone shows in konkretisering, live or days later with the token."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.i18n import DEFAULT_LOCALE
from dialog.models import (
    Alternative,
    AlternativeOutcome,
    Amendment,
    FishingAnswer,
    Participant,
    Process,
    RoundStatus,
    VoteRound,
)
from dialog.services.moderation import hide_notes
from dialog.services.workshops import room_closed
from phases.konkretisering import checkback, fishing, majority_vote, minority_wisdom
from phases.konkretisering.schemas import CheckbackRoundOut, PromptOut


def phone_state(session: Session, participant: Participant, locale: str = DEFAULT_LOCALE
                ) -> dict[str, Any]:
    """Open check-backs, open votes, minority questions for me and the fishing prompt
    (with my answers, a hidden one with its reason in ``locale``).

    Once the phone's meeting is closed, what belongs to the room (votes, the minority's
    question, fishing, a check-back without a deadline) is not offered: it would only be
    refused with ``workshop_closed``. A check-back with a deadline is answered from home.
    """
    process = session.get(Process, participant.process_id)
    assert process is not None
    closed = room_closed(session, participant)
    return {
        "process_id": process.id,
        "participant_id": participant.id,
        "meeting_closed": closed,
        "checkback_rounds": [_checkback(session, participant, r)
                             for r in checkback.rounds_of(session, process)
                             if r.accepting and not (closed and r.closes_at is None)],
        "votes": [] if closed else [_vote(session, participant, r)
                                    for r in _open_votes(session, process)],
        "minority_prompts": [] if closed else [
            _minority(session, participant, r)
            for r in minority_wisdom.pending_prompts(session, participant)],
        "fishing": [] if closed else [_fishing(session, participant, p, locale)
                                      for p in fishing.open_prompts(session, process)],
    }


def _checkback(session: Session, participant: Participant, checkback_round: Any
               ) -> dict[str, Any]:
    mine = checkback.my_ratings(session, participant, checkback_round)
    return {
        **CheckbackRoundOut.dump(checkback_round),
        "alternatives": [{"id": a.id, "title": a.title, "description": a.description,
                          "my_rating": mine.get(a.id)} for a in checkback_round.alternatives],
    }


def _open_votes(session: Session, process: Process) -> list[VoteRound]:
    return list(session.scalars(
        select(VoteRound).join(Alternative)
        .where(Alternative.process_id == process.id, Alternative.hidden.is_(False),
               Alternative.outcome == AlternativeOutcome.OPEN,
               VoteRound.status == RoundStatus.OPEN)
        .order_by(VoteRound.id)))


def _vote(session: Session, participant: Participant, vote_round: VoteRound) -> dict[str, Any]:
    mine = majority_vote.latest_votes(session, vote_round).get(participant.id)
    return {"id": vote_round.id, "alternative_id": vote_round.alternative_id,
            "title": vote_round.alternative.title, "number": vote_round.number,
            "text": vote_round.text,
            "my_vote": None if mine is None else {"value": mine.value.value,
                                                  "reason": mine.reason}}


def _minority(session: Session, participant: Participant, vote_round: VoteRound
              ) -> dict[str, Any]:
    conditions = session.scalars(select(Amendment.text).where(
        Amendment.vote_round_id == vote_round.id, Amendment.participant_id == participant.id)
        .order_by(Amendment.id))
    return {"vote_round_id": vote_round.id, "alternative_id": vote_round.alternative_id,
            "title": vote_round.alternative.title, "text": vote_round.text,
            "number": vote_round.number, "question": majority_vote.QUESTION,
            "my_conditions": list(conditions)}


def _fishing(session: Session, participant: Participant, prompt: Any, locale: str
             ) -> dict[str, Any]:
    answers = list(session.scalars(select(FishingAnswer).where(
        FishingAnswer.prompt_id == prompt.id, FishingAnswer.participant_id == participant.id)
        .order_by(FishingAnswer.id)))
    # A hidden answer says so to its author, and why (a common reason in their language).
    notes = hide_notes(session, "fishing_answer", [a.id for a in answers if a.hidden], locale)
    return {**PromptOut.dump(prompt), "my_answers": [a.text for a in answers],
            "my_answer_items": [{"id": a.id, "text": a.text, "hidden": a.hidden,
                                 "note": notes.get(a.id) if a.hidden else None}
                                for a in answers]}

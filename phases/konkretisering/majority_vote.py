"""Majority vote on an alternative: open a round, cast votes, close and find the minority.

When a round closes with a minority, the minority is asked "Vad skulle krävas för att ni
ska kunna följa med?" (``minority_wisdom``); their conditions become amendments,
and the next round votes on the alternative with the amendments added.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import Conflict, DialogError
from dialog.events import record
from dialog.models import (
    Alternative,
    AlternativeOutcome,
    Facilitator,
    Majority,
    Participant,
    RoundStatus,
    Vote,
    VoteRound,
    VoteValue,
    utcnow,
)
from dialog.services.exactly_once import earlier, insert_once
from dialog.services.workshops import require_in_room
from phases.konkretisering import alternatives as alternative_service
from phases.konkretisering.fields import MAX_REASON, optional_text
from phases.konkretisering.schemas import AlternativeOut

QUESTION = "Vad skulle krävas för att ni ska kunna följa med?"


def open_vote(session: Session, alternative: Alternative,
              facilitator: Facilitator | None) -> VoteRound:
    """Open the next vote on an alternative, with its included amendments written in."""
    alternative_service.require_undecided(alternative)
    if alternative.hidden:
        raise Conflict("alternative_hidden")
    if open_round_of(alternative) is not None:
        raise Conflict("vote_already_open")
    vote_round = VoteRound(alternative=alternative, number=len(alternative.vote_rounds) + 1,
                           text=text_to_vote_on(alternative),
                           opened_by_id=facilitator.id if facilitator else None)
    session.add(vote_round)
    session.flush()
    alternative_service.log(
        session, alternative, "vote_opened", facilitator=facilitator,
        vote_round_id=vote_round.id, number=vote_round.number,
        amendment_ids=[a.id for a in alternative.amendments if a.included])
    record(session, "konkret-changed", process_id=alternative.process_id, kind="vote_opened",
           vote_round=vote_round_out(session, vote_round))
    return vote_round


def text_to_vote_on(alternative: Alternative) -> str:
    """The alternative as it stands: its description and the amendments included so far."""
    parts = [alternative.title]
    if alternative.description:
        parts.append(alternative.description)
    included = [a.text for a in alternative.amendments if a.included]
    if included:
        parts.append("Tillägg:\n" + "\n".join(f"– {text}" for text in included))
    return "\n\n".join(parts)


def cast_vote(session: Session, participant: Participant, vote_round: VoteRound, *,
              value: Any, reason: Any = "", client_id: str) -> tuple[Vote, bool]:
    """Store a vote once per client id; while the round is open, the latest vote counts."""
    existing = earlier(session, Vote, participant.id, client_id)
    if existing is not None:
        return existing, True
    if vote_round.status is not RoundStatus.OPEN:
        raise Conflict("vote_closed")
    require_in_room(session, participant)
    vote, duplicate = insert_once(session, Vote(
        vote_round_id=vote_round.id, participant_id=participant.id, value=parse_vote(value),
        reason=optional_text(reason, "reason", MAX_REASON), client_id=client_id))
    if not duplicate:
        record(session, "konkret-changed", process_id=vote_round.process_id,
               kind="vote_cast", vote_round_id=vote_round.id,
               alternative_id=vote_round.alternative_id, tally=tally(session, vote_round))
    return vote, duplicate


def parse_vote(value: Any) -> VoteValue:
    aliases = {"ja": "for", "nej": "against", "yes": "for", "no": "against"}
    text = aliases.get(value.strip().casefold(), value) if isinstance(value, str) else value
    try:
        return VoteValue(text)
    except ValueError as exc:
        raise DialogError("unknown_vote") from exc


def latest_votes(session: Session, vote_round: VoteRound) -> dict[int, Vote]:
    """The vote that counts per participant: the latest one."""
    return {v.participant_id: v for v in session.scalars(
        select(Vote).where(Vote.vote_round_id == vote_round.id).order_by(Vote.id))}


def tally(session: Session, vote_round: VoteRound) -> dict[str, int]:
    votes = latest_votes(session, vote_round).values()
    yes = sum(1 for v in votes if v.value is VoteValue.FOR)
    return {"for": yes, "against": len(votes) - yes, "total": len(votes)}


def close_vote(session: Session, vote_round: VoteRound,
               facilitator: Facilitator | None) -> VoteRound:
    """Close a round, count it, and ask its minority what it would take to come along.

    A round with votes for and none against accepts the alternative at once.
    """
    if vote_round.status is not RoundStatus.OPEN:
        raise Conflict("vote_closed")
    counts = tally(session, vote_round)
    vote_round.status = RoundStatus.CLOSED
    vote_round.closed_at = utcnow()
    vote_round.votes_for, vote_round.votes_against = counts["for"], counts["against"]
    vote_round.majority = (Majority.FOR if counts["for"] > counts["against"] else
                           Majority.AGAINST if counts["against"] > counts["for"] else Majority.TIE)
    alternative = vote_round.alternative
    minority = minority_of(session, vote_round)
    alternative_service.log(session, alternative, "vote_closed", facilitator=facilitator,
                            vote_round_id=vote_round.id, number=vote_round.number,
                            tally=counts, majority=vote_round.majority.value)
    if vote_round.majority is Majority.FOR and not minority:
        alternative.outcome = AlternativeOutcome.ACCEPTED
        alternative.decided_at = utcnow()
        alternative_service.log(session, alternative, "accepted", facilitator=facilitator,
                                vote_round_id=vote_round.id, tally=counts)
    elif minority:
        vote_round.minority_asked = True
        alternative_service.log(session, alternative, "minority_asked", facilitator=facilitator,
                                vote_round_id=vote_round.id, question=QUESTION,
                                participant_ids=minority)
    session.flush()
    record(session, "konkret-changed", process_id=alternative.process_id, kind="vote_closed",
           vote_round=vote_round_out(session, vote_round), minority=minority,
           question=QUESTION, alternative=AlternativeOut.dump(alternative))
    return vote_round


def minority_side(vote_round: VoteRound) -> VoteValue | None:
    """Against when the majority is for; for when it is against; on a tie, those against."""
    if vote_round.majority is None:
        return None
    return VoteValue.FOR if vote_round.majority is Majority.AGAINST else VoteValue.AGAINST


def minority_of(session: Session, vote_round: VoteRound) -> list[int]:
    """The participant ids in the minority of a closed round."""
    side = minority_side(vote_round)
    return sorted(pid for pid, vote in latest_votes(session, vote_round).items()
                  if vote.value is side)


def open_round_of(alternative: Alternative) -> VoteRound | None:
    return next((r for r in alternative.vote_rounds if r.status is RoundStatus.OPEN), None)


def vote_round_out(session: Session, vote_round: VoteRound) -> dict[str, Any]:
    """The round as ``VoteRoundOut`` shows it: its tally and, once closed, its minority."""
    closed = vote_round.status is RoundStatus.CLOSED
    return {
        "id": vote_round.id, "alternative_id": vote_round.alternative_id,
        "alternative_title": vote_round.alternative.title,
        "number": vote_round.number, "text": vote_round.text, "status": vote_round.status.value,
        "tally": tally(session, vote_round),
        "majority": vote_round.majority.value if vote_round.majority else None,
        "minority_asked": vote_round.minority_asked,
        "minority": minority_of(session, vote_round) if closed else [],
        "question": QUESTION if vote_round.minority_asked else None,
        "opened_at": vote_round.opened_at.isoformat(),
        "closed_at": vote_round.closed_at.isoformat() if vote_round.closed_at else None,
    }

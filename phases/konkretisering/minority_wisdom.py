"""Minority wisdom: the minority's conditions become amendments; dissent is recorded.

The loop per alternative: vote, ask the minority "vad skulle krävas…", add their conditions
as amendments, vote again, until the alternative is accepted or the facilitator concludes
and the remaining dissent is recorded as such (never erased).
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
    Amendment,
    Dissent,
    Facilitator,
    Majority,
    Participant,
    RoundStatus,
    VoteRound,
    utcnow,
)
from dialog.services.exactly_once import earlier, insert_once
from dialog.services.workshops import require_in_room
from phases.konkretisering import alternatives as alternative_service
from phases.konkretisering import majority_vote
from phases.konkretisering.fields import optional_text, required_text, scan
from phases.konkretisering.schemas import AmendmentOut

MAX_CONDITION = 1000


def answer_minority(session: Session, participant: Participant, vote_round: VoteRound, *,
                    text: Any, client_id: str) -> tuple[Amendment, bool]:
    """Store a minority member's condition as an amendment, once per client id."""
    existing = earlier(session, Amendment, participant.id, client_id)
    if existing is not None:
        return existing, True
    alternative = vote_round.alternative
    if not vote_round.minority_asked:
        raise Conflict("minority_not_asked")
    if participant.id not in majority_vote.minority_of(session, vote_round):
        raise DialogError("not_in_minority", 403)
    alternative_service.require_undecided(alternative)
    if majority_vote.open_round_of(alternative) is not None:
        raise Conflict("vote_already_open")
    require_in_room(session, participant)
    amendment = Amendment(alternative_id=alternative.id, vote_round_id=vote_round.id,
                          participant_id=participant.id, client_id=client_id)
    amendment.text, amendment.personal_data = scan(
        required_text(text, "text", MAX_CONDITION))
    amendment, duplicate = insert_once(session, amendment)
    if not duplicate:
        _added(session, alternative, amendment, None)
    return amendment, duplicate


def add_amendment(session: Session, alternative: Alternative, facilitator: Facilitator | None,
                  *, text: Any, vote_round_id: Any = None) -> Amendment:
    """Write down a condition heard in the room (e.g. said aloud by the minority)."""
    alternative_service.require_undecided(alternative)
    if majority_vote.open_round_of(alternative) is not None:
        raise Conflict("vote_already_open")
    amendment = Amendment(alternative_id=alternative.id,
                          facilitator_id=facilitator.id if facilitator else None,
                          vote_round_id=_round_of(alternative, vote_round_id))
    amendment.text, amendment.personal_data = scan(required_text(text, "text", MAX_CONDITION))
    session.add(amendment)
    session.flush()
    _added(session, alternative, amendment, facilitator)
    return amendment


def _round_of(alternative: Alternative, value: Any) -> int | None:
    if value in (None, ""):
        closed = [r for r in alternative.vote_rounds if r.status is RoundStatus.CLOSED]
        return closed[-1].id if closed else None
    if not any(str(r.id) == str(value) for r in alternative.vote_rounds):
        raise DialogError("vote_round_not_for_alternative")
    return int(value)


def _added(session: Session, alternative: Alternative, amendment: Amendment,
           facilitator: Facilitator | None) -> None:
    session.expire(alternative, ["amendments"])
    alternative_service.log(session, alternative, "amendment_added", facilitator=facilitator,
                            participant_id=amendment.participant_id, amendment_id=amendment.id,
                            text=amendment.text, vote_round_id=amendment.vote_round_id)
    record(session, "konkret-changed", process_id=alternative.process_id,
           kind="amendment_added", alternative_id=alternative.id,
           amendment=AmendmentOut.dump(amendment))


def set_included(session: Session, amendment: Amendment, facilitator: Facilitator | None,
                 included: bool, reason: Any = "") -> Amendment:
    """Leave an amendment out of the next vote (with a reason), or take it back in."""
    alternative = amendment.alternative
    alternative_service.require_undecided(alternative)
    if majority_vote.open_round_of(alternative) is not None:
        raise Conflict("vote_already_open")
    why = optional_text(reason, "reason", 1000)
    if not included and not why:
        raise DialogError("field_required", field="reason")
    amendment.included, amendment.excluded_reason = included, "" if included else why
    session.flush()
    alternative_service.log(session, alternative,
                            "amendment_included" if included else "amendment_excluded",
                            facilitator=facilitator, amendment_id=amendment.id, reason=why)
    return amendment


def conclude(session: Session, alternative: Alternative,
             facilitator: Facilitator | None) -> Alternative:
    """End the loop on the last closed vote; the minority left is recorded as dissent."""
    alternative_service.require_undecided(alternative)
    if majority_vote.open_round_of(alternative) is not None:
        raise Conflict("vote_already_open")
    closed = [r for r in alternative.vote_rounds if r.status is RoundStatus.CLOSED]
    if not closed:
        raise Conflict("no_vote_yet")
    last = closed[-1]
    if last.majority is Majority.TIE:
        raise Conflict("no_majority")
    votes = majority_vote.latest_votes(session, last)
    dissenters = majority_vote.minority_of(session, last)
    for participant_id in dissenters:
        session.add(Dissent(alternative_id=alternative.id, vote_round_id=last.id,
                            participant_id=participant_id, side=votes[participant_id].value,
                            reason=votes[participant_id].reason))
    if last.majority is Majority.AGAINST:
        alternative.outcome = AlternativeOutcome.REJECTED
    else:
        alternative.outcome = (AlternativeOutcome.ACCEPTED_WITH_DISSENT if dissenters
                               else AlternativeOutcome.ACCEPTED)
    alternative.decided_at = utcnow()
    session.flush()
    session.expire(alternative, ["dissents"])
    alternative_service.log(session, alternative, "concluded", facilitator=facilitator,
                            outcome=alternative.outcome.value, vote_round_id=last.id,
                            dissent_participant_ids=dissenters)
    alternative_service.changed(session, alternative, "alternative_concluded")
    return alternative


def pending_prompts(session: Session, participant: Participant) -> list[VoteRound]:
    """Closed rounds whose minority includes this participant and whose loop is still open."""
    rounds = session.scalars(
        select(VoteRound).join(Alternative)
        .where(Alternative.process_id == participant.process_id,
               Alternative.outcome == AlternativeOutcome.OPEN,
               VoteRound.minority_asked.is_(True))
        .order_by(VoteRound.id))
    latest: dict[int, VoteRound] = {}
    for vote_round in rounds:
        latest[vote_round.alternative_id] = vote_round
    return [r for r in latest.values()
            if r.number == len(r.alternative.vote_rounds)
            and participant.id in majority_vote.minority_of(session, r)]

"""Check-back rounds: after a conversation round every participant rates each alternative.

Ratings are stöder / kan leva med / invänder (supports / can live with / objects) with an
optional reason. Every rating is kept; the latest per participant and alternative counts.
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
    CheckbackRating,
    CheckbackRound,
    ConversationRound,
    Facilitator,
    Participant,
    Phase,
    PhaseKind,
    Process,
    Rating,
    RoundStatus,
    utcnow,
)
from dialog.services.exactly_once import earlier, insert_once
from dialog.services.ids import optional_id
from dialog.services.workshops import require_in_room
from phases.konkretisering import alternatives as alternative_service
from phases.konkretisering.fields import (
    MAX_REASON,
    id_list,
    optional_datetime,
    optional_text,
    scan,
)
from phases.konkretisering.schemas import CheckbackRoundOut

MAX_TITLE = 200


def open_round(
    session: Session, process: Process, facilitator: Facilitator | None, *,
    title: Any = None, alternative_ids: Any = None, after_phase_id: Any = None,
    after_round_id: Any = None, closes_at: Any = None,
) -> CheckbackRound:
    """Open a check-back round on the given alternatives (default: every open one)."""
    wanted = id_list(alternative_ids, "alternative_ids")
    candidates = alternative_service.alternatives_of(session, process, include_hidden=False)
    if wanted:
        by_id = {a.id: a for a in candidates}
        missing = [i for i in wanted if i not in by_id]
        if missing:
            raise DialogError("alternative_not_in_process", id=missing[0])
        chosen = [by_id[i] for i in wanted]
    else:
        chosen = [a for a in candidates if a.outcome is not AlternativeOutcome.REJECTED]
    if not chosen:
        raise DialogError("no_alternatives")
    deadline = optional_datetime(closes_at, "closes_at")
    if deadline is not None and deadline <= utcnow():
        raise DialogError("closes_at_in_past")
    number = len(rounds_of(session, process)) + 1
    checkback = CheckbackRound(
        process_id=process.id,
        phase_id=process.current_phase.id if process.current_phase else None,
        after_phase_id=_after_phase(session, process, after_phase_id),
        after_round_id=_after_round(session, process, after_round_id),
        title=optional_text(title, "title", MAX_TITLE) or f"Avstämning {number}",
        closes_at=deadline,
        opened_by_id=facilitator.id if facilitator else None,
        alternatives=chosen,
    )
    session.add(checkback)
    session.flush()
    for alternative in chosen:
        alternative_service.log(session, alternative, "checkback_opened", facilitator=facilitator,
                                round_id=checkback.id, round_title=checkback.title)
    record(session, "konkret-changed", process_id=process.id, kind="checkback_opened",
           round=CheckbackRoundOut.dump(checkback))
    return checkback


def _after_phase(session: Session, process: Process, value: Any) -> int | None:
    """The conversation round this check-back follows: given, or the latest lärande samtal."""
    phase_id = optional_id(value, "after_phase_id")
    if phase_id is not None:
        phase = session.get(Phase, phase_id)
        if phase is None or phase.process_id != process.id:
            raise DialogError("phase_not_in_process", id=phase_id)
        return phase.id
    samtal = [p for p in process.phases if p.kind is PhaseKind.LARANDE_SAMTAL]
    return samtal[-1].id if samtal else None


def _after_round(session: Session, process: Process, value: Any) -> int | None:
    """The samtalsrunda this check-back follows: given, or the process's latest one."""
    round_id = optional_id(value, "after_round_id")
    if round_id is not None:
        conversation = session.get(ConversationRound, round_id)
        if conversation is None or conversation.process_id != process.id:
            raise DialogError("conversation_round_not_in_process", id=round_id)
        return conversation.id
    return session.scalar(select(ConversationRound.id).where(
        ConversationRound.process_id == process.id).order_by(ConversationRound.id.desc())
        .limit(1))


def close_round(session: Session, checkback: CheckbackRound,
                facilitator: Facilitator | None) -> CheckbackRound:
    if checkback.status is RoundStatus.CLOSED:
        raise Conflict("checkback_round_closed")
    checkback.status = RoundStatus.CLOSED
    checkback.closed_at = utcnow()
    session.flush()
    summary = results(session, checkback)
    for item in summary["alternatives"]:
        alternative = session.get(Alternative, item["id"])
        assert alternative is not None
        alternative_service.log(session, alternative, "checkback_closed", facilitator=facilitator,
                                round_id=checkback.id, tally=item["tally"])
    record(session, "konkret-changed", process_id=checkback.process_id, kind="checkback_closed",
           round=CheckbackRoundOut.dump(checkback))
    return checkback


def rate(
    session: Session, participant: Participant, checkback: CheckbackRound, *,
    alternative_id: int, value: Any, reason: Any = "", client_id: str,
) -> tuple[CheckbackRating, bool]:
    """Store one rating once per client id; return it and whether it was a resend."""
    existing = earlier(session, CheckbackRating, participant.id, client_id)
    if existing is not None:
        return existing, True
    if not checkback.accepting:
        raise Conflict("checkback_round_closed")
    if checkback.closes_at is None:  # in the room; with a deadline it is answered from home
        require_in_room(session, participant)
    if alternative_id not in {a.id for a in checkback.alternatives}:
        raise DialogError("alternative_not_in_round", id=alternative_id)
    rating = CheckbackRating(
        round_id=checkback.id, alternative_id=alternative_id, participant_id=participant.id,
        value=parse_rating(value), client_id=client_id)
    rating.reason, rating.personal_data = scan(optional_text(reason, "reason", MAX_REASON))
    rating, duplicate = insert_once(session, rating)
    if not duplicate:
        record(session, "konkret-changed", process_id=checkback.process_id,
               kind="checkback_rated", round_id=checkback.id, alternative_id=alternative_id,
               tally=tally(session, checkback, alternative_id),
               participants=respondents(session, checkback))
    return rating, duplicate


def parse_rating(value: Any) -> Rating:
    aliases = {"stöder": "supports", "kan leva med": "can_live_with", "invänder": "objects"}
    text = aliases.get(value.strip().casefold(), value) if isinstance(value, str) else value
    try:
        return Rating(text)
    except ValueError as exc:
        raise DialogError("unknown_rating") from exc


def latest_ratings(session: Session, checkback: CheckbackRound
                   ) -> dict[tuple[int, int], CheckbackRating]:
    """The rating that counts for each (participant, alternative): the latest one."""
    latest: dict[tuple[int, int], CheckbackRating] = {}
    for rating in session.scalars(select(CheckbackRating).where(
            CheckbackRating.round_id == checkback.id).order_by(CheckbackRating.id)):
        latest[(rating.participant_id, rating.alternative_id)] = rating
    return latest


def tally(session: Session, checkback: CheckbackRound, alternative_id: int) -> dict[str, int]:
    counts = {r.value: 0 for r in Rating}
    for (_pid, aid), rating in latest_ratings(session, checkback).items():
        if aid == alternative_id:
            counts[rating.value.value] += 1
    return {**counts, "total": sum(counts.values())}


def respondents(session: Session, checkback: CheckbackRound) -> int:
    return len({pid for pid, _aid in latest_ratings(session, checkback)})


def results(session: Session, checkback: CheckbackRound) -> dict[str, Any]:
    """Per alternative: the counts and the reasons given (flagged ones left out)."""
    latest = latest_ratings(session, checkback)
    items = []
    for alternative in checkback.alternatives:
        mine = [r for (_pid, aid), r in latest.items() if aid == alternative.id]
        counts = {r.value: 0 for r in Rating}
        for rating in mine:
            counts[rating.value.value] += 1
        items.append({
            "id": alternative.id, "title": alternative.title,
            "outcome": alternative.outcome.value,
            "tally": {**counts, "total": len(mine)},
            "reasons": [{"value": r.value.value, "reason": r.reason,
                         "personal_data": list(r.personal_data or [])}
                        for r in sorted(mine, key=lambda r: r.id) if r.reason],
        })
    return {"round": CheckbackRoundOut.dump(checkback),
            "participants": len({p for p, _a in latest}), "alternatives": items}


def my_ratings(session: Session, participant: Participant, checkback: CheckbackRound
               ) -> dict[int, dict[str, str]]:
    return {aid: {"value": r.value.value, "reason": r.reason}
            for (pid, aid), r in latest_ratings(session, checkback).items()
            if pid == participant.id}


def rounds_of(session: Session, process: Process) -> list[CheckbackRound]:
    return list(session.scalars(select(CheckbackRound).where(
        CheckbackRound.process_id == process.id).order_by(CheckbackRound.id)))

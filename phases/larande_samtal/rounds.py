"""Build samtalsrundor from contrasting perspectives; open, close and read them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dialog.errors import Conflict, DialogError
from dialog.events import record
from dialog.models import (
    ConversationRound,
    ConversationRoundPerspective,
    ConversationStatus,
    Facilitator,
    ModerationStatus,
    Perspective,
    Phase,
    PhaseKind,
    Process,
    utcnow,
)
from dialog.phasing.service import open_phase_of
from dialog.services.ids import parse_id
from phases.larande_samtal.schemas import RoundOut

MAX_TITLE = 200
MAX_PROMPT = 1000
MIN_PERSPECTIVES = 2
MAX_PERSPECTIVES = 8
#: Where a round came from: a suggestion type, or the facilitator's own choice.
BASES = ("manual", "divisive", "opposite_groups", "single_group_theme", "different_groups",
         "split_reactions")


def create_round(
    session: Session, facilitator: Facilitator | None, process: Process, *,
    title: Any, perspective_ids: Any, prompt: Any = "", basis: Any = "manual",
    closes_at: Any = None,
) -> ConversationRound:
    """Open a round in the open lärande samtal phase with 2-8 contrasting perspectives."""
    phase = open_phase_of(process)
    if phase is None or phase.kind is not PhaseKind.LARANDE_SAMTAL:
        raise Conflict("not_in_larande_samtal")
    title = _text(title, "title", MAX_TITLE, required=True)
    prompt = _text(prompt, "prompt", MAX_PROMPT, required=False)
    if basis in (None, ""):
        basis = "manual"
    if basis not in BASES:
        raise DialogError("unknown_round_basis", basis=str(basis)[:40])
    perspectives = _perspectives(session, process, perspective_ids)
    number = (session.scalar(
        select(func.max(ConversationRound.number)).where(ConversationRound.phase_id == phase.id)
    ) or 0) + 1
    conversation = ConversationRound(
        process_id=process.id, phase=phase, number=number, title=title, prompt=prompt,
        basis=basis, closes_at=parse_deadline(closes_at),
        created_by_id=facilitator.id if facilitator else None,
    )
    conversation.links = [ConversationRoundPerspective(perspective=p, position=i)
                          for i, p in enumerate(perspectives)]
    session.add(conversation)
    session.flush()
    _changed(session, process, conversation)
    return conversation


def close_round(session: Session, conversation: ConversationRound) -> ConversationRound:
    if conversation.status is ConversationStatus.CLOSED:
        raise Conflict("conversation_round_closed")
    conversation.status = ConversationStatus.CLOSED
    conversation.closed_at = utcnow()
    session.flush()
    process = session.get(Process, conversation.process_id)
    assert process is not None
    _changed(session, process, conversation)
    return conversation


def is_accepting(conversation: ConversationRound | RoundOut) -> bool:
    """Open, and (for a digital round) not past its closing time."""
    if conversation.status is not ConversationStatus.OPEN:
        return False
    return conversation.closes_at is None or conversation.closes_at > utcnow()


def rounds_of_process(session: Session, process: Process) -> list[ConversationRound]:
    return list(session.scalars(
        select(ConversationRound).where(ConversationRound.process_id == process.id)
        .order_by(ConversationRound.id)))


def rounds_of_phase(session: Session, phase: Phase) -> list[ConversationRound]:
    return list(session.scalars(
        select(ConversationRound).where(ConversationRound.phase_id == phase.id)
        .order_by(ConversationRound.number)))


def open_rounds(session: Session, process: Process) -> list[ConversationRound]:
    """Rounds a participant can answer now, in the process's open lärande samtal phase."""
    phase = open_phase_of(process)
    if phase is None or phase.kind is not PhaseKind.LARANDE_SAMTAL:
        return []
    return [r for r in rounds_of_phase(session, phase) if is_accepting(r)]


def parse_deadline(value: Any) -> datetime | None:
    """An ISO 8601 moment with a timezone, in the future; empty means no deadline."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise DialogError("invalid_closes_at")
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise DialogError("invalid_closes_at") from exc
    if moment.tzinfo is None or moment <= utcnow():
        raise DialogError("invalid_closes_at")
    return moment


def _text(value: Any, field: str, limit: int, *, required: bool) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise DialogError("field_required", field=field)
    text: str = value.strip()
    if required and not text:
        raise DialogError("field_required", field=field)
    if len(text) > limit:
        raise DialogError("field_too_long", field=field, max=limit)
    return text


def _perspectives(session: Session, process: Process, ids: Any) -> list[Perspective]:
    if not isinstance(ids, list):
        raise DialogError("round_needs_perspectives", min=MIN_PERSPECTIVES, max=MAX_PERSPECTIVES)
    wanted = list(dict.fromkeys(parse_id(i, "perspective_ids") for i in ids))
    if not MIN_PERSPECTIVES <= len(wanted) <= MAX_PERSPECTIVES:
        raise DialogError("round_needs_perspectives", min=MIN_PERSPECTIVES, max=MAX_PERSPECTIVES)
    found = {p.id: p for p in session.scalars(
        select(Perspective).where(Perspective.id.in_(wanted),
                                  Perspective.process_id == process.id,
                                  Perspective.status == ModerationStatus.APPROVED))}
    missing = [i for i in wanted if i not in found]
    if missing:
        raise DialogError("perspective_not_in_process", id=missing[0])
    return [found[i] for i in wanted]


def _changed(session: Session, process: Process, conversation: ConversationRound) -> None:
    record(session, "conversation-round-changed", process_id=process.id,
           conversation_round=RoundOut.dump(conversation),
           workshop_ids=[w.id for w in process.workshops])

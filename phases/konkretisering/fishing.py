"""Go fishing: the facilitator asks the room for unspoken views; phones answer, all is kept."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dialog.errors import Conflict, DialogError, NotFound
from dialog.events import record
from dialog.models import (
    Facilitator,
    FishingAnswer,
    FishingPrompt,
    ModerationStatus,
    Participant,
    Process,
    RoundStatus,
    utcnow,
)
from dialog.services.moderation import log_decision
from phases.konkretisering import alternatives as alternative_service
from phases.konkretisering.fields import client_id as valid_client_id
from phases.konkretisering.fields import optional_id, optional_text, required_text
from phases.konkretisering.guard import require_same_process, scan

DEFAULT_QUESTION = ("Finns det något som inte har sagts? Något du tänker, eller tror att "
                    "någon annan tänker, men som ingen har sagt högt än?")
MAX_QUESTION = 500
MAX_ANSWER = 1000


def open_prompt(session: Session, process: Process, facilitator: Facilitator | None, *,
                question: Any = None, alternative_id: Any = None) -> FishingPrompt:
    """Go fishing: show the question on every phone; an earlier open prompt closes."""
    alternative = None
    wanted = optional_id(alternative_id, "alternative_id")
    if wanted is not None:
        alternative = alternative_service.get_alternative(session, wanted)
        if alternative.process_id != process.id:
            raise DialogError("alternative_not_in_process", id=wanted)
    for earlier in open_prompts(session, process):
        _close(session, earlier)
    prompt = FishingPrompt(
        process_id=process.id, alternative_id=alternative.id if alternative else None,
        question=optional_text(question, "question", MAX_QUESTION) or DEFAULT_QUESTION,
        opened_by_id=facilitator.id if facilitator else None)
    session.add(prompt)
    session.flush()
    if alternative is not None:
        alternative_service.log(session, alternative, "fishing", facilitator=facilitator,
                                prompt_id=prompt.id, question=prompt.question)
    record(session, "konkret-changed", process_id=process.id, kind="fishing_opened",
           prompt=prompt_to_dict(prompt))
    return prompt


def close_prompt(session: Session, prompt: FishingPrompt) -> FishingPrompt:
    if prompt.status is RoundStatus.CLOSED:
        raise Conflict("fishing_closed")
    _close(session, prompt)
    return prompt


def _close(session: Session, prompt: FishingPrompt) -> None:
    prompt.status = RoundStatus.CLOSED
    prompt.closed_at = utcnow()
    session.flush()
    record(session, "konkret-changed", process_id=prompt.process_id, kind="fishing_closed",
           prompt=prompt_to_dict(prompt))


def answer(session: Session, participant: Participant, prompt: FishingPrompt, *,
           text: Any, client_id: Any) -> tuple[FishingAnswer, bool]:
    """Store an answer once per client id (a phone may resend after a lost ack)."""
    cid = valid_client_id(client_id)
    existing = _by_client_id(session, participant, cid)
    if existing is not None:
        return existing, True
    require_same_process(participant, prompt.process_id)
    if prompt.status is not RoundStatus.OPEN:
        raise Conflict("fishing_closed")
    item = FishingAnswer(prompt_id=prompt.id, participant_id=participant.id, client_id=cid)
    item.text, item.personal_data = scan(required_text(text, "text", MAX_ANSWER))
    try:
        with session.begin_nested():
            session.add(item)
    except IntegrityError:
        winner = _by_client_id(session, participant, cid)
        if winner is None:
            raise
        return winner, True
    session.expire(prompt, ["answers"])
    record(session, "konkret-changed", process_id=prompt.process_id, kind="fishing_answered",
           prompt_id=prompt.id, answer=answer_to_dict(item))
    return item, False


def _by_client_id(session: Session, participant: Participant, cid: str) -> FishingAnswer | None:
    return session.scalar(select(FishingAnswer).where(
        FishingAnswer.participant_id == participant.id, FishingAnswer.client_id == cid))


def set_hidden(
    session: Session, item: FishingAnswer, hidden: bool, facilitator: Facilitator | None = None
) -> FishingAnswer:
    """Hide an answer (e.g. it names someone) or show it again; never deleted, always logged."""
    visible, concealed = ModerationStatus.APPROVED, ModerationStatus.HIDDEN
    log_decision(
        session, process_id=get_prompt(session, item.prompt_id).process_id,
        subject_type="fishing_answer", subject_id=item.id, facilitator=facilitator,
        action="hide" if hidden else "approve",
        from_status=concealed if item.hidden else visible,
        to_status=concealed if hidden else visible,
    )
    item.hidden = bool(hidden)
    session.flush()
    return item


def open_prompts(session: Session, process: Process) -> list[FishingPrompt]:
    return list(session.scalars(select(FishingPrompt).where(
        FishingPrompt.process_id == process.id, FishingPrompt.status == RoundStatus.OPEN)
        .order_by(FishingPrompt.id)))


def prompts_of(session: Session, process: Process) -> list[FishingPrompt]:
    return list(session.scalars(select(FishingPrompt).where(
        FishingPrompt.process_id == process.id).order_by(FishingPrompt.id)))


def get_prompt(session: Session, prompt_id: int) -> FishingPrompt:
    prompt = session.get(FishingPrompt, prompt_id)
    if prompt is None:
        raise NotFound("fishing_prompt_not_found")
    return prompt


def get_answer(session: Session, answer_id: int) -> FishingAnswer:
    item = session.get(FishingAnswer, answer_id)
    if item is None:
        raise NotFound("fishing_answer_not_found")
    return item


def prompt_to_dict(prompt: FishingPrompt, *, with_answers: bool = False) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": prompt.id, "process_id": prompt.process_id, "alternative_id": prompt.alternative_id,
        "question": prompt.question, "status": prompt.status.value,
        "opened_at": prompt.opened_at.isoformat(),
        "closed_at": prompt.closed_at.isoformat() if prompt.closed_at else None,
    }
    if with_answers:
        body["answers"] = [answer_to_dict(a) for a in prompt.answers]
    return body


def answer_to_dict(item: FishingAnswer) -> dict[str, Any]:
    return {"id": item.id, "prompt_id": item.prompt_id, "participant_id": item.participant_id,
            "text": item.text, "hidden": item.hidden,
            "personal_data": list(item.personal_data or []),
            "created_at": item.created_at.isoformat()}

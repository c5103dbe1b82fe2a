"""Go fishing: the facilitator asks the room for unspoken views; phones answer, all is kept."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog import policy
from dialog.errors import Conflict, DialogError
from dialog.events import record
from dialog.i18n import DEFAULT_LOCALE
from dialog.models import (
    Alternative,
    Facilitator,
    FishingAnswer,
    FishingPrompt,
    ModerationStatus,
    Participant,
    Process,
    RoundStatus,
    utcnow,
)
from dialog.services import hide_reasons
from dialog.services.exactly_once import earlier, insert_once
from dialog.services.ids import optional_id
from dialog.services.moderation import log_decision
from dialog.services.workshops import require_in_room
from phases.konkretisering import alternatives as alternative_service
from phases.konkretisering.fields import optional_text, required_text, scan
from phases.konkretisering.schemas import AnswerOut, PromptOut

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
        alternative = policy.load(session, Alternative, wanted)
        if alternative.process_id != process.id:
            raise DialogError("alternative_not_in_process", id=wanted)
    for before in open_prompts(session, process):
        _close(session, before)
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
           prompt=PromptOut.dump(prompt))
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
           prompt=PromptOut.dump(prompt))


def answer(session: Session, participant: Participant, prompt: FishingPrompt, *,
           text: Any, client_id: str) -> tuple[FishingAnswer, bool]:
    """Store an answer once per client id (a phone may resend after a lost ack)."""
    existing = earlier(session, FishingAnswer, participant.id, client_id)
    if existing is not None:
        return existing, True
    if prompt.status is not RoundStatus.OPEN:
        raise Conflict("fishing_closed")
    require_in_room(session, participant)
    item = FishingAnswer(prompt_id=prompt.id, participant_id=participant.id, client_id=client_id)
    item.text, item.personal_data = scan(required_text(text, "text", MAX_ANSWER))
    item, duplicate = insert_once(session, item)
    if not duplicate:
        session.expire(prompt, ["answers"])
        record(session, "konkret-changed", process_id=prompt.process_id,
               kind="fishing_answered", prompt_id=prompt.id, answer=AnswerOut.dump(item))
    return item, duplicate


def set_hidden(
    session: Session, item: FishingAnswer, facilitator: Facilitator | None, hidden: bool,
    reason: Any = "", *, reason_code: Any = None, locale: str = DEFAULT_LOCALE,
) -> FishingAnswer:
    """Hide an answer (e.g. it names someone) or show it again; never deleted, always logged.

    As with perspectives, a hide always has a reason (a common one by its code, own words,
    or the default) and the author's phone is told it, in the phone's language.
    """
    visible, concealed = ModerationStatus.APPROVED, ModerationStatus.HIDDEN
    code = hide_reasons.code_of(reason_code)
    if hidden:
        reason, code = hide_reasons.given(reason, code, locale)
    event = log_decision(
        session, process_id=item.process_id,
        subject_type="fishing_answer", subject_id=item.id, facilitator=facilitator,
        action="hide" if hidden else "approve",
        from_status=concealed if item.hidden else visible,
        to_status=concealed if hidden else visible, reason=reason,
        reason_code=code if hidden else None,
    )
    item.hidden = bool(hidden)
    session.flush()
    note = hide_reasons.note("hide", event.reason, event.reason_code) if hidden else None
    record(session, "konkret-changed", process_id=item.process_id,
           kind="fishing_answer_moderated", prompt_id=item.prompt_id,
           answer_id=item.id, participant_id=item.participant_id, hidden=item.hidden,
           note=note)
    return item


def open_prompts(session: Session, process: Process) -> list[FishingPrompt]:
    return list(session.scalars(select(FishingPrompt).where(
        FishingPrompt.process_id == process.id, FishingPrompt.status == RoundStatus.OPEN)
        .order_by(FishingPrompt.id)))


def prompts_of(session: Session, process: Process) -> list[FishingPrompt]:
    return list(session.scalars(select(FishingPrompt).where(
        FishingPrompt.process_id == process.id).order_by(FishingPrompt.id)))

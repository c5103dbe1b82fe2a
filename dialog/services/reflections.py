"""Participants answer a round's reflection prompts, exactly once per client id.

The three prompts: "Det här förstår jag nu av ett annat perspektiv", "Det här vill jag
fråga", "Det här är viktigt att vi inte tappar"; and whether their own view is unchanged,
nuanced or changed, optionally naming the perspective that moved them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dialog.errors import Conflict, DialogError, NotFound
from dialog.events import record
from dialog.models import (
    MAX_REFLECTION_LENGTH,
    ConversationRound,
    Facilitator,
    ModerationStatus,
    Participant,
    Perspective,
    Reflection,
    ViewChange,
)
from dialog.services.conversation_rounds import is_accepting
from dialog.services.ids import parse_id
from dialog.services.learning import indicators
from dialog.services.moderation import log_decision
from dialog.services.personal_data import personal_data_kinds

PROMPTS = ("understood", "question", "keep")
MAX_CLIENT_ID = 64
MODERATION = {"approve": ModerationStatus.APPROVED, "hide": ModerationStatus.HIDDEN}


def submit_reflection(
    session: Session, participant: Participant, conversation: ConversationRound, *,
    client_id: Any, view_change: Any, understood: Any = "", question: Any = "",
    keep: Any = "", moved_by: Any = None,
) -> tuple[Reflection, bool]:
    """Store a reflection once per ``client_id``; return it and whether it was a resend."""
    client_id = _client_id(client_id)
    existing = _by_client_id(session, participant, client_id)
    if existing is not None:
        return existing, True
    if participant.process_id != conversation.process_id:
        raise DialogError("token_not_for_this_process", 403)
    if not is_accepting(conversation):
        raise Conflict("conversation_round_closed")
    texts = {name: _prompt(value, name) for name, value in
             (("understood", understood), ("question", question), ("keep", keep))}
    change = _view_change(view_change)
    mover = _moved_by(session, conversation, moved_by)
    found = sorted({kind for text in texts.values() for kind in personal_data_kinds(text)})
    reflection = Reflection(
        process_id=conversation.process_id, round=conversation, participant=participant,
        stakeholder_group_id=participant.stakeholder_group_id, client_id=client_id,
        view_change=change, moved_by=mover, personal_data=found,
        status=ModerationStatus.PENDING if found else ModerationStatus.APPROVED, **texts,
    )
    try:
        with session.begin_nested():
            session.add(reflection)
    except IntegrityError:
        winner = _by_client_id(session, participant, client_id)
        if winner is None:
            raise
        return winner, True
    _announce(session, reflection)
    return reflection, False


def moderate_reflection(
    session: Session, reflection: Reflection, action: Any,
    facilitator: Facilitator | None = None, reason: Any = "",
) -> Reflection:
    """Approve or hide a reflection; hiding keeps it, and the decision is logged."""
    if action not in MODERATION:
        raise DialogError("unknown_moderation_action")
    log_decision(
        session, process_id=reflection.process_id, subject_type="reflection",
        subject_id=reflection.id, facilitator=facilitator, action=action,
        from_status=reflection.status, to_status=MODERATION[action], reason=reason,
    )
    reflection.status = MODERATION[action]
    session.flush()
    _announce(session, reflection, updated=True)
    return reflection


def get_reflection(session: Session, reflection_id: Any) -> Reflection:
    found = session.get(Reflection, parse_id(reflection_id, "reflection_id"))
    if found is None:
        raise NotFound("reflection_not_found")
    return found


def reflections_of_round(session: Session, conversation: ConversationRound) -> list[Reflection]:
    return list(session.scalars(
        select(Reflection).where(Reflection.round_id == conversation.id)
        .order_by(Reflection.created_at, Reflection.id)))


def reflections_of_participant(session: Session, participant: Participant) -> list[Reflection]:
    return list(session.scalars(
        select(Reflection).where(Reflection.participant_id == participant.id)
        .order_by(Reflection.created_at, Reflection.id)))


def reflection_to_dict(reflection: Reflection) -> dict[str, Any]:
    """A reflection for the facilitator or its writer; never who wrote it."""
    mover = reflection.moved_by
    return {
        "id": reflection.id,
        "round_id": reflection.round_id,
        "client_id": reflection.client_id,
        "understood": reflection.understood,
        "question": reflection.question,
        "keep": reflection.keep,
        "view_change": reflection.view_change.value,
        "moved_by": None if mover is None else {
            "id": mover.id, "text": mover.text, "stakeholder_group": mover.group_name},
        "stakeholder_group": reflection.group_name,
        "status": reflection.status.value,
        "personal_data": list(reflection.personal_data or []),
        "created_at": reflection.created_at.isoformat(),
    }


def _announce(session: Session, reflection: Reflection, *, updated: bool = False) -> None:
    record(session, "reflection-submitted", process_id=reflection.process_id,
           reflection=reflection_to_dict(reflection),
           indicators=indicators(session, reflection.round), updated=updated)


def _by_client_id(session: Session, participant: Participant, client_id: str) -> Reflection | None:
    return session.scalar(select(Reflection).where(
        Reflection.participant_id == participant.id, Reflection.client_id == client_id))


def _client_id(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise DialogError("client_id_required")
    if len(value) > MAX_CLIENT_ID:
        raise DialogError("client_id_too_long", max=MAX_CLIENT_ID)
    return value.strip()


def _prompt(value: Any, field: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise DialogError("field_required", field=field)
    value = value.strip()
    if len(value) > MAX_REFLECTION_LENGTH:
        raise DialogError("reflection_too_long", field=field, max=MAX_REFLECTION_LENGTH,
                          length=len(value))
    return value


def _view_change(value: Any) -> ViewChange:
    if value in (None, ""):
        raise DialogError("view_change_required")
    try:
        return ViewChange(value)
    except ValueError as exc:
        raise DialogError("unknown_view_change", value=str(value)[:40]) from exc


def _moved_by(session: Session, conversation: ConversationRound, value: Any) -> Perspective | None:
    if value in (None, ""):
        return None
    found = session.get(Perspective, parse_id(value, "moved_by"))
    if (found is None or found.process_id != conversation.process_id
            or found.status is not ModerationStatus.APPROVED):
        raise DialogError("perspective_not_in_process", id=str(value)[:20])
    return found

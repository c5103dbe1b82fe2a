"""Participants answer a round's reflection prompts, exactly once per client id.

The three prompts: "Det här förstår jag nu, efter att ha hört ett annat perspektiv", "Det
här vill jag fråga", "Det här är viktigt att vi inte tappar"; and whether their own view is
unchanged, nuanced or changed, optionally naming the perspective that moved them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import Conflict, DialogError
from dialog.events import record
from dialog.i18n import DEFAULT_LOCALE
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
from dialog.services.exactly_once import earlier, insert_once
from dialog.services.ids import parse_client_id, parse_id
from dialog.services.moderation import decide
from dialog.services.personal_data import personal_data_kinds
from dialog.services.workshops import require_in_room
from phases.larande_samtal import redaction
from phases.larande_samtal.learning import indicators
from phases.larande_samtal.rounds import is_accepting
from phases.larande_samtal.schemas import ReflectionOut

PROMPTS = redaction.PROMPTS
#: What a facilitator may decide about a reflection.
DECISIONS = ("approve", "hide", "redact")


def submit_reflection(
    session: Session, participant: Participant, conversation: ConversationRound, *,
    client_id: Any, view_change: Any, understood: Any = "", question: Any = "",
    keep: Any = "", moved_by: Any = None,
) -> tuple[Reflection, bool]:
    """Store a reflection once per ``client_id``; return it and whether it was a resend."""
    client_id = parse_client_id(client_id)
    existing = earlier(session, Reflection, participant.id, client_id)
    if existing is not None:
        return existing, True
    if not is_accepting(conversation):
        raise Conflict("conversation_round_closed")
    if conversation.closes_at is None:  # in the room; a digital round is answered from home
        require_in_room(session, participant)
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
    stored, duplicate = insert_once(session, reflection)
    if not duplicate:
        _announce(session, stored)
    return stored, duplicate


def moderate_reflection(
    session: Session, reflection: Reflection, facilitator: Facilitator | None, action: Any,
    reason: Any = "", *, reason_code: Any = None, locale: str = DEFAULT_LOCALE,
    edits: dict[str, Any] | None = None,
) -> Reflection:
    """Approve, hide or redact a reflection; hiding keeps it, and the decision is logged.

    A hide always has a reason (as for perspectives), and its author's phone is told it; a
    redact publishes ``edits`` (the prompts as edited) and tells the author what changed.
    """
    if action == "redact":
        event = redaction.redact(session, reflection, facilitator, edits or {}, reason,
                                 reason_code=reason_code, locale=locale)
    else:
        event = decide(session, reflection, "reflection", facilitator, action, reason,
                       allowed=DECISIONS, reason_code=reason_code, locale=locale)
    note = redaction.note_of(event)
    _announce(session, reflection, updated=True, author=reflection.participant_id, note=note)
    return reflection


def mine_with_notes(session: Session, participant: Participant, locale: str = DEFAULT_LOCALE
                    ) -> list[dict[str, Any]]:
    """A phone's own reflections; a hidden one with why (a common reason in ``locale``)."""
    return with_notes(session, reflections_of_participant(session, participant), locale)


def with_notes(session: Session, found: list[Reflection], locale: str = DEFAULT_LOCALE
               ) -> list[dict[str, Any]]:
    """Reflections as shown, each with ``note``: why it is hidden or was edited (else
    ``None``)."""
    notes = redaction.latest_notes(session, [r.id for r in found], locale)
    return [{**ReflectionOut.dump(r), "note": notes.get(r.id)} for r in found]


def reflections_of_round(session: Session, conversation: ConversationRound) -> list[Reflection]:
    return list(session.scalars(
        select(Reflection).where(Reflection.round_id == conversation.id)
        .order_by(Reflection.created_at, Reflection.id)))


def reflections_of_participant(session: Session, participant: Participant) -> list[Reflection]:
    return list(session.scalars(
        select(Reflection).where(Reflection.participant_id == participant.id)
        .order_by(Reflection.created_at, Reflection.id)))


def _announce(session: Session, reflection: Reflection, *, updated: bool = False,
              author: int | None = None, note: dict[str, Any] | None = None) -> None:
    record(session, "reflection-submitted", process_id=reflection.process_id,
           reflection=ReflectionOut.dump(reflection),
           indicators=indicators(session, reflection.round), updated=updated,
           author=author, note=note)


def _prompt(value: Any, field: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise DialogError("field_required", field=field)
    text: str = value.strip()
    if len(text) > MAX_REFLECTION_LENGTH:
        raise DialogError("reflection_too_long", field=field, max=MAX_REFLECTION_LENGTH,
                          length=len(text))
    return text


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

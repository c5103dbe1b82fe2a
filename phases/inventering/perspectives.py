"""A phone sends a perspective (stored exactly once per ``client_id``) and reads its own."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog import policy
from dialog.errors import DialogError
from dialog.events import record
from dialog.models import (
    MAX_TEXT_LENGTH,
    ModerationStatus,
    Participant,
    Perspective,
    PerspectiveKind,
    Process,
    Workshop,
)
from dialog.schemas import PerspectiveOut
from dialog.services.exactly_once import earlier, insert_once
from dialog.services.ids import parse_client_id
from dialog.services.participants import resolve_group
from dialog.services.personal_data import personal_data_kinds, redacted_text
from dialog.services.workshops import require_open


def submit_perspective(
    session: Session,
    participant: Participant,
    workshop: Workshop,
    *,
    text: Any,
    kind: Any,
    stakeholder_group: Any = None,
    client_id: Any,
) -> tuple[Perspective, bool]:
    """Store a perspective once per ``client_id``; return it and whether it was a resend.

    A resend (same participant, same client id) returns the first row untouched, so an
    outbox on a flaky phone can retry freely.
    """
    client_id = parse_client_id(client_id)
    existing = earlier(session, Perspective, participant.id, client_id)
    if existing is not None:
        return existing, True
    policy.require_same_process(participant, workshop)
    require_open(workshop)
    text = _valid_text(text)
    valid_kind = _valid_kind(kind)
    process = session.get(Process, workshop.process_id)
    assert process is not None
    group = resolve_group(process, stakeholder_group) if stakeholder_group else (
        participant.stakeholder_group
    )
    found = personal_data_kinds(text)
    status = (
        ModerationStatus.PENDING if workshop.pre_moderation or found else ModerationStatus.APPROVED
    )
    perspective, duplicate = insert_once(session, Perspective(
        process_id=workshop.process_id, phase_id=workshop.phase_id, workshop_id=workshop.id,
        participant_id=participant.id, stakeholder_group=group, kind=valid_kind,
        text=text, client_id=client_id, status=status, personal_data=found,
    ))
    if not duplicate:
        record(session, "perspective-submitted", perspective=PerspectiveOut.dump(perspective))
    return perspective, duplicate


def perspectives_of_participant(session: Session, participant: Participant) -> list[Perspective]:
    return list(
        session.scalars(
            select(Perspective)
            .where(Perspective.participant_id == participant.id)
            .order_by(Perspective.created_at, Perspective.id)
        )
    )


def _valid_text(text: Any) -> str:
    if not isinstance(text, str) or not text.strip():
        raise DialogError("text_required")
    stripped: str = text.strip()
    if len(stripped) > MAX_TEXT_LENGTH:
        raise DialogError("text_too_long", max=MAX_TEXT_LENGTH, length=len(stripped))
    return stripped


def _valid_kind(kind: Any) -> PerspectiveKind:
    try:
        return PerspectiveKind(kind)
    except ValueError as exc:
        raise DialogError("unknown_kind", kind=str(kind)[:40]) from exc


def for_wall(perspective: dict[str, Any]) -> dict[str, Any]:
    """What the projector shows of a perspective; nothing about who wrote it."""
    keep = ("id", "kind", "stakeholder_group", "status", "created_at")
    shown = redacted_text(perspective["text"], perspective.get("personal_data"))
    return {key: perspective[key] for key in keep} | {"text": shown}

"""Submit perspectives exactly once, and read them back."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

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
from dialog.services.participants import require_in_workshop, resolve_group
from dialog.services.personal_data import personal_data_kinds

MAX_CLIENT_ID = 64


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
    client_id = _valid_client_id(client_id)
    existing = _by_client_id(session, participant, client_id)
    if existing is not None:
        return existing, True
    require_in_workshop(participant, workshop)
    if not workshop.is_open:
        raise DialogError("workshop_closed", 409)
    text = _valid_text(text)
    kind = _valid_kind(kind)
    process = session.get(Process, workshop.process_id)
    assert process is not None
    group = resolve_group(process, stakeholder_group) if stakeholder_group else (
        participant.stakeholder_group
    )
    found = personal_data_kinds(text)
    status = (
        ModerationStatus.PENDING if workshop.pre_moderation or found else ModerationStatus.APPROVED
    )
    perspective = Perspective(
        process_id=workshop.process_id, phase_id=workshop.phase_id, workshop_id=workshop.id,
        participant_id=participant.id, stakeholder_group=group, kind=kind, text=text,
        client_id=client_id, status=status, personal_data=found,
    )
    try:
        with session.begin_nested():
            session.add(perspective)
    except IntegrityError:
        # Two copies raced past the lookup; the other one won, and it is the same perspective.
        winner = _by_client_id(session, participant, client_id)
        if winner is None:
            raise
        return winner, True
    record(session, "perspective-submitted", perspective=perspective_to_dict(perspective))
    return perspective, False


def perspectives_of_process(
    session: Session, process: Process, *, statuses: tuple[ModerationStatus, ...] | None = None
) -> list[Perspective]:
    query = (
        select(Perspective)
        .where(Perspective.process_id == process.id)
        .options(selectinload(Perspective.stakeholder_group))
        .order_by(Perspective.created_at, Perspective.id)
    )
    if statuses:
        query = query.where(Perspective.status.in_(statuses))
    return list(session.scalars(query))


def perspectives_of_workshop(session: Session, workshop: Workshop) -> list[Perspective]:
    return list(
        session.scalars(
            select(Perspective)
            .where(Perspective.workshop_id == workshop.id)
            .options(selectinload(Perspective.stakeholder_group))
            .order_by(Perspective.created_at, Perspective.id)
        )
    )


def perspectives_of_participant(session: Session, participant: Participant) -> list[Perspective]:
    return list(
        session.scalars(
            select(Perspective)
            .where(Perspective.participant_id == participant.id)
            .order_by(Perspective.created_at, Perspective.id)
        )
    )


def perspective_to_dict(perspective: Perspective) -> dict[str, Any]:
    return {
        "id": perspective.id,
        "process_id": perspective.process_id,
        "workshop_id": perspective.workshop_id,
        "phase_id": perspective.phase_id,
        "text": perspective.text,
        "kind": perspective.kind.value,
        "stakeholder_group": perspective.group_name,
        "status": perspective.status.value,
        "personal_data": list(perspective.personal_data or []),
        "client_id": perspective.client_id,
        "participant_id": perspective.participant_id,
        "created_at": perspective.created_at.isoformat(),
    }


def _by_client_id(session: Session, participant: Participant, client_id: str) -> Perspective | None:
    return session.scalar(
        select(Perspective).where(
            Perspective.participant_id == participant.id, Perspective.client_id == client_id
        )
    )


def _valid_client_id(client_id: Any) -> str:
    if not isinstance(client_id, str) or not client_id.strip():
        raise DialogError("client_id_required")
    if len(client_id) > MAX_CLIENT_ID:
        raise DialogError("client_id_too_long", max=MAX_CLIENT_ID)
    return client_id.strip()


def _valid_text(text: Any) -> str:
    if not isinstance(text, str) or not text.strip():
        raise DialogError("text_required")
    text = text.strip()
    if len(text) > MAX_TEXT_LENGTH:
        raise DialogError("text_too_long", max=MAX_TEXT_LENGTH, length=len(text))
    return text


def _valid_kind(kind: Any) -> PerspectiveKind:
    try:
        return PerspectiveKind(kind)
    except ValueError as exc:
        raise DialogError("unknown_kind", kind=str(kind)[:40]) from exc

"""Retention: after a process's retention date, cut the link between phones and rows.

Public-records law keeps what was recorded (perspectives, reactions, the moderation log,
publications); nothing is deleted. What retention removes is the only thing that ties a
phone to its rows: the hash of each participant's token is replaced by a fresh random
value nobody holds, so no token can ever be matched to its perspectives again.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from dialog.events import record
from dialog.models import (
    Participant,
    ParticipantCode,
    Process,
    PublicationSettings,
    Workshop,
    WorkshopState,
)
from dialog.models import utcnow as now
from dialog.services import subscriptions


@dataclass(frozen=True)
class RetentionResult:
    process_id: int
    slug: str
    participants: int
    #: Why nothing was done ("workshop_open"), or None when the rule was applied.
    skipped: str | None = None


def due(session: Session, today: date) -> list[PublicationSettings]:
    """Settings whose retention date has passed and that were not applied yet."""
    return list(session.scalars(
        select(PublicationSettings)
        .where(PublicationSettings.retention_until.is_not(None),
               PublicationSettings.retention_until <= today,
               PublicationSettings.retention_applied_at.is_(None))
        .order_by(PublicationSettings.process_id)))


def apply_retention(session: Session, settings: PublicationSettings) -> RetentionResult:
    """Unlink every participant token of the process; skip while a workshop is open."""
    process = session.get(Process, settings.process_id)
    assert process is not None
    still_open = session.scalar(select(Workshop.id).where(
        Workshop.process_id == process.id, Workshop.state != WorkshopState.CLOSED).limit(1))
    if still_open is not None:
        return RetentionResult(process.id, process.slug, 0, skipped="workshop_open")
    participants = list(session.scalars(
        select(Participant).where(Participant.process_id == process.id)))
    for participant in participants:
        participant.token_hash = hashlib.sha256(secrets.token_bytes(32)).hexdigest()
    # Participant codes would bring a participant back behind a new token: they go too.
    session.execute(delete(ParticipantCode).where(ParticipantCode.process_id == process.id))
    settings.retention_applied_at = now()
    addresses = subscriptions.forget_all(session, process)
    session.flush()
    record(session, "retention-applied", process_id=process.id, participants=len(participants),
           addresses=addresses)
    return RetentionResult(process.id, process.slug, len(participants))


def apply_due(session: Session, today: date) -> list[RetentionResult]:
    """Apply the retention rule to every process whose date has passed."""
    return [apply_retention(session, settings) for settings in due(session, today)]

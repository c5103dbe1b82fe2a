"""Read perspectives back (the kernel's queries); inventering submits them.

Submitting lives in :mod:`phases.inventering.perspectives`.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from dialog.models import ModerationStatus, Perspective, Process, Workshop


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

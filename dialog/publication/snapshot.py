"""Build the snapshot a publication stores: every section, through the personal-data guard."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from dialog.models import ModerationStatus, Process, utcnow
from dialog.publication.guard import guard
from dialog.publication.sections import SECTIONS, SectionContext
from dialog.services.perspectives import perspectives_of_process

#: Version of the snapshot's shape; readers of old versions can tell what to expect.
SCHEMA = 1


def build_snapshot(session: Session, process: Process, *, now: datetime | None = None,
                   licence: str) -> dict[str, Any]:
    """Run every section provider over the approved perspectives and guard the result.

    Only approved perspectives are read; hidden and pending ones never reach a section.
    """
    now = now or utcnow()
    approved = perspectives_of_process(session, process, statuses=(ModerationStatus.APPROVED,))
    ctx = SectionContext(session=session, process=process, perspectives=approved, now=now)
    for section in SECTIONS:
        value = section.build(ctx)
        if value is not None:
            ctx.results[section.name] = value
    meta = {"schema": SCHEMA, "process_id": process.id, "slug": process.slug,
            "generated_at": now.isoformat(), "version": None, "published_at": None,
            "licence": licence, "note": "", "sections": list(ctx.results)}
    guarded: dict[str, Any] = guard({"meta": meta, **ctx.results})
    return guarded

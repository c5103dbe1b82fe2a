"""The team's analysis, "vår bedömning av läget": dated notes in the report, never edited.

A facilitator writes down how the team reads the situation (after a phase, or at any
time); each note is kept as written and a newer note is added, not overwritten.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import DialogError
from dialog.models import Assessment, Facilitator, Phase, Process
from dialog.services.ids import optional_id

MAX_TEXT = 8000
MAX_ASSESSMENTS = 200


def add_assessment(session: Session, process: Process, facilitator: Facilitator | None, *,
                   text: Any, phase_id: Any = None) -> Assessment:
    """Add the team's assessment, optionally about one phase of the process."""
    if not isinstance(text, str) or not text.strip():
        raise DialogError("field_required", field="text")
    if len(text.strip()) > MAX_TEXT:
        raise DialogError("field_too_long", field="text", max=MAX_TEXT)
    wanted = optional_id(phase_id, "phase_id")
    if wanted is not None:
        phase = session.get(Phase, wanted)
        if phase is None or phase.process_id != process.id:
            raise DialogError("assessment_phase_not_in_process")
    if len(assessments_of(session, process)) >= MAX_ASSESSMENTS:
        raise DialogError("too_many_items", field="assessments", max=MAX_ASSESSMENTS)
    assessment = Assessment(process_id=process.id, phase_id=wanted, text=text.strip(),
                            facilitator_id=facilitator.id if facilitator else None)
    session.add(assessment)
    session.flush()
    return assessment


def assessments_of(session: Session, process: Process) -> list[Assessment]:
    return list(session.scalars(select(Assessment).where(
        Assessment.process_id == process.id).order_by(Assessment.created_at, Assessment.id)))

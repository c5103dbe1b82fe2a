"""A meeting's evaluation: "Kände du dig lyssnad på?" (1 to 5) and an optional comment.

Anonymous like everything a phone sends: one answer per participant and meeting, stored
exactly once per ``client_id``. Only aggregates are published, and never a count below the
small-number threshold. A comment with personal data waits for moderation; an approved
one is published redacted; hiding a comment never deletes it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog import policy
from dialog.errors import Conflict, DialogError
from dialog.models import (
    EvaluationAnswer,
    Facilitator,
    ModerationStatus,
    Participant,
    Process,
    Workshop,
)
from dialog.services import moderation
from dialog.services.exactly_once import earlier, insert_once
from dialog.services.ids import parse_client_id
from dialog.services.personal_data import personal_data_kinds

SCORES = (1, 2, 3, 4, 5)
MAX_COMMENT = 500


def answer(session: Session, participant: Participant, workshop: Workshop, *, score: Any,
           comment: Any = "", client_id: Any) -> tuple[EvaluationAnswer, bool]:
    """Store the participant's answer for this meeting once; a resend returns the first."""
    client_id = parse_client_id(client_id)
    existing = earlier(session, EvaluationAnswer, participant.id, client_id)
    if existing is not None:
        return existing, True
    policy.require_same_process(participant, workshop)
    value = _score(score)
    text = _comment(comment)
    if session.scalar(select(EvaluationAnswer.id).where(
            EvaluationAnswer.participant_id == participant.id,
            EvaluationAnswer.workshop_id == workshop.id)) is not None:
        raise Conflict("evaluation_already_answered")
    found = personal_data_kinds(text) if text else []
    row = EvaluationAnswer(process_id=workshop.process_id, workshop_id=workshop.id,
                           participant_id=participant.id, client_id=client_id, score=value,
                           comment=text, personal_data=found,
                           status=ModerationStatus.PENDING if found else ModerationStatus.APPROVED)
    return insert_once(session, row)


def _score(value: Any) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or value not in SCORES:
        raise DialogError("invalid_score")
    return int(value)


def _comment(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise DialogError("invalid_text", field="comment")
    text = value.strip()
    if len(text) > MAX_COMMENT:
        raise DialogError("field_too_long", field="comment", max=MAX_COMMENT)
    return text


def moderate(session: Session, row: EvaluationAnswer, facilitator: Facilitator | None,
             action: Any, reason: Any = "") -> EvaluationAnswer:
    """Approve, hide or restore an answer's comment; logged, never deleted."""
    moderation.decide(session, row, "evaluation_answer", facilitator, action, reason)
    return row


def answers_of(session: Session, process: Process) -> list[EvaluationAnswer]:
    return list(session.scalars(select(EvaluationAnswer).where(
        EvaluationAnswer.process_id == process.id).order_by(EvaluationAnswer.id)))


def summary(session: Session, process: Process) -> list[dict[str, Any]]:
    """Per meeting: how many answered and how they scored (raw; publication suppresses)."""
    by_workshop: dict[int, list[EvaluationAnswer]] = {}
    for row in answers_of(session, process):
        by_workshop.setdefault(row.workshop_id, []).append(row)
    found = []
    for workshop in process.workshops:
        rows = by_workshop.get(workshop.id, [])
        scores = Counter(r.score for r in rows)
        found.append({
            "workshop_id": workshop.id, "title": workshop.title, "answers": len(rows),
            "scores": {str(s): scores.get(s, 0) for s in SCORES},
            "mean": round(sum(r.score for r in rows) / len(rows), 1) if rows else None,
            "comments": [r.comment for r in rows
                         if r.comment and r.status is ModerationStatus.APPROVED]})
    return found

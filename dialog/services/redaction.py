"""Redact a perspective: publish the facilitator's edited words, keep the original in the log.

Moderation that keeps what it can: instead of hiding a whole perspective for one name or
phone number, the facilitator edits the text. The perspective's ``text`` becomes the edited
text and is approved, so every screen, the map and the publication show only the edit; the
words as written stay in the moderation log (``ModerationEvent.original_text``), which is
never published (only a records request can reach it, after a secrecy review). The author's
phone is told what was changed and why.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import DialogError
from dialog.events import record
from dialog.i18n import DEFAULT_LOCALE
from dialog.models import (
    MAX_TEXT_LENGTH,
    Facilitator,
    ModerationEvent,
    ModerationStatus,
    Perspective,
)
from dialog.schemas import PerspectiveOut
from dialog.services import hide_reasons
from dialog.services.moderation import log_decision
from dialog.services.personal_data import personal_data_kinds


def edited_text(text: Any) -> str:
    """Check the facilitator's edited text: present, not too long, without personal data."""
    if not isinstance(text, str) or not text.strip():
        raise DialogError("redaction_text_required")
    stripped = text.strip()
    if len(stripped) > MAX_TEXT_LENGTH:
        raise DialogError("redaction_text_too_long", max=MAX_TEXT_LENGTH, length=len(stripped))
    if personal_data_kinds(stripped):
        raise DialogError("redaction_keeps_personal_data")
    return stripped


def reason_of(reason: Any, reason_code: Any, locale: str = DEFAULT_LOCALE
              ) -> tuple[str, str | None]:
    """A redaction's reason as logged, and its code when it is a common one.

    The reason is required (``redaction_reason_required``); a common reason's code sent by
    itself logs its text in ``locale``. Reflections are redacted with the same rule.
    """
    code = hide_reasons.code_of(reason_code)
    words = str(reason or "").strip()
    if code in hide_reasons.CODES:
        words = words or hide_reasons.text_of(code, locale)
    else:
        code = None
    if not words:
        raise DialogError("redaction_reason_required")
    return words, code


def redact(session: Session, perspective: Perspective, facilitator: Facilitator | None,
           text: Any, reason: Any = "", *, reason_code: Any = None,
           locale: str = DEFAULT_LOCALE) -> ModerationEvent:
    """Replace a perspective's text by an edited one and approve it; log the original.

    The reason is required; a common reason's ``reason_code`` (sent by itself, its text in
    ``locale`` is logged) lets the author read it in their own language.
    """
    edited = edited_text(text)
    words, code = reason_of(reason, reason_code, locale)
    event = log_decision(
        session, process_id=perspective.process_id, subject_type="perspective",
        subject_id=perspective.id, facilitator=facilitator, action="redact",
        from_status=perspective.status, to_status=ModerationStatus.APPROVED, reason=words,
        reason_code=code,
    )
    event.perspective = perspective
    event.original_text = perspective.text
    event.edited_text = edited
    perspective.text = edited
    perspective.personal_data = []
    perspective.status = ModerationStatus.APPROVED
    session.flush()
    record(session, "perspective-moderated", perspective=PerspectiveOut.dump(perspective),
           previous_status=event.from_status.value, note=note_of(event))
    return event


def note_of(event: ModerationEvent | None, locale: str | None = None
            ) -> dict[str, Any] | None:
    """What the author's phone is told about a decision: redact or hide, with the reason.

    With ``locale`` (the author's), a coded reason is in that language; without, as logged
    (with its ``reason_code``, which the phone reads in its own language).
    """
    if event is None or event.action not in ("redact", "hide"):
        return None
    note = hide_reasons.note(event.action, event.reason, event.reason_code, locale)
    if event.action == "redact":
        note["text"] = event.edited_text
    return note


def latest_notes(session: Session, perspective_ids: list[int], locale: str | None = None
                 ) -> dict[int, dict[str, Any]]:
    """Return the note of the latest decision per perspective (only redact and hide have one);
    a coded reason in ``locale``, the reader's language."""
    if not perspective_ids:
        return {}
    events = session.scalars(
        select(ModerationEvent)
        .where(ModerationEvent.perspective_id.in_(perspective_ids))
        .order_by(ModerationEvent.id))
    latest: dict[int, ModerationEvent] = {}
    for event in events:
        if event.perspective_id is not None:
            latest[event.perspective_id] = event
    return {pid: note for pid, event in latest.items() if (note := note_of(event, locale))}

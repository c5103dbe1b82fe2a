"""Redact a reflection: publish the facilitator's edit of its prompts, keep the original.

As for a perspective (:mod:`dialog.services.redaction`): instead of hiding a whole
reflection for one phone number, the facilitator edits its words. The reflection's prompts
become the edited ones and it is approved, so the console, the author's phone, the phase's
record and the publication show only the edit; the words as written stay in the moderation
log (``ModerationEvent.original_text``, the three prompts as JSON), never published. The
edit must be free of personal data (``redaction_keeps_personal_data``, the perspective's
code) and carry a reason, which the author's phone shows with what was changed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import DialogError
from dialog.i18n import DEFAULT_LOCALE
from dialog.models import (
    MAX_REFLECTION_LENGTH,
    REFLECTION_PROMPTS,
    Facilitator,
    ModerationEvent,
    ModerationStatus,
    Reflection,
)
from dialog.services import hide_reasons
from dialog.services.moderation import log_decision
from dialog.services.personal_data import personal_data_kinds
from dialog.services.redaction import reason_of

#: The reflection's three prompts, in the order the phone asks them.
PROMPTS = REFLECTION_PROMPTS


def redact(session: Session, reflection: Reflection, facilitator: Facilitator | None,
           edits: Mapping[str, Any], reason: Any = "", *, reason_code: Any = None,
           locale: str = DEFAULT_LOCALE) -> ModerationEvent:
    """Replace a reflection's prompts by the edited ones and approve it; log the original.

    ``edits`` maps a prompt to its edited words; a prompt left out (or ``None``) keeps its
    words, an empty one is cut. Every prompt as it will be shown must be free of personal
    data, and at least one must have words left.
    """
    edited = {prompt: _edited(edits.get(prompt), getattr(reflection, prompt))
              for prompt in PROMPTS}
    if not any(edited.values()):
        raise DialogError("redaction_text_required")
    words, code = reason_of(reason, reason_code, locale)
    event = log_decision(
        session, process_id=reflection.process_id, subject_type="reflection",
        subject_id=reflection.id, facilitator=facilitator, action="redact",
        from_status=reflection.status, to_status=ModerationStatus.APPROVED, reason=words,
        reason_code=code)
    event.original_text = _as_json({p: getattr(reflection, p) for p in PROMPTS})
    event.edited_text = _as_json(edited)
    for prompt, text in edited.items():
        setattr(reflection, prompt, text)
    reflection.personal_data = []
    reflection.status = ModerationStatus.APPROVED
    session.flush()
    return event


def note_of(event: ModerationEvent | None, locale: str | None = None
            ) -> dict[str, Any] | None:
    """What the author's phone is told about a hide or a redact, with the reason.

    A redact's note also says what was changed: ``changed`` maps each edited prompt to its
    words as shown now (the words as written are not repeated). With ``locale``, a coded
    reason is in that language; without, as logged with its code.
    """
    if event is None or event.action not in ("redact", "hide"):
        return None
    note = hide_reasons.note(event.action, event.reason, event.reason_code, locale)
    if event.action == "redact":
        before, after = _prompts(event.original_text), _prompts(event.edited_text)
        note["changed"] = {p: after.get(p, "") for p in PROMPTS
                           if after.get(p, "") != before.get(p, "")}
    return note


def latest_notes(session: Session, reflection_ids: list[int], locale: str | None = None
                 ) -> dict[int, dict[str, Any]]:
    """The note of each reflection whose latest decision is a hide or a redact."""
    if not reflection_ids:
        return {}
    events = session.scalars(
        select(ModerationEvent)
        .where(ModerationEvent.subject_type == "reflection",
               ModerationEvent.subject_id.in_(reflection_ids))
        .order_by(ModerationEvent.id))
    latest = {event.subject_id: event for event in events if event.subject_id is not None}
    return {rid: note for rid, event in latest.items() if (note := note_of(event, locale))}


def _edited(value: Any, current: str) -> str:
    """One prompt as the facilitator left it: the same words, or edited ones, checked."""
    if value is None:
        text = current
    elif isinstance(value, str):
        text = value.strip()
    else:
        raise DialogError("redaction_text_required")
    if len(text) > MAX_REFLECTION_LENGTH:
        raise DialogError("redaction_text_too_long", max=MAX_REFLECTION_LENGTH,
                          length=len(text))
    if personal_data_kinds(text):
        raise DialogError("redaction_keeps_personal_data")
    return text


def _as_json(prompts: dict[str, str]) -> str:
    return json.dumps(prompts, ensure_ascii=False)


def _prompts(logged: str | None) -> dict[str, str]:
    try:
        found = json.loads(logged or "{}")
    except ValueError:
        return {}
    return {k: str(v) for k, v in found.items()} if isinstance(found, dict) else {}

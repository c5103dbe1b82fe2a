"""Approve, hide and restore perspectives; every decision is logged, nothing is deleted."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import DialogError
from dialog.events import record
from dialog.i18n import DEFAULT_LOCALE
from dialog.models import Facilitator, ModerationEvent, ModerationStatus, Perspective
from dialog.schemas import PerspectiveOut
from dialog.services import hide_reasons

ACTIONS = {
    "approve": ModerationStatus.APPROVED,
    "hide": ModerationStatus.HIDDEN,
    "restore": ModerationStatus.PENDING,
}

#: What the author's phone says when a perspective is hidden without a reason (an API client
#: that sends none, as before reasons were asked for): every hide carries a reason.
DEFAULT_HIDE_REASON = "map_people.hide.default_reason"


def decide(
    session: Session,
    subject: Any,
    subject_type: str,
    facilitator: Facilitator | None,
    action: Any,
    reason: Any = "",
    *,
    allowed: tuple[str, ...] = tuple(ACTIONS),
    reason_code: Any = None,
    locale: str = DEFAULT_LOCALE,
) -> ModerationEvent:
    """The one way to moderate something with a status (a perspective, a reflection).

    ``action`` is one of ``allowed`` (``approve``, ``hide``, ``restore``); the decision is
    logged with its reason and the subject's status changes. Nothing is ever deleted. A
    hide always has a reason, coded when it is a common one (``hide_reasons.given``).
    """
    if action not in allowed or action not in ACTIONS:
        raise DialogError("unknown_moderation_action")
    code = None
    if action == "hide":
        reason, code = hide_reasons.given(reason, reason_code, locale)
    else:
        hide_reasons.code_of(reason_code)  # an unknown code is refused whatever the action
    event = log_decision(
        session, process_id=subject.process_id, subject_type=subject_type,
        subject_id=subject.id, facilitator=facilitator, action=action,
        from_status=subject.status, to_status=ACTIONS[action], reason=reason,
        reason_code=code,
    )
    subject.status = ACTIONS[action]
    session.flush()
    return event


def moderate(
    session: Session,
    perspective: Perspective,
    facilitator: Facilitator | None,
    action: Any,
    reason: Any = "",
    *,
    locale: str = DEFAULT_LOCALE,
    reason_code: Any = None,
) -> ModerationEvent:
    """Approve, hide or restore a perspective, and tell the room.

    Hiding always carries a reason: without one, :data:`DEFAULT_HIDE_REASON` in ``locale``
    is logged and told to the author. A common reason carries its code, so the author's
    phone shows it in the phone's language.
    """
    event = decide(session, perspective, "perspective", facilitator, action, reason,
                   reason_code=reason_code, locale=locale)
    event.perspective = perspective
    session.flush()
    # Hiding tells the author why (the phone shows the reason); redaction is in redaction.py.
    note = (hide_reasons.note("hide", event.reason, event.reason_code)
            if action == "hide" else None)
    record(session, "perspective-moderated", perspective=PerspectiveOut.dump(perspective),
           previous_status=event.from_status.value, note=note)
    return event


def hide_reason(reason: Any, locale: str = DEFAULT_LOCALE) -> str:
    """The reason a hide is logged with: the one given, or the default in ``locale``."""
    return hide_reasons.given(reason, None, locale)[0]


def log_decision(
    session: Session,
    *,
    process_id: int,
    subject_type: str,
    subject_id: int,
    facilitator: Facilitator | None,
    action: str,
    from_status: ModerationStatus,
    to_status: ModerationStatus,
    reason: Any = "",
    reason_code: str | None = None,
) -> ModerationEvent:
    """Write one moderation decision to the log (perspectives, reflections, answers...)."""
    event = ModerationEvent(
        process_id=process_id, subject_type=subject_type, subject_id=subject_id,
        facilitator=facilitator, action=action, from_status=from_status, to_status=to_status,
        reason=str(reason or "")[:1000], reason_code=reason_code,
    )
    session.add(event)
    session.flush()
    return event


def moderation_log(session: Session, process_id: int) -> list[dict[str, Any]]:
    events = session.scalars(
        select(ModerationEvent)
        .where(ModerationEvent.process_id == process_id)
        .order_by(ModerationEvent.created_at, ModerationEvent.id)
    )
    return [
        {
            "id": e.id,
            "subject_type": e.subject_type,
            "subject_id": e.subject_id,
            "perspective_id": e.perspective_id,
            "action": e.action,
            "from_status": e.from_status.value,
            "to_status": e.to_status.value,
            "reason": e.reason,
            # A common reason's code (its author reads it in their own language), else null.
            "reason_code": e.reason_code,
            # Redactions: the words as written stay here, for the facilitator and records only.
            "original_text": e.original_text,
            "edited_text": e.edited_text,
            "facilitator": e.facilitator.email if e.facilitator else None,
            "created_at": e.created_at.isoformat(),
        }
        for e in events
    ]


def hide_notes(session: Session, subject_type: str, subject_ids: list[int],
               locale: str | None = None) -> dict[int, dict[str, Any]]:
    """The author's note per subject (a reflection, a fishing answer) whose latest decision
    is a hide: ``{action, reason, reason_code}``, a coded reason in ``locale``."""
    if not subject_ids:
        return {}
    events = session.scalars(
        select(ModerationEvent)
        .where(ModerationEvent.subject_type == subject_type,
               ModerationEvent.subject_id.in_(subject_ids))
        .order_by(ModerationEvent.id))
    latest = {event.subject_id: event for event in events if event.subject_id is not None}
    return {subject_id: hide_reasons.note("hide", event.reason, event.reason_code, locale)
            for subject_id, event in latest.items() if event.action == "hide"}

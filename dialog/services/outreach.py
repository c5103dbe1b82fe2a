"""An outreach plan tied to the missing perspectives: whom the process has not heard yet,
and what it does about it (a visit, an interview, a letter), with a status."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from dialog.errors import DialogError
from dialog.models import OutreachAction, OutreachStatus, Process, utcnow
from dialog.services.participants import resolve_group

MAX_ACTION = 1000
MAX_SHORT = 200
#: Input field -> model column, for the fields a facilitator may set or change.
FIELDS = {"action": "action", "where": "place", "when": "due", "responsible": "responsible"}


def plan(session: Session, process: Process, given: dict[str, Any]) -> OutreachAction:
    """Plan a step towards a stakeholder group (``stakeholder_group`` and ``action`` needed)."""
    group = resolve_group(process, given.get("stakeholder_group"))
    if group is None:
        raise DialogError("field_required", field="stakeholder_group")
    item = OutreachAction(process_id=process.id, stakeholder_group=group, action="")
    _set(item, given, creating=True)
    session.add(item)
    session.flush()
    return item


def change(session: Session, item: OutreachAction, given: dict[str, Any]) -> OutreachAction:
    """Change the status (planned, done, cancelled) or the details of a planned step."""
    if "stakeholder_group" in given:
        process = session.get(Process, item.process_id)
        assert process is not None
        group = resolve_group(process, given["stakeholder_group"])
        if group is None:
            raise DialogError("field_required", field="stakeholder_group")
        item.stakeholder_group = group
    if given.get("status") is not None:
        try:
            item.status = OutreachStatus(given["status"])
        except ValueError as exc:
            raise DialogError("invalid_outreach_status") from exc
    _set(item, given, creating=False)
    item.updated_at = utcnow()
    session.flush()
    return item


def plan_of(session: Session, process: Process) -> list[OutreachAction]:
    return list(session.scalars(
        select(OutreachAction).where(OutreachAction.process_id == process.id)
        .options(selectinload(OutreachAction.stakeholder_group))
        .order_by(OutreachAction.created_at, OutreachAction.id)))


def _set(item: OutreachAction, given: dict[str, Any], *, creating: bool) -> None:
    for field, column in FIELDS.items():
        if field not in given and not (creating and field == "action"):
            continue
        value = given.get(field)
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise DialogError("invalid_field", field=field)
        value = value.strip()
        limit = MAX_ACTION if field == "action" else MAX_SHORT
        if field == "action" and not value:
            raise DialogError("field_required", field="action")
        if len(value) > limit:
            raise DialogError("field_too_long", field=field, max=limit)
        if field == "when" and value:
            value = _when(value)
        setattr(item, column, value)


def _when(value: str) -> str:
    """A date (``2026-03-12``) or an ISO 8601 moment with its offset."""
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise DialogError("invalid_moment", field="when") from exc
    if moment.tzinfo is None:
        raise DialogError("invalid_moment", field="when")
    return moment.isoformat()

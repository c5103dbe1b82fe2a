"""A workshop as a real meeting: where and when, in which format, for whom, run by whom,
with what agenda; and who came, counted per stakeholder group (people, not joins)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import DialogError
from dialog.events import record
from dialog.models import Attendance, MeetingFormat, Participant, StakeholderGroup, Workshop
from dialog.schemas import WorkshopOut

MAX_PLACE = 200
MAX_AGENDA = 4000
MAX_NAMES = 30
MAX_NAME = 200
#: The fields of a meeting that a facilitator sets (besides title and pre-moderation).
FIELDS = ("place", "starts_at", "ends_at", "format", "target_groups", "facilitators",
          "agenda", "requires_participant_code")


def describe_meeting(session: Session, workshop: Workshop, given: dict[str, Any],
                     *, announce: bool = True) -> Workshop:
    """Set the meeting fields named in ``given``; each refusal names its field."""
    if "place" in given:
        workshop.place = _text(given["place"], "place", MAX_PLACE)
    if "agenda" in given:
        workshop.agenda = _text(given["agenda"], "agenda", MAX_AGENDA)
    if "format" in given and given["format"] not in (None, ""):
        try:
            workshop.format = MeetingFormat(given["format"])
        except ValueError as exc:
            raise DialogError("invalid_meeting_format") from exc
    if "starts_at" in given:
        workshop.starts_at = parse_moment(given["starts_at"], "starts_at")
    if "ends_at" in given:
        workshop.ends_at = parse_moment(given["ends_at"], "ends_at")
    if workshop.starts_at and workshop.ends_at and workshop.ends_at < workshop.starts_at:
        raise DialogError("meeting_ends_before_start")
    for field in ("target_groups", "facilitators"):
        if field in given:
            setattr(workshop, field, names(given[field], field))
    if "requires_participant_code" in given:
        flag = given["requires_participant_code"]
        if isinstance(flag, str):
            flag = flag.strip().lower() in ("1", "true", "on", "yes", "ja")
        workshop.requires_participant_code = bool(flag)
    session.flush()
    if announce:
        record(session, "workshop-changed", workshop=WorkshopOut.dump(workshop))
    return workshop


def parse_moment(value: Any, field: str) -> datetime | None:
    """An ISO 8601 moment with its offset (``2026-03-04T18:00:00+01:00``); empty is none."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise DialogError("invalid_moment", field=field)
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise DialogError("invalid_moment", field=field) from exc
    if moment.tzinfo is None:
        raise DialogError("invalid_moment", field=field)
    return moment


def names(value: Any, field: str) -> list[str]:
    """A list of short names; a text with one per line or comma-separated works too."""
    if value in (None, ""):
        return []
    if isinstance(value, str):
        value = [part for line in value.splitlines() for part in line.split(",")]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise DialogError("invalid_field", field=field)
    cleaned = [item.strip() for item in value if item.strip()]
    if len(cleaned) > MAX_NAMES or any(len(item) > MAX_NAME for item in cleaned):
        raise DialogError("field_too_long", field=field, max=MAX_NAMES)
    return list(dict.fromkeys(cleaned))


def attendance(session: Session, workshop: Workshop) -> dict[str, Any]:
    """Who came, per stakeholder group: each person once, returning ones counted apart."""
    rows = session.execute(
        select(StakeholderGroup.name, Attendance.came_back)
        .select_from(Attendance)
        .join(Participant, Participant.id == Attendance.participant_id)
        .outerjoin(StakeholderGroup, StakeholderGroup.id == Participant.stakeholder_group_id)
        .where(Attendance.workshop_id == workshop.id))
    groups: Counter[str | None] = Counter()
    returning = 0
    for name, came_back in rows:
        groups[name] += 1
        returning += bool(came_back)
    return {"total": sum(groups.values()), "returning": returning,
            "groups": [{"name": name, "participants": count}
                       for name, count in sorted(groups.items(), key=lambda kv: kv[0] or "~")]}


def _text(value: Any, field: str, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise DialogError("invalid_field", field=field)
    if len(value.strip()) > limit:
        raise DialogError("field_too_long", field=field, max=limit)
    return value.strip()

"""The one local-time filter: a stored UTC moment as Swedish local ``2021-09-30 18:30``.

Registered app-wide by the app factory as the Jinja filter ``local_time``.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import Flask

LOCAL_ZONE = "Europe/Stockholm"


def local_zone() -> tzinfo:
    """Swedish time, or UTC where the system has no time zone database (still correct)."""
    try:
        return ZoneInfo(LOCAL_ZONE)
    except ZoneInfoNotFoundError:
        return UTC


def local_time(moment: datetime | str | None) -> str:
    """A UTC moment (a datetime or its ISO text; naive means UTC) as local "YYYY-MM-DD HH:MM".

    Nothing (``None`` or ``""``) is the empty text.
    """
    if not moment:
        return ""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(local_zone()).strftime("%Y-%m-%d %H:%M")


def init_app(app: Flask) -> None:
    app.add_template_filter(local_time, "local_time")


def local_moment(value: str | None) -> str | None:
    """A form's ``datetime-local`` value (Swedish local time) as ISO text with its offset.

    Text that is not a moment is passed on unchanged, for the operation to refuse clearly.
    """
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=local_zone())
    return moment.isoformat()

"""Validate the texts, lists, dates and budgets konkretisering receives, with stable codes.

Ids are parsed by :mod:`dialog.services.ids` (a malformed id is ``field_required``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from dialog.errors import DialogError
from dialog.services.ids import parse_id
from dialog.services.personal_data import personal_data_kinds

MAX_REASON = 1000
#: Proposals are counted in tkr; anything above 10 billion kronor is surely a typing error.
MAX_BUDGET_TKR = 10_000_000


def required_text(value: Any, field: str, limit: int) -> str:
    """Return the stripped text, or refuse an empty or too long one."""
    if not isinstance(value, str) or not value.strip():
        raise DialogError("field_required", field=field)
    return _within(value.strip(), field, limit)


def optional_text(value: Any, field: str, limit: int) -> str:
    """Return the stripped text ("" for none), or refuse a non-text or too long one."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise DialogError("invalid_text", field=field)
    return _within(value.strip(), field, limit)


def _within(text: str, field: str, limit: int) -> str:
    if len(text) > limit:
        raise DialogError("field_too_long", field=field, max=limit)
    return text


def id_list(value: Any, field: str, *, limit: int = 200) -> list[int]:
    """A list of ids without repeats, in the order given."""
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise DialogError("invalid_id_list", field=field)
    if len(value) > limit:
        raise DialogError("too_many_ids", field=field, max=limit)
    return list(dict.fromkeys(parse_id(item, field) for item in value))


def text_list(value: Any, field: str, *, item_limit: int = 300, limit: int = 20) -> list[str]:
    """A list of short texts (e.g. indicators); blank lines are dropped."""
    if value is None:
        return []
    if isinstance(value, str):
        value = value.splitlines()
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise DialogError("invalid_text", field=field)
    items = [_within(v.strip(), field, item_limit) for v in value if v.strip()]
    if len(items) > limit:
        raise DialogError("too_many_items", field=field, max=limit)
    return items


def optional_date(value: Any, field: str) -> date | None:
    """A calendar date as ``YYYY-MM-DD``."""
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise DialogError("invalid_date", field=field)


def optional_datetime(value: Any, field: str) -> datetime | None:
    """A moment as ISO 8601; one without a time zone is read as UTC."""
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    raise DialogError("invalid_datetime", field=field)


def optional_budget(value: Any) -> int | None:
    """A budget in whole tkr, zero or more."""
    if value in (None, ""):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise DialogError("invalid_budget")
    if value > MAX_BUDGET_TKR:
        raise DialogError("invalid_budget")
    return value


def scan(text: str) -> tuple[str, list[str]]:
    """Return the text and the kinds of personal data found in it (kept, but flagged)."""
    return text, personal_data_kinds(text) if text else []

"""Parse an id sent by JSON, a form or a socket event."""

from __future__ import annotations

from typing import Any

from dialog.errors import DialogError


def parse_id(value: Any, field: str) -> int:
    """Accept a positive integer id (or its digits as a string), else ``field_required``."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise DialogError("field_required", field=field)
    try:
        number = int(value)
    except ValueError as exc:
        raise DialogError("field_required", field=field) from exc
    if number < 1:
        raise DialogError("field_required", field=field)
    return number

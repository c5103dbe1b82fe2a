"""Parse the ids a phone or a console sends: object ids and the phone's own ``client_id``.

Every face (JSON, form, socket event) and every operation parses through these, so a
malformed id is always ``field_required`` naming the field.
"""

from __future__ import annotations

from typing import Any

from dialog.errors import DialogError

#: The largest id any table can hold: PostgreSQL's INTEGER (32 bits) is the narrowest of
#: our id columns; SQLite's are 64 bits. A larger id cannot exist, so it is never queried.
LARGEST_ID = 2**31 - 1

#: The longest ``client_id`` a phone may send (a UUID is 36 characters).
MAX_CLIENT_ID = 64


def parse_id(value: Any, field: str) -> int:
    """Accept a positive integer id (or its digits as a string), else ``field_required``.

    An id past :data:`LARGEST_ID` names nothing that can exist: 404 ``id_out_of_range``.
    """
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise DialogError("field_required", field=field)
    try:
        number = int(value.strip() if isinstance(value, str) else value)
    except ValueError as exc:
        raise DialogError("field_required", field=field) from exc
    if number < 1:
        raise DialogError("field_required", field=field)
    if number > LARGEST_ID:
        raise DialogError("id_out_of_range", 404, field=field)
    return number


def optional_id(value: Any, field: str) -> int | None:
    """Like :func:`parse_id`, but nothing (``None`` or an empty form field) is ``None``."""
    return None if value is None or value == "" else parse_id(value, field)


def parse_client_id(value: Any) -> str:
    """The phone's own id for one submission: a resend with it is stored once."""
    if not isinstance(value, str) or not value.strip():
        raise DialogError("client_id_required")
    if len(value) > MAX_CLIENT_ID:
        raise DialogError("client_id_too_long", max=MAX_CLIENT_ID)
    return value.strip()

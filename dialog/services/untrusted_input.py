"""Refuse what no field of ours can hold, before it reaches an operation or the database.

Three things break a database or the interpreter rather than a rule of the method, so they
are refused at the door with a stable code, the same on every face:

* JSON nested deeper than :data:`MAX_DEPTH` (``too_deeply_nested``): Python's parser
  recurses and 50,000 ``[`` would raise ``RecursionError``; the depth is counted first;
* ``NaN``, ``Infinity`` and numbers that overflow to them (``invalid_number``): JSON has no
  such values and no column stores them;
* text with NUL or a lone UTF-16 surrogate (``invalid_characters``): PostgreSQL refuses NUL
  and no database encodes a lone surrogate as UTF-8.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from dialog.errors import DialogError

#: Our deepest input is a list inside an object inside the body; 32 leaves room for more.
MAX_DEPTH = 32

_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")
_BAD_CHARACTERS = re.compile("[\x00\ud800-\udfff]")


def nesting_depth(text: str) -> int:
    """How deep the brackets of ``text`` go, brackets inside strings not counted."""
    depth = deepest = 0
    for bracket in _BRACKETS.finditer(_STRINGS.sub("", text)):
        depth += 1 if bracket.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise DialogError("invalid_number")
    return number


def _no_constant(_name: str) -> Any:
    raise DialogError("invalid_number")


def loads(text: str | bytes, **options: Any) -> Any:
    """Parse untrusted JSON; refuse depth, non-finite numbers and unstorable text with a code.

    Malformed JSON is still a :class:`ValueError`, as from :func:`json.loads`; ``options``
    go to it (e.g. ``parse_int``).
    """
    if isinstance(text, bytes | bytearray):
        text = text.decode("utf-8-sig")  # RFC 8259: UTF-8; a leading BOM is tolerated
    if nesting_depth(text) > MAX_DEPTH:
        raise DialogError("too_deeply_nested", max=MAX_DEPTH)
    data = json.loads(text, parse_float=_finite, parse_constant=_no_constant, **options)
    refuse_bad_characters(data)
    return data


def bad_character_field(data: Any, path: str = "") -> str | None:
    """The field (``a.0.b``) of the first text holding NUL or a lone surrogate, else ``None``."""
    if isinstance(data, str):
        return (path or "body") if _BAD_CHARACTERS.search(data) else None
    if isinstance(data, dict):
        for key, value in data.items():
            where = f"{path}.{key}" if path else str(key)
            if isinstance(key, str) and _BAD_CHARACTERS.search(key):
                return path or "body"
            found = bad_character_field(value, where)
            if found:
                return found
    elif isinstance(data, list | tuple):
        for index, value in enumerate(data):
            found = bad_character_field(value, f"{path}.{index}" if path else str(index))
            if found:
                return found
    return None


def refuse_bad_characters(data: Any) -> None:
    """Raise ``invalid_characters`` naming the field if any text holds NUL or a surrogate."""
    field = bad_character_field(data)
    if field is not None:
        raise DialogError("invalid_characters", field=_printable(field))


def _printable(field: str) -> str:
    return _BAD_CHARACTERS.sub("\ufffd", field)[:64]

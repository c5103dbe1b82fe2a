"""CSV cells a spreadsheet reads as data, never as a formula (OWASP "CSV injection").

A cell that starts with ``=``, ``+``, ``-``, ``@`` (or their fullwidth forms), a tab or a
carriage return would run as a formula when someone opens the file in a spreadsheet. Such a
text cell gets a leading ``'``: spreadsheets show the text as written, and a reader of the
raw file sees one extra character. Plain numbers (``-1``, ``2.5``) stay as they are.
An importer of our own files (the Polis format) takes the ``'`` off again
with :func:`restore_cell`, so an export imports back to the same text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?")


def safe_cell(value: Any) -> Any:
    """``value`` as a spreadsheet may read it: a text that starts a formula gets a ``'``."""
    if isinstance(value, str) and value.startswith(TRIGGERS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    return [safe_cell(value) for value in row]


def safe_record(row: dict[str, Any]) -> dict[str, Any]:
    return {key: safe_cell(value) for key, value in row.items()}


def restore_cell(value: str) -> str:
    """The text :func:`safe_cell` neutralised, as it was written."""
    if value.startswith("'") and value[1:].startswith(TRIGGERS):
        return value[1:]
    return value

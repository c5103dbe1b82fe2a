"""Keep personal data out of everything published: every text goes through ``redact``.

The personal-data guard (``services.personal_data``) holds flagged perspectives at submit;
this module is the second line: whatever a facilitator approved, the snapshot carries the
redacted text, and every other string (alternatives, proposals, reasons, theme labels,
notes) is scanned the same way before it is stored.
"""

from __future__ import annotations

import re
from typing import Any

from dialog.services.personal_data import find_personal_data, redact

#: Dates and timestamps we wrote ourselves look like long numbers to the phone pattern.
_OWN_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                            r"(?:Z|[+-]\d{2}:\d{2})?)?")


def clean_text(text: str) -> str:
    """Return ``text`` with every personal-data match replaced by a placeholder."""
    if _OWN_TIMESTAMP.fullmatch(text):
        return text
    return redact(text)


def guard(value: Any) -> Any:
    """Return a copy of JSON-like ``value`` with every string (and key) cleaned."""
    return _guarded(value, {})


def _guarded(value: Any, seen: dict[str, str]) -> Any:
    # A snapshot repeats the same strings many times (texts, node ids, kinds): clean each once.
    if isinstance(value, str):
        cleaned = seen.get(value)
        if cleaned is None:
            cleaned = seen[value] = clean_text(value)
        return cleaned
    if isinstance(value, dict):
        return {_guarded(k, seen) if isinstance(k, str) else k: _guarded(v, seen)
                for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_guarded(item, seen) for item in value]
    return value


def leaks(value: Any) -> list[str]:
    """Return every string in ``value`` that still holds personal data (empty when clean)."""
    if isinstance(value, str):
        return [] if _OWN_TIMESTAMP.fullmatch(value) or not find_personal_data(value) else [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in leaks(k) + leaks(v)]
    if isinstance(value, list | tuple):
        return [s for item in value for s in leaks(item)]
    return []

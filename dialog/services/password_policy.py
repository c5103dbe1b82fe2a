"""What a facilitator's password must be: long, not blank, not a repeat, not a common one.

The common ones are ``common_passwords.txt`` beside this module (made by
``tools/make_common_passwords.py``), compared case-insensitively.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from dialog.errors import DialogError

MIN_PASSWORD_LENGTH = 12
#: Fewer different characters than this is a pattern, not a password.
MIN_DISTINCT_CHARACTERS = 5


@cache
def common_passwords() -> frozenset[str]:
    text = files("dialog.services").joinpath("common_passwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def is_repeat(password: str) -> bool:
    """``abcabcabc``, ``121212``: one short piece said again and again."""
    size = len(password)
    return any(size % unit == 0 and password[:unit] * (size // unit) == password
               for unit in range(1, size // 2 + 1))


def check_password(password: str) -> None:
    """Refuse a password a guesser would try early, with a code that says why."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise DialogError("password_too_short", min=MIN_PASSWORD_LENGTH)
    if (not password.strip() or len(set(password)) < MIN_DISTINCT_CHARACTERS
            or is_repeat(password)):
        raise DialogError("password_too_simple", min=MIN_DISTINCT_CHARACTERS)
    if password.strip().lower() in common_passwords():
        raise DialogError("password_too_common")

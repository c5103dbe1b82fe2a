"""Slow down join-code guessing: wrong codes are counted per client address.

Only a wrong code counts. A school's Wi-Fi puts a whole room behind one address, and thirty
phones joining with the right code at once must never be slowed; someone trying codes is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from dialog.services.throttle import Rule
from dialog.web.throttling import counting_wrong_guesses

#: Wrong join codes one client address may try; a mistyped code or two never comes close.
JOIN_CODE_GUESSES = Rule("join-code-guess", "20/minute", code="join_code_throttled")

#: Refusals that mean "no such code" (a closed workshop's code is a right guess, too).
_WRONG = frozenset({"join_code_unknown", "workshop_closed"})

T = TypeVar("T")


def check_join_code(lookup: Callable[[], T]) -> T:
    """Run ``lookup`` (anything that checks a join code) unless this client guessed too often."""
    return counting_wrong_guesses(JOIN_CODE_GUESSES, _WRONG, lookup)

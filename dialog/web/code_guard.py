"""Slow down participant-code guessing: wrong codes are counted per client address.

Only a wrong code counts: a class coming back through one school Wi-Fi, each with their own
card, is never slowed; someone trying word after word is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import request

from dialog.services.throttle import Rule
from dialog.web.throttling import counting_wrong_guesses

#: Wrong participant codes one client address may try; a typo or two never comes close.
PARTICIPANT_CODE_GUESSES = Rule("participant-code-guess", "10/minute",
                                code="participant_code_throttled")

T = TypeVar("T")


def check_participant_code(run: Callable[[], T]) -> T:
    """Run ``run`` (a join that may carry a participant code) unless this client guessed
    too often; a wrong code counts one guess. A join without a code is not slowed here."""
    sent = request.get_json(silent=True)
    if not isinstance(sent, dict) or sent.get("participant_code") in (None, ""):
        return run()
    return counting_wrong_guesses(PARTICIPANT_CODE_GUESSES,
                                  frozenset({"participant_code_unknown"}), run)

"""What one participant may send, and how often: the same rules over HTTP and Socket.IO.

Every action a phone sends something with is listed here once, with its rate. A blocked
participant (``services.participant_blocks``) is refused every one of them with 403
``participant_blocked``; one that sends too fast gets 429 ``participant_throttled``.
Reading (the next perspective, one's own perspectives, the screen) is never limited here.

The rates are generous for a real room: ten perspectives a minute is a lot of writing on a
phone, and a reaction is a quick swipe, so reactions may come every half second.
"""

from __future__ import annotations

from dialog.errors import Forbidden
from dialog.models import Participant
from dialog.services.throttle import Rule, Throttle

CODE = "participant_throttled"

_TEXTS = Rule("participant-texts", "10/minute", code=CODE)
_ANSWERS = Rule("participant-answers", "60/minute", code=CODE)

#: Action name -> the rule that counts it (actions sharing a rule share one count).
SENDING: dict[str, Rule] = {
    "perspective.submit": _TEXTS,
    "reflection.submit": Rule("participant-reflections", "10/minute", code=CODE),
    "reaction.submit": Rule("participant-reactions", "120/minute", code=CODE),
    "link.create": Rule("participant-links", "30/minute", code=CODE),
    "checkback.rate": _ANSWERS,
    "vote.cast": _ANSWERS,
    "minority.answer": _ANSWERS,
    "fishing.answer": _ANSWERS,
}


def admit(throttle: Throttle, action_name: str, participant: Participant) -> None:
    """Refuse a blocked participant, or one over the action's rate; else count the send."""
    rule = SENDING.get(action_name)
    if rule is None:
        return
    if participant.blocked:
        raise Forbidden("participant_blocked")
    # Keyed by the participant's token hash: unique for ever, unlike a row id (and never the
    # token itself).
    throttle.hit(rule, participant.token_hash)

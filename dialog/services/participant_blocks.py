"""Block a participant's submissions, and lift the block; both are moderation decisions.

Blocking never deletes: what the participant already wrote stays (public records law) and is
moderated like anything else. The decision goes to the moderation log with its reason, and
``participant-blocked`` tells the live layer to drop the phone's connections.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from dialog.errors import NotFound
from dialog.events import record
from dialog.models import Facilitator, ModerationStatus, Participant
from dialog.models.base import utcnow
from dialog.services.moderation import log_decision

#: How a block reads in the moderation log: the participant's submissions go from allowed
#: (approved) to held (hidden), and back.
_STATUS = {True: ModerationStatus.HIDDEN, False: ModerationStatus.APPROVED}


def set_blocked(session: Session, participant: Participant, facilitator: Facilitator | None,
                blocked: bool, reason: Any = "", *, announce: bool = True) -> Participant:
    """Block (or unblock) ``participant``; logged, announced, nothing deleted."""
    was = participant.blocked
    log_decision(session, process_id=participant.process_id, subject_type="participant",
                 subject_id=participant.id, facilitator=facilitator,
                 action="block" if blocked else "unblock", from_status=_STATUS[was],
                 to_status=_STATUS[blocked], reason=reason)
    if blocked != was:
        participant.blocked_at = utcnow() if blocked else None
    session.flush()
    if blocked and announce:
        record(session, "participant-blocked", participant_id=participant.id,
               process_id=participant.process_id)
    return participant


def mark_blocked(session: Session, participant_id: int) -> Participant:
    """Block without a facilitator or an announcement (the CLI, or another server process)."""
    participant = session.get(Participant, participant_id)
    if participant is None:
        raise NotFound("participant_not_found")
    return set_blocked(session, participant, None, True, "", announce=False)

"""Block and unblock a participant (facilitators): moderation of a sender, not of a text."""

from __future__ import annotations

from dialog.actions import Call, Input, Output, Role, Target, operation
from dialog.actions.fields import Id, LooseOptionalText, Timestamp
from dialog.models import Participant
from dialog.services import participant_blocks


class ParticipantRef(Input):
    participant_id: Id
    reason: LooseOptionalText = None


class ParticipantOut(Output):
    """A participant as a facilitator sees one: no token, nothing that identifies a person."""

    id: int
    process_id: int
    workshop_id: int | None
    blocked: bool
    blocked_at: Timestamp | None
    created_at: Timestamp


@operation("participant.block", input=ParticipantRef, role=Role.FACILITATOR,
           result=ParticipantOut, target=Target(Participant, "participant_id"))
def block(call: Call[ParticipantRef]) -> Participant:
    """Block a participant's further submissions; what they wrote stays. Logged."""
    return participant_blocks.set_blocked(call.session, call.target, call.facilitator, True,
                                          call.input.reason or "")


@operation("participant.unblock", input=ParticipantRef, role=Role.FACILITATOR,
           result=ParticipantOut, target=Target(Participant, "participant_id"))
def unblock(call: Call[ParticipantRef]) -> Participant:
    """Let a blocked participant submit again. Logged."""
    return participant_blocks.set_blocked(call.session, call.target, call.facilitator, False,
                                          call.input.reason or "")

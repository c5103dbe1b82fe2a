"""Open a meeting (a workshop), read and change it, and join it with a code."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import WithJsonSchema

from dialog.actions import Call, Input, Output, Role, StrictInput, Target, operation
from dialog.actions.fields import Id, LooseOptionalText
from dialog.models import MeetingFormat, Process, Workshop
from dialog.schemas import WorkshopOut
from dialog.services import meetings, participants, workshops

Moment = Annotated[Any, WithJsonSchema({"type": ["string", "null"], "format": "date-time"})]
Names = Annotated[Any, WithJsonSchema({"type": "array", "items": {"type": "string"}})]
Format = Annotated[Any, WithJsonSchema({"enum": [f.value for f in MeetingFormat]})]
Switch = Annotated[Any, WithJsonSchema({"type": "boolean"})]


class MeetingFields(StrictInput):
    """Where and when a meeting is, its format, for whom, its team and agenda."""

    place: LooseOptionalText = None
    starts_at: Moment = None
    ends_at: Moment = None
    format: Format = None
    target_groups: Names = None
    facilitators: Names = None
    agenda: LooseOptionalText = None
    requires_participant_code: Switch = None

    def given_meeting(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in meetings.FIELDS
                if name in self.model_fields_set}


class OpenWorkshop(MeetingFields):
    process_id: Id
    title: LooseOptionalText = None
    pre_moderation: bool | None = None


@operation("workshop.open", input=OpenWorkshop, role=Role.FACILITATOR, result=WorkshopOut,
           target=Target(Process, "process_id"))
def open_workshop(call: Call[OpenWorkshop]) -> Workshop:
    """Open a meeting of the process, with a fresh join code, its place, time and team."""
    workshop = workshops.open_workshop(call.session, call.target, title=call.input.title,
                                       pre_moderation=bool(call.input.pre_moderation))
    meetings.describe_meeting(call.session, workshop, call.input.given_meeting(),
                              announce=False)
    return workshop


class WorkshopRef(Input):
    """A read: a query string may carry more (e.g. ``lang``)."""

    workshop_id: Id


class Attendance(Output):
    total: int
    returning: int
    groups: list[dict[str, Any]]


class MeetingOut(WorkshopOut):
    """A meeting with who came, per stakeholder group (people, not joins)."""

    attendance: Attendance


@operation("workshop.get", input=WorkshopRef, role=Role.FACILITATOR, result=MeetingOut,
           target=Target(Workshop, "workshop_id"), changes=False)
def get_workshop(call: Call[WorkshopRef]) -> MeetingOut:
    """A meeting: its code, state, place and time, format, team, agenda, phase, attendance."""
    workshop: Workshop = call.target
    return MeetingOut.model_validate(
        {**WorkshopOut.dump(workshop),
         "attendance": meetings.attendance(call.session, workshop)})


class ChangeWorkshop(MeetingFields):
    workshop_id: Id
    title: LooseOptionalText = None
    state: Annotated[Any, WithJsonSchema({"enum": ["open", "paused", "closed"]})] = None
    pre_moderation: Any = None


@operation("workshop.update", input=ChangeWorkshop, role=Role.FACILITATOR, result=WorkshopOut,
           target=Target(Workshop, "workshop_id"))
def update_workshop(call: Call[ChangeWorkshop]) -> Workshop:
    """Open, pause or close a meeting, switch pre-moderation, or change its details."""
    workshop: Workshop = call.target
    given = call.input.model_fields_set
    if "title" in given:
        workshops.retitle(workshop, call.input.title)
    if "state" in given:
        workshops.set_state(call.session, workshop, call.input.state)
    if "pre_moderation" in given:
        workshops.set_pre_moderation(call.session, workshop, bool(call.input.pre_moderation))
    if call.input.given_meeting() or "title" in given:
        meetings.describe_meeting(call.session, workshop, call.input.given_meeting())
    return workshop


class Join(StrictInput):
    join_code: LooseOptionalText = None
    stakeholder_group: LooseOptionalText = None
    age_band: LooseOptionalText = None
    #: Three words from an earlier meeting or a printed card: come back as the same person.
    participant_code: LooseOptionalText = None


class Joined(Output):
    participant_token: str
    workshop_id: int
    process_id: int
    #: Write it down: entered at a later meeting, it brings back the same participant.
    participant_code: str
    returning: bool


@operation("workshop.join", input=Join, role=Role.PUBLIC, result=Joined)
def join(call: Call[Join]) -> Joined:
    """Join an open meeting with its code; the answer is the phone's bearer token."""
    joining = participants.join_meeting(
        call.session, call.input.join_code, stakeholder_group=call.input.stakeholder_group,
        age_band=call.input.age_band, participant_code=call.input.participant_code)
    participant = joining.participant
    return Joined(participant_token=joining.token, workshop_id=participant.workshop_id,
                  process_id=participant.process_id, participant_code=joining.participant_code,
                  returning=joining.returning)

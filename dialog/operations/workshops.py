"""Open a workshop, read and change it, and join it with a code."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import WithJsonSchema

from dialog.actions import Call, Input, Output, Role, Target, operation
from dialog.actions.fields import Id, LooseOptionalText
from dialog.models import Process, Workshop
from dialog.schemas import WorkshopOut
from dialog.services import participants, workshops


class OpenWorkshop(Input):
    process_id: Id
    title: LooseOptionalText = None
    pre_moderation: bool | None = None


@operation("workshop.open", input=OpenWorkshop, role=Role.FACILITATOR, result=WorkshopOut,
           target=Target(Process, "process_id"))
def open_workshop(call: Call[OpenWorkshop]) -> Workshop:
    """Open a workshop of the process, with a fresh join code."""
    return workshops.open_workshop(call.session, call.target, title=call.input.title,
                                   pre_moderation=bool(call.input.pre_moderation))


class WorkshopRef(Input):
    workshop_id: Id


@operation("workshop.get", input=WorkshopRef, role=Role.FACILITATOR, result=WorkshopOut,
           target=Target(Workshop, "workshop_id"), changes=False)
def get_workshop(call: Call[WorkshopRef]) -> Workshop:
    """A workshop: its code, state and moderation setting."""
    workshop: Workshop = call.target
    return workshop


class ChangeWorkshop(Input):
    workshop_id: Id
    state: Annotated[Any, WithJsonSchema({"enum": ["open", "paused", "closed"]})] = None
    pre_moderation: Any = None


@operation("workshop.update", input=ChangeWorkshop, role=Role.FACILITATOR, result=WorkshopOut,
           target=Target(Workshop, "workshop_id"))
def update_workshop(call: Call[ChangeWorkshop]) -> Workshop:
    """Open, pause or close a workshop, or switch pre-moderation."""
    workshop: Workshop = call.target
    given = call.input.model_fields_set
    if "state" in given:
        workshops.set_state(call.session, workshop, call.input.state)
    if "pre_moderation" in given:
        workshops.set_pre_moderation(call.session, workshop, bool(call.input.pre_moderation))
    return workshop


class Join(Input):
    join_code: LooseOptionalText = None
    stakeholder_group: LooseOptionalText = None
    age_band: LooseOptionalText = None


class Joined(Output):
    participant_token: str
    workshop_id: int
    process_id: int


@operation("workshop.join", input=Join, role=Role.PUBLIC, result=Joined)
def join(call: Call[Join]) -> Joined:
    """Join an open workshop with its code; the answer is the phone's bearer token."""
    participant, token = participants.join(
        call.session, call.input.join_code, stakeholder_group=call.input.stakeholder_group,
        age_band=call.input.age_band)
    return Joined(participant_token=token, workshop_id=participant.workshop_id,
                  process_id=participant.process_id)

"""A process over months and places: printed participant cards, stakeholder groups that
grow (add, rename, merge with history) and the outreach plan for the groups not heard yet."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, WithJsonSchema

from dialog.actions import Call, Output, Role, StrictInput, Target, operation
from dialog.actions.fields import Id, LooseOptionalText, LooseText, Timestamp
from dialog.actions.inputs import OfProcess
from dialog.models import OutreachAction, OutreachStatus, Process, StakeholderGroup
from dialog.services import groups, outreach, participant_codes


class PrintCards(StrictInput):
    process_id: Id
    count: Annotated[Any, WithJsonSchema({"type": "integer", "minimum": 1,
                                          "maximum": participant_codes.MAX_CARDS})] = None


class Cards(Output):
    process_id: int
    #: The codes, shown this once (only their hashes are kept): print them now.
    codes: list[str]


@operation("participant_cards.print", input=PrintCards, role=Role.FACILITATOR, result=Cards,
           target=Target(Process, "process_id"))
def print_cards(call: Call[PrintCards]) -> Cards:
    """Participant codes for printed cards (e.g. a school class), each for one person."""
    codes = participant_codes.print_cards(call.session, call.target, call.input.count)
    return Cards(process_id=call.target.id, codes=codes)


class GroupOut(Output):
    id: int
    name: str
    position: int


class GroupChangeOut(Output):
    kind: str
    name_before: str
    name_after: str
    at: Timestamp


class GroupList(Output):
    groups: list[GroupOut]
    history: list[GroupChangeOut]


class NewGroup(StrictInput):
    process_id: Id
    name: LooseText = None


@operation("stakeholder_group.add", input=NewGroup, role=Role.FACILITATOR, result=GroupOut,
           target=Target(Process, "process_id"))
def add_group(call: Call[NewGroup]) -> StakeholderGroup:
    """Add a stakeholder group; phones can choose it at once."""
    return groups.add_group(call.session, call.target, call.input.name, call.facilitator)


@operation("stakeholder_group.list", input=OfProcess, role=Role.FACILITATOR, result=GroupList,
           target=Target(Process, "process_id"), changes=False)
def list_groups(call: Call[OfProcess]) -> dict[str, Any]:
    """The stakeholder groups and how they changed (added, renamed, merged)."""
    return {"groups": call.target.stakeholder_groups,
            "history": groups.history(call.session, call.target)}


class ChangeGroup(StrictInput):
    group_id: Id
    name: LooseOptionalText = None
    #: The name of the group to merge this one into.
    merge_into: LooseOptionalText = None


@operation("stakeholder_group.update", input=ChangeGroup, role=Role.FACILITATOR,
           result=GroupOut, target=Target(StakeholderGroup, "group_id"))
def change_group(call: Call[ChangeGroup]) -> StakeholderGroup:
    """Rename a group, or merge it into another (the answer is the group that remains)."""
    group: StakeholderGroup = call.target
    if call.input.merge_into not in (None, ""):
        return groups.merge_group(call.session, group, call.input.merge_into, call.facilitator)
    return groups.rename_group(call.session, group, call.input.name, call.facilitator)


class OutreachOut(Output):
    id: int
    process_id: int
    stakeholder_group: str | None = Field(validation_alias="group_name")
    action: str
    where: str = Field(validation_alias="place")
    when: str = Field(validation_alias="due")
    responsible: str
    status: OutreachStatus
    created_at: Timestamp
    updated_at: Timestamp


class OutreachPlan(Output):
    outreach: list[OutreachOut]


class OutreachFields(StrictInput):
    stakeholder_group: LooseOptionalText = None
    action: LooseOptionalText = None
    where: LooseOptionalText = None
    when: Annotated[Any, WithJsonSchema({"type": ["string", "null"],
                                         "description": "a date or ISO 8601 moment"})] = None
    responsible: LooseOptionalText = None

    def given(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.model_fields_set}


class NewOutreach(OutreachFields):
    process_id: Id


@operation("outreach.plan", input=NewOutreach, role=Role.FACILITATOR, result=OutreachOut,
           target=Target(Process, "process_id"))
def plan_outreach(call: Call[NewOutreach]) -> OutreachAction:
    """Plan a step to hear a stakeholder group the process is missing."""
    return outreach.plan(call.session, call.target, call.input.given())


@operation("outreach.list", input=OfProcess, role=Role.FACILITATOR, result=OutreachPlan,
           target=Target(Process, "process_id"), changes=False)
def list_outreach(call: Call[OfProcess]) -> dict[str, Any]:
    """The outreach plan with each step's status."""
    return {"outreach": outreach.plan_of(call.session, call.target)}


class ChangeOutreach(OutreachFields):
    outreach_id: Id
    status: Annotated[Any, WithJsonSchema({"enum": [s.value for s in OutreachStatus]})] = None


@operation("outreach.update", input=ChangeOutreach, role=Role.FACILITATOR, result=OutreachOut,
           target=Target(OutreachAction, "outreach_id"))
def change_outreach(call: Call[ChangeOutreach]) -> OutreachAction:
    """Mark a step done or cancelled, or change its details."""
    return outreach.change(call.session, call.target, call.input.given())


"""Alternatives: draft from what was said, read, edit or hide, and conclude the loop."""

from __future__ import annotations

from typing import Any

from dialog.actions import Call, Input, Output, Role, Target, operation
from dialog.actions.fields import Id, LooseIds, LooseText
from dialog.actions.inputs import OfProcess
from dialog.models import Alternative, Process
from phases.konkretisering import alternatives, minority_wisdom
from phases.konkretisering.operations import LooseFlag
from phases.konkretisering.schemas import AlternativeFull
from phases.konkretisering.trace import alternative_full

ALTERNATIVE = Target(Alternative, "alternative_id")


class Alternatives(Output):
    alternatives: list[AlternativeFull]


class Draft(OfProcess):
    title: LooseText = None
    description: LooseText = ""
    perspective_ids: LooseIds = None
    reflection_ids: LooseIds = None


class OneAlternative(Input):
    alternative_id: Id


class Change(OneAlternative):
    """Only the fields sent change; ``hidden`` hides it from the room (with a reason)."""

    title: LooseText = None
    description: LooseText = None
    perspective_ids: LooseIds = None
    reflection_ids: LooseIds = None
    hidden: LooseFlag = None
    reason: LooseText = ""


@operation("alternative.list", input=OfProcess, role=Role.FACILITATOR, result=Alternatives,
           target=Target(Process, "process_id"), changes=False)
def list_alternatives(call: Call[OfProcess]) -> dict[str, Any]:
    """Every alternative of a process with what lies behind it."""
    return {"alternatives": [alternative_full(call.session, a)
                             for a in alternatives.alternatives_of(call.session, call.target)]}


@operation("alternative.draft", input=Draft, role=Role.FACILITATOR, result=AlternativeFull,
           target=Target(Process, "process_id"))
def draft(call: Call[Draft]) -> dict[str, Any]:
    """Draft an alternative, linked to the perspectives (and reflections) behind it."""
    data = call.input
    drafted = alternatives.draft_alternative(
        call.session, call.target, call.facilitator, title=data.title,
        description=data.description, perspective_ids=data.perspective_ids,
        reflection_ids=data.reflection_ids)
    return alternative_full(call.session, drafted)


@operation("alternative.get", input=OneAlternative, role=Role.FACILITATOR,
           result=AlternativeFull, target=ALTERNATIVE, changes=False)
def get(call: Call[OneAlternative]) -> dict[str, Any]:
    """An alternative with its sources, check-backs, votes, amendments and history."""
    return alternative_full(call.session, call.target)


@operation("alternative.update", input=Change, role=Role.FACILITATOR, result=AlternativeFull,
           target=ALTERNATIVE)
def update(call: Call[Change]) -> dict[str, Any]:
    """Edit an undecided alternative between votes, or hide it (nothing is deleted)."""
    data, found = call.input, call.target
    sent = data.model_fields_set
    if "hidden" in sent:
        alternatives.set_hidden(call.session, found, call.facilitator, data.hidden is True,
                                data.reason)
    edits = {k: getattr(data, k) for k in ("title", "description", "perspective_ids",
                                            "reflection_ids") if k in sent}
    if edits:
        alternatives.update_alternative(call.session, found, call.facilitator, **edits)
    return alternative_full(call.session, found)


@operation("alternative.conclude", input=OneAlternative, role=Role.FACILITATOR,
           result=AlternativeFull, target=ALTERNATIVE)
def conclude(call: Call[OneAlternative]) -> dict[str, Any]:
    """End the loop on the last closed vote; the minority left is recorded as dissent."""
    minority_wisdom.conclude(call.session, call.target, call.facilitator)
    return alternative_full(call.session, call.target)

"""Inventering's actions: a phone sends a perspective (exactly once) and reads its own."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import WithJsonSchema

from dialog.actions import Call, Input, Output, Role, Target, operation
from dialog.actions.fields import ClientId, Id, LooseOptionalText, LooseText
from dialog.actions.inputs import NoInput
from dialog.models import ModerationStatus, Workshop
from dialog.schemas import PerspectiveOut, WorkshopOut
from dialog.services.perspectives import perspectives_of_workshop
from dialog.services.redaction import latest_notes
from phases.inventering.perspectives import (
    for_wall,
    perspectives_of_participant,
    submit_perspective,
)


class NewPerspective(Input):
    workshop_id: Id
    text: LooseText = None
    kind: Annotated[Any, WithJsonSchema({"enum": ["standpoint", "feeling", "idea",
                                                  "thought"]})] = None
    stakeholder_group: LooseOptionalText = None
    client_id: ClientId


class Submitted(Output):
    id: int
    status: str
    duplicate: bool
    client_id: str


@operation("perspective.submit", input=NewPerspective, role=Role.PARTICIPANT, result=Submitted)
def submit(call: Call[NewPerspective]) -> Submitted:
    """Send a perspective; a resend with the same client_id returns the first one."""
    data = call.input
    workshop = call.reachable(Workshop, data.workshop_id)
    perspective, duplicate = submit_perspective(
        call.session, call.participant, workshop, text=data.text, kind=data.kind,
        stakeholder_group=data.stakeholder_group, client_id=data.client_id)
    return Submitted(id=perspective.id, status=perspective.status.value, duplicate=duplicate,
                     client_id=perspective.client_id or data.client_id)



class ModerationNote(Output):
    #: ``redact`` (the text was edited, ``text`` is what is shown) or ``hide``.
    action: str
    reason: str
    text: str | None = None


class MyPerspective(PerspectiveOut):
    #: What the facilitator changed and why, when the perspective was redacted or hidden.
    note: ModerationNote | None = None


class MyPerspectives(Output):
    perspectives: list[MyPerspective]


@operation("perspective.mine", input=NoInput, role=Role.PARTICIPANT, result=MyPerspectives)
def mine(call: Call[NoInput]) -> dict[str, list[dict[str, Any]]]:
    """The calling phone's own perspectives with their moderation status and notes."""
    own = perspectives_of_participant(call.session, call.participant)
    notes = latest_notes(call.session, [p.id for p in own])
    return {"perspectives": [{**PerspectiveOut.dump(p), "note": notes.get(p.id)} for p in own]}


class WatchWorkshop(Input):
    workshop_id: Id
    #: ``projector`` for the wall (approved perspectives, nobody's ids), else the console.
    view: Annotated[Any, WithJsonSchema({"enum": ["console", "projector"]})] = None


class Watched(Output):
    workshop: WorkshopOut
    perspectives: list[dict[str, Any]]
    view: str


@operation("workshop.watch", input=WatchWorkshop, role=Role.FACILITATOR, result=Watched,
           target=Target(Workshop, "workshop_id"))
def watch(call: Call[WatchWorkshop]) -> dict[str, Any]:
    """What a workshop console or its wall shows when it starts following the workshop."""
    found = PerspectiveOut.dump_all(perspectives_of_workshop(call.session, call.target))
    if call.input.view == "projector":
        shown = [for_wall(p) for p in found if p["status"] == ModerationStatus.APPROVED.value]
        return {"workshop": call.target, "perspectives": shown, "view": "projector"}
    return {"workshop": call.target, "perspectives": found, "view": "console"}

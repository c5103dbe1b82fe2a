"""Inventering's actions: a phone sends a perspective (exactly once) and reads its own."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, WithJsonSchema

from dialog.actions import Call, Input, Output, Role, StrictInput, Target, operation
from dialog.actions.fields import ClientId, Id, LooseOptionalText, LooseText
from dialog.actions.inputs import NoInput
from dialog.models import ModerationStatus, Process, Workshop
from dialog.publication.publishing import latest
from dialog.publication.usage import used_in
from dialog.schemas import PerspectiveOut, WorkshopOut
from dialog.services.perspectives import perspectives_of_workshop
from dialog.services.redaction import latest_notes
from phases.inventering.entered import SOURCES, enter_perspective
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


class EnteredPerspective(StrictInput):
    workshop_id: Id
    text: LooseText = None
    kind: Annotated[Any, WithJsonSchema({"enum": ["standpoint", "feeling", "idea",
                                                  "thought"]})] = None
    stakeholder_group: LooseOptionalText = None
    #: Where the facilitator heard it.
    source: Annotated[Any, WithJsonSchema({"enum": list(SOURCES)})] = None
    client_id: LooseOptionalText = None


class Entered(Submitted):
    source: str


@operation("perspective.enter", input=EnteredPerspective, role=Role.FACILITATOR,
           result=Entered, target=Target(Workshop, "workshop_id"))
def enter(call: Call[EnteredPerspective]) -> Entered:
    """A facilitator enters a perspective heard outside the room, with its source."""
    data = call.input
    perspective, duplicate = enter_perspective(
        call.session, call.facilitator, call.target, text=data.text, kind=data.kind,
        source=data.source, stakeholder_group=data.stakeholder_group, client_id=data.client_id)
    return Entered(id=perspective.id, status=perspective.status.value, duplicate=duplicate,
                   client_id=perspective.client_id, source=perspective.source or "")


class UsedIn(Output):
    """A published proposal built on the perspective, and where to read it."""

    proposal_id: int
    title: str
    url: str


class ModerationNote(Output):
    #: ``redact`` (the text was edited, ``text`` is what is shown) or ``hide``.
    action: str
    #: Why, in the reader's language when it is a common reason, else as written.
    reason: str
    #: The common reason's stable code (``personal_data`` ... ``default``), else null.
    reason_code: str | None = None
    text: str | None = None


class MyPerspective(PerspectiveOut):
    #: What the facilitator changed and why, when the perspective was redacted or hidden.
    note: ModerationNote | None = None
    used_in: list[UsedIn] = Field(default_factory=list)


class MyPerspectives(Output):
    perspectives: list[MyPerspective]
    #: The process's public page, once something is published (else null).
    publication_url: str | None = None


@operation("perspective.mine", input=NoInput, role=Role.PARTICIPANT, result=MyPerspectives)
def mine(call: Call[NoInput]) -> dict[str, Any]:
    """The calling phone's own perspectives: status, moderators' notes, where they ended up."""
    own = perspectives_of_participant(call.session, call.participant)
    process = call.session.get(Process, call.participant.process_id)
    assert process is not None
    ids = [p.id for p in own]
    publication = latest(call.session, process)
    usage = used_in(call.session, process, ids, publication)
    notes = latest_notes(call.session, ids, call.locale)  # a coded reason in my language
    shown = [{**PerspectiveOut.dump(p), "used_in": usage.get(p.id, []), "note": notes.get(p.id)}
             for p in own]
    return {"perspectives": shown,
            "publication_url": f"/p/{process.slug}" if publication else None}


class WatchWorkshop(Input):
    workshop_id: Id
    #: ``projector`` for the wall (approved perspectives, nobody's ids), else the console.
    view: Annotated[Any, WithJsonSchema({"enum": ["console", "projector"]})] = None


class Watched(Output):
    workshop: WorkshopOut
    perspectives: list[dict[str, Any]]
    view: str


@operation("workshop.watch", input=WatchWorkshop, role=Role.FACILITATOR, result=Watched,
           target=Target(Workshop, "workshop_id"), changes=False)
def watch(call: Call[WatchWorkshop]) -> dict[str, Any]:
    """What a workshop console or its wall shows when it starts following the workshop."""
    found = PerspectiveOut.dump_all(perspectives_of_workshop(call.session, call.target))
    if call.input.view == "projector":
        shown = [for_wall(p) for p in found if p["status"] == ModerationStatus.APPROVED.value]
        return {"workshop": call.target, "perspectives": shown, "view": "projector"}
    return {"workshop": call.target, "perspectives": found, "view": "console"}

"""Programmes: create one, add processes to it (each the caller may change), read it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import Field

from dialog import policy
from dialog.actions import Call, Input, Output, Role, operation
from dialog.actions.fields import Id, LooseText
from dialog.models import Process, Programme
from dialog.services import programmes


class NewProgramme(Input):
    title: LooseText = None
    #: Lower-case letters, digits and hyphens; made from the title when left out.
    slug: LooseText = None
    description: LooseText = ""


class OfProgramme(Input):
    programme_id: Id


class AddProcess(OfProgramme):
    process_id: Id


class ProgrammeProcess(Output):
    id: int
    slug: str
    title: str


class PublishedProcess(Output):
    slug: str
    title: str
    version: int
    published_at: datetime
    counts: dict[str, int]


class ProgrammeOut(Output):
    id: int
    slug: str
    title: str
    description: str
    processes: list[ProgrammeProcess]
    #: What the public page shows: only processes that have published, from their latest
    #: publication.
    published: list[PublishedProcess] = Field(default_factory=list)


def shown(call: Call[Any], programme: Programme) -> ProgrammeOut:
    base = ProgrammeOut.model_validate(programme, from_attributes=True)
    published = [PublishedProcess(**item)
                 for item in programmes.public_summary(call.session, programme)]
    return base.model_copy(update={"published": published})


def owned(call: Call[Any], programme_id: int) -> Programme:
    programme = policy.load(call.session, Programme, programme_id)
    policy.require_programme(call.facilitator, programme)
    return programme


@operation("programme.create", input=NewProgramme, role=Role.FACILITATOR, result=ProgrammeOut)
def create(call: Call[NewProgramme]) -> ProgrammeOut:
    """Create a programme that groups processes under one public summary."""
    data = call.input
    made = programmes.create(call.session, call.facilitator, title=data.title, slug=data.slug,
                             description=data.description)
    return shown(call, made)


@operation("programme.get", input=OfProgramme, role=Role.FACILITATOR, result=ProgrammeOut,
           changes=False)
def get(call: Call[OfProgramme]) -> ProgrammeOut:
    """A programme with its processes and what of them is published."""
    return shown(call, owned(call, call.input.programme_id))


@operation("programme.add_process", input=AddProcess, role=Role.FACILITATOR,
           result=ProgrammeOut)
def add_process(call: Call[AddProcess]) -> ProgrammeOut:
    """Add a process the caller may change to the programme."""
    programme = owned(call, call.input.programme_id)
    process = call.managed(Process, call.input.process_id)
    return shown(call, programmes.add_process(call.session, programme, process))

"""Create processes and read them with their perspectives and moderation log."""

from __future__ import annotations

from typing import Any

from dialog.actions import Call, Input, Output, Role, Target, operation
from dialog.actions.fields import LooseIds, LooseOptionalText
from dialog.actions.inputs import NoInput, OfProcess
from dialog.models import Process
from dialog.schemas import PerspectiveOut, ProcessOut
from dialog.services import moderation, processes, tallies
from dialog.services.perspectives import perspectives_of_process


class NewProcess(Input):
    title: LooseOptionalText = None
    question: LooseOptionalText = None
    stakeholder_groups: LooseIds = None
    description: LooseOptionalText = None
    owner_organisation: LooseOptionalText = None
    language: LooseOptionalText = None


class CreatedProcess(Output):
    id: int
    slug: str


@operation("process.create", input=NewProcess, role=Role.FACILITATOR, result=CreatedProcess)
def create_process(call: Call[NewProcess]) -> Process:
    """Create a process with its stakeholder groups; inventering round 1 opens."""
    data = call.input
    return processes.create_process(
        call.session, call.facilitator, title=data.title, question=data.question,
        stakeholder_groups=data.stakeholder_groups, description=str(data.description or ""),
        owner_organisation=str(data.owner_organisation or ""),
        language=str(data.language or "sv"))



class ProcessList(Output):
    processes: list[ProcessOut]


@operation("process.list", input=NoInput, role=Role.FACILITATOR, result=ProcessList)
def list_processes(call: Call[NoInput]) -> dict[str, Any]:
    """The calling facilitator's processes, newest first."""
    return {"processes": processes.processes_of(call.session, call.facilitator)}



class ProcessWithTally(ProcessOut):
    #: Perspectives per stakeholder group and kind, with what is missing.
    tally: dict[str, Any]


@operation("process.get", input=OfProcess, role=Role.FACILITATOR, result=ProcessWithTally,
           target=Target(Process, "process_id"), changes=False)
def get_process(call: Call[OfProcess]) -> ProcessWithTally:
    """A process with its groups, phases and the tally of perspectives."""
    process: Process = call.target
    shown = ProcessOut.model_validate(process, from_attributes=True)
    return ProcessWithTally(**dict(shown), tally=tallies.tally(call.session, process))


class PerspectiveList(Output):
    perspectives: list[PerspectiveOut]


@operation("process.perspectives", input=OfProcess, role=Role.FACILITATOR,
           result=PerspectiveList, target=Target(Process, "process_id"), changes=False)
def list_perspectives(call: Call[OfProcess]) -> dict[str, Any]:
    """Every perspective of the process, hidden ones included, oldest first."""
    return {"perspectives": perspectives_of_process(call.session, call.target)}


class ModerationLog(Output):
    events: list[dict[str, Any]]


@operation("process.moderation_log", input=OfProcess, role=Role.FACILITATOR,
           result=ModerationLog, target=Target(Process, "process_id"), changes=False)
def moderation_log(call: Call[OfProcess]) -> dict[str, Any]:
    """Every moderation decision of the process, oldest first."""
    return {"events": moderation.moderation_log(call.session, call.target.id)}

"""The phase machinery's actions: open the next phase (or a new round), close one, read them,
and tell a phone which screen the open phase shows."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import WithJsonSchema

from dialog.actions import Call, Input, Role, Target, operation
from dialog.actions.fields import Id, LooseIds
from dialog.actions.inputs import NoInput, OfProcess
from dialog.i18n import translate
from dialog.models import Phase, PhaseKind, PhaseStatus, Process, Workshop
from dialog.phasing import service
from dialog.phasing.schemas import MyScreen, PhaseDetail, PhaseList, ProcessPhaseOut

#: Where a phone goes when a phase's screen names no endpoint of its own.
DEFAULT_ENDPOINT = "participant.write"
#: Where it waits while no phase is open.
WAITING_ENDPOINT = "phasing.now"

Kind = Annotated[Any, WithJsonSchema({"enum": [kind.value for kind in PhaseKind]})]


class NewPhase(Input):
    process_id: Id
    kind: Kind = None
    #: Open the phase for these meetings only (the others stay where they are).
    workshop_ids: LooseIds = None


class OnePhase(Input):
    phase_id: Id



@operation("phase.open", input=NewPhase, role=Role.FACILITATOR, result=ProcessPhaseOut,
           target=Target(Process, "process_id"))
def open_phase(call: Call[NewPhase]) -> Phase:
    """Open the next phase or a new round of an earlier one, for all meetings or some."""
    return service.open_phase(call.session, call.target, call.input.kind,
                              call.input.workshop_ids)


@operation("phase.list", input=OfProcess, role=Role.FACILITATOR, result=PhaseList,
           target=Target(Process, "process_id"), changes=False)
def list_phases(call: Call[OfProcess]) -> dict[str, Any]:
    """Every phase round of the process, and the open one."""
    return {"process_id": call.target.id, "phases": service.history(call.target),
            "current": service.open_phase_of(call.target)}


@operation("phase.get", input=OnePhase, role=Role.FACILITATOR, result=PhaseDetail,
           target=Target(Phase, "phase_id"), changes=False)
def get_phase(call: Call[OnePhase]) -> PhaseDetail:
    """A phase with the facilitator's controls and what it has produced."""
    import phases

    phase: Phase = call.target
    implementation = phases.phase_for(phase.kind)
    controls = [{"name": c.name, "label_key": c.label_key,
                 "target": c.target.format(process_id=phase.process_id, phase_id=phase.id,
                                           workshop_id="{workshop_id}")}
                for c in implementation.controls(phase)]
    detail = ProcessPhaseOut.dump(phase)
    return PhaseDetail.model_validate({**detail, "controls": controls,
                                       "produced": implementation.produce(call.session, phase)})


@operation("phase.close", input=OnePhase, role=Role.FACILITATOR, result=ProcessPhaseOut,
           target=Target(Phase, "phase_id"))
def close_phase(call: Call[OnePhase]) -> Phase:
    """Close an open phase; the process waits until the next one opens."""
    return service.close_phase(call.session, call.target)


@operation("phase.undo", input=OnePhase, role=Role.FACILITATOR, result=ProcessPhaseOut,
           target=Target(Phase, "phase_id"))
def undo_phase(call: Call[OnePhase]) -> Phase:
    """Undo opening a phase within a minute: the phase it replaced opens again."""
    return service.undo_open(call.session, call.target)


@operation("phase.screen", input=NoInput, role=Role.PARTICIPANT, result=MyScreen)
def my_screen(call: Call[NoInput]) -> dict[str, Any]:
    """The open phase of my process and which screen my phone should show."""
    import phases

    participant = call.participant
    process = call.session.get(Process, participant.process_id)
    assert process is not None
    # The phone follows its own meeting's phase (meetings may be in different phases).
    workshop = call.session.get(Workshop, participant.workshop_id) if (
        participant.workshop_id) else None
    phase = workshop.phase if workshop is not None else process.current_phase
    if phase is None or phase.status is not PhaseStatus.OPEN or participant.workshop_id is None:
        endpoint = WAITING_ENDPOINT if participant.workshop_id else None
        return {"phase": phase, "waiting": True,
                "screen": {"endpoint": endpoint, "workshop_id": participant.workshop_id}}
    implementation = phases.phase_for(phase.kind)
    screen = implementation.phone_screen(call.session, phase, participant)
    name = translate(implementation.name_key, call.locale)
    return {"phase": phase, "waiting": False,
            "screen": {"template": screen.template,
                       "endpoint": screen.context.get("endpoint", DEFAULT_ENDPOINT),
                       "workshop_id": participant.workshop_id,
                       "notice": translate("phases.now.offer", call.locale, phase=name)}}

"""Change a process: its mandate (uppdrag) and who decides on its proposals."""

from __future__ import annotations

from dialog.actions import Call, Role, Target, operation
from dialog.actions.fields import LooseOptionalText
from dialog.actions.inputs import OfProcess
from dialog.models import Process
from dialog.schemas import ProcessOut
from dialog.services import mandates


class ProcessChange(OfProcess):
    #: What the committee asked the process to find out, and what is open to influence.
    mandate: LooseOptionalText = None
    #: Who decides on the proposals, e.g. "Lokal nämnd Varberg".
    decision_maker: LooseOptionalText = None


@operation("process.update", input=ProcessChange, role=Role.FACILITATOR, result=ProcessOut,
           target=Target(Process, "process_id"))
def update_process(call: Call[ProcessChange]) -> Process:
    """Set the process's mandate and decision maker (fields left out stay as they are)."""
    data = call.input
    return mandates.update_process(call.session, call.target, {
        "mandate": data.mandate, "decision_maker": data.decision_maker})

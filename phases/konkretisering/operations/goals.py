"""The committee's goals of a process: list them, add one, load a known committee's plan."""

from __future__ import annotations

from typing import Any

from dialog.actions import Call, Output, Role, Target, operation
from dialog.actions.fields import LooseNumber, LooseOptionalText, LooseText
from dialog.actions.inputs import OfProcess
from dialog.models import CommitteeGoal, Process
from phases.konkretisering import goals
from phases.konkretisering.schemas import GoalOut

OF_PROCESS = Target(Process, "process_id")


class Goals(Output):
    committee_goals: list[GoalOut]


class NewGoal(OfProcess):
    title: LooseText = None
    kind: LooseText = "goal"
    code: LooseText = ""
    description: LooseText = ""
    budget_tkr: LooseNumber = None
    parent_id: LooseNumber = None
    committee: LooseOptionalText = ""


class Preset(OfProcess):
    preset: LooseText = None


class Loaded(Goals):
    added: int


@operation("goal.list", input=OfProcess, role=Role.FACILITATOR, result=Goals,
           target=OF_PROCESS, changes=False)
def list_goals(call: Call[OfProcess]) -> dict[str, list[CommitteeGoal]]:
    """The committee's goals of a process, in their order."""
    return {"committee_goals": goals.goals_of(call.session, call.target)}


@operation("goal.add", input=NewGoal, role=Role.FACILITATOR, result=GoalOut, target=OF_PROCESS)
def add(call: Call[NewGoal]) -> CommitteeGoal:
    """Add a focus area, goal or assignment."""
    data = call.input
    return goals.add_goal(call.session, call.target, title=data.title, kind=data.kind,
                          code=data.code, description=data.description,
                          budget_tkr=data.budget_tkr, parent_id=data.parent_id,
                          committee=data.committee)


@operation("goal.preset", input=Preset, role=Role.FACILITATOR, result=Loaded, target=OF_PROCESS)
def load_preset(call: Call[Preset]) -> dict[str, Any]:
    """Add a known committee's goals (codes already there are left alone)."""
    added = goals.load_preset(call.session, call.target, call.input.preset)
    return {"added": len(added), "committee_goals": goals.goals_of(call.session, call.target)}

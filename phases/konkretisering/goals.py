"""A process keeps its committee's goals, so each proposal can say which goal it serves."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import DialogError
from dialog.models import CommitteeGoal, GoalKind, Process
from dialog.services.ids import optional_id
from phases.konkretisering.fields import optional_budget, optional_text, required_text
from phases.konkretisering.presets import preset

MAX_GOALS = 200


def add_goal(session: Session, process: Process, *, title: Any, kind: Any = "goal",
             code: Any = "", description: Any = "", budget_tkr: Any = None,
             parent_id: Any = None, committee: Any = "") -> CommitteeGoal:
    """Add one focus area, goal or assignment to the process's list."""
    existing = goals_of(session, process)
    if len(existing) >= MAX_GOALS:
        raise DialogError("too_many_items", field="committee_goals", max=MAX_GOALS)
    try:
        goal_kind = GoalKind(kind)
    except ValueError as exc:
        raise DialogError("unknown_goal_kind") from exc
    parent = optional_id(parent_id, "parent_id")
    if parent is not None and parent not in {g.id for g in existing}:
        raise DialogError("committee_goal_not_in_process", id=parent)
    goal = CommitteeGoal(
        process_id=process.id, parent_id=parent, kind=goal_kind,
        code=optional_text(code, "code", 20), title=required_text(title, "title", 300),
        description=optional_text(description, "description", 4000),
        budget_tkr=optional_budget(budget_tkr),
        committee=optional_text(committee, "committee", 200) or process.owner_organisation,
        position=len(existing))
    session.add(goal)
    session.flush()
    return goal


def load_preset(session: Session, process: Process, key: Any) -> list[CommitteeGoal]:
    """Add a known committee's goals; codes the process already has are left alone."""
    plan = preset(key) if isinstance(key, str) else None
    if plan is None:
        raise DialogError("unknown_goal_preset")
    by_code = {g.code: g for g in goals_of(session, process) if g.code}
    added = []
    for item in plan["goals"]:
        if item["code"] in by_code:
            continue
        parent = by_code.get(item["parent_code"]) if item["parent_code"] else None
        goal = add_goal(session, process, title=item["title"], kind=item["kind"],
                        code=item["code"], description=item["description"],
                        budget_tkr=item["budget_tkr"], parent_id=parent.id if parent else None,
                        committee=plan["committee"])
        by_code[goal.code] = goal
        added.append(goal)
    return added


def goals_of(session: Session, process: Process) -> list[CommitteeGoal]:
    return list(session.scalars(select(CommitteeGoal).where(
        CommitteeGoal.process_id == process.id).order_by(CommitteeGoal.position,
                                                        CommitteeGoal.id)))

"""Stakeholder groups that grow during a process: add, rename and merge, with history kept.

A merge moves everything of one group (participants, perspectives, reflections, outreach)
to another and removes the merged name from the list; the change log keeps both names.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from dialog.errors import Conflict, DialogError
from dialog.events import record
from dialog.models import (
    Facilitator,
    GroupChange,
    OutreachAction,
    Participant,
    Perspective,
    Process,
    Reflection,
    StakeholderGroup,
)

MAX_NAME = 80
#: Tables that name a stakeholder group; a merge moves their rows to the remaining group.
GROUPED = (Participant, Perspective, Reflection, OutreachAction)


def add_group(session: Session, process: Process, name: Any,
              facilitator: Facilitator | None = None) -> StakeholderGroup:
    """A new group, last in the list; participants can choose it at once."""
    name = _free_name(process, name)
    group = StakeholderGroup(name=name, position=len(process.stakeholder_groups))
    process.stakeholder_groups.append(group)
    _log(session, process, "added", "", name, facilitator)
    return group


def rename_group(session: Session, group: StakeholderGroup, name: Any,
                 facilitator: Facilitator | None = None) -> StakeholderGroup:
    process = group.process
    before = group.name
    group.name = _free_name(process, name, keep=group)
    _log(session, process, "renamed", before, group.name, facilitator)
    return group


def merge_group(session: Session, group: StakeholderGroup, into: Any,
                facilitator: Facilitator | None = None) -> StakeholderGroup:
    """Merge ``group`` into the group named ``into``; returns the remaining group."""
    process = group.process
    target = process.group_named(into) if isinstance(into, str) else None
    if target is None:
        raise DialogError("unknown_stakeholder_group", name=str(into)[:80])
    if target is group:
        raise Conflict("merge_into_itself")
    for model in GROUPED:
        session.execute(update(model).where(model.stakeholder_group_id == group.id)
                        .values(stakeholder_group_id=target.id))
    name = group.name
    process.stakeholder_groups.remove(group)
    session.delete(group)
    session.flush()
    for position, remaining in enumerate(process.stakeholder_groups):
        remaining.position = position
    session.expire_all()
    _log(session, process, "merged", name, target.name, facilitator)
    return target


def history(session: Session, process: Process) -> list[GroupChange]:
    return list(session.scalars(select(GroupChange).where(GroupChange.process_id == process.id)
                                .order_by(GroupChange.at, GroupChange.id)))


def _free_name(process: Process, name: Any, keep: StakeholderGroup | None = None) -> str:
    if not isinstance(name, str) or not name.strip():
        raise DialogError("field_required", field="name")
    cleaned = " ".join(name.split())
    if len(cleaned) > MAX_NAME:
        raise DialogError("field_too_long", field="name", max=MAX_NAME)
    existing = process.group_named(cleaned)
    if existing is not None and existing is not keep:
        raise Conflict("stakeholder_group_exists", name=cleaned)
    return cleaned


def _log(session: Session, process: Process, kind: str, before: str, after: str,
         facilitator: Facilitator | None) -> None:
    session.add(GroupChange(process_id=process.id, kind=kind, name_before=before,
                            name_after=after,
                            facilitator_id=facilitator.id if facilitator else None))
    session.flush()
    record(session, "groups-changed", process_id=process.id,
           groups=[g.name for g in process.stakeholder_groups])

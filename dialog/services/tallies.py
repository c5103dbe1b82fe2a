"""Counts per stakeholder group and kind, and which groups are still missing."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dialog.models import ModerationStatus, Perspective, PerspectiveKind, Process, StakeholderGroup

#: Key used for perspectives whose writer chose no stakeholder group.
UNGROUPED = ""


def tally(
    session: Session,
    process: Process,
    *,
    workshop_id: int | None = None,
    statuses: tuple[ModerationStatus, ...] = (ModerationStatus.PENDING, ModerationStatus.APPROVED),
) -> dict[str, Any]:
    """Count perspectives per stakeholder group and kind; name the groups with none yet.

    The "missing" list is the method's own question: which perspective are we missing?
    """
    query = (
        select(StakeholderGroup.name, Perspective.kind, func.count(Perspective.id))
        .select_from(Perspective)
        .outerjoin(StakeholderGroup, Perspective.stakeholder_group_id == StakeholderGroup.id)
        .where(Perspective.process_id == process.id, Perspective.status.in_(statuses))
        .group_by(StakeholderGroup.name, Perspective.kind)
    )
    if workshop_id is not None:
        query = query.where(Perspective.workshop_id == workshop_id)
    by_group: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    for group_name, kind, count in session.execute(query):
        by_group[group_name or UNGROUPED] += count
        by_kind[PerspectiveKind(kind).value] += count
    groups = [
        {"name": g.name, "count": by_group.get(g.name, 0), "missing": by_group.get(g.name, 0) == 0}
        for g in process.stakeholder_groups
    ]
    return {
        "total": sum(by_group.values()),
        "groups": groups,
        "ungrouped": by_group.get(UNGROUPED, 0),
        "kinds": {k.value: by_kind.get(k.value, 0) for k in PerspectiveKind},
        "missing": [g["name"] for g in groups if g["missing"]],
    }

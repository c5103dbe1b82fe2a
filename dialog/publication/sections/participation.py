"""Section "participation": who took part, by stakeholder group, age band and kind.

Counts of participants per stakeholder group and age band go through small-number
suppression (``None``; ``hidden`` says why: ``small``, under 5, or ``protecting``, the
next smallest hidden so that a lone small count cannot be worked out). Perspective counts
are not suppressed: every published perspective already shows its group and kind.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import func, select

from dialog.models import AGE_BANDS, Participant, PerspectiveKind, StakeholderGroup
from dialog.publication.sections.context import SectionContext
from dialog.publication.suppression import suppress_total, suppress_why


def participation_section(ctx: SectionContext) -> dict[str, Any]:
    """Participants by group and age band (suppressed), perspectives by group and kind."""
    by_group, by_age, total = _participants(ctx)
    group_names = [g.name for g in ctx.process.stakeholder_groups]
    perspectives_by_group: Counter[str | None] = Counter(p.group_name for p in ctx.perspectives)
    kinds_by_group: dict[str | None, Counter[str]] = {}
    for perspective in ctx.perspectives:
        kinds_by_group.setdefault(perspective.group_name, Counter())[perspective.kind.value] += 1
    keys: list[str | None] = [*group_names, None]
    group_cells = suppress_why([(name, by_group.get(name, 0)) for name in keys])
    groups = [
        {
            "name": name,
            "participants": count,
            "suppressed": count is None,
            "hidden": why,
            "perspectives": perspectives_by_group.get(name, 0),
            "kinds": {k.value: kinds_by_group.get(name, Counter())[k.value]
                      for k in PerspectiveKind},
        }
        for name, count, why in group_cells
        if name is not None or by_group.get(None, 0) or perspectives_by_group.get(None, 0)
    ]
    bands: list[str | None] = [*AGE_BANDS, None]
    age_cells = suppress_why([(band, by_age.get(band, 0)) for band in bands])
    ages = [
        {"band": band, "participants": count, "suppressed": count is None, "hidden": why}
        for band, count, why in age_cells
        if band is not None or by_age.get(None, 0)
    ]
    kinds = Counter(p.kind.value for p in ctx.perspectives)
    return {
        "participants": suppress_total(total),
        "perspectives": len(ctx.perspectives),
        "groups": groups,
        "age_bands": ages,
        "kinds": [{"kind": k.value, "perspectives": kinds.get(k.value, 0)}
                  for k in PerspectiveKind],
    }


def _participants(
    ctx: SectionContext,
) -> tuple[Counter[str | None], Counter[str | None], int]:
    rows = ctx.session.execute(
        select(StakeholderGroup.name, Participant.age_band, func.count(Participant.id))
        .select_from(Participant)
        .outerjoin(StakeholderGroup, Participant.stakeholder_group_id == StakeholderGroup.id)
        .where(Participant.process_id == ctx.process.id)
        .group_by(StakeholderGroup.name, Participant.age_band)
    )
    by_group: Counter[str | None] = Counter()
    by_age: Counter[str | None] = Counter()
    total = 0
    for group_name, age_band, count in rows:
        by_group[group_name] += count
        by_age[age_band] += count
        total += count
    return by_group, by_age, total

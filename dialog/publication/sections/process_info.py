"""Sections "process" and "phases": the question, why it is asked, and the phases so far."""

from __future__ import annotations

from typing import Any

from dialog.publication.sections.context import SectionContext


def process_section(ctx: SectionContext) -> dict[str, Any]:
    """The process as the public sees it: title, question, why, owner, stakeholder groups."""
    process = ctx.process
    opened = [p.opened_at for p in process.phases]
    closed = [p.closed_at for p in process.phases if p.closed_at]
    still_open = any(p.closed_at is None for p in process.phases)
    return {
        "title": process.title,
        "slug": process.slug,
        "question": process.question,
        "description": process.description,
        "owner_organisation": process.owner_organisation,
        "language": process.language,
        "stakeholder_groups": [g.name for g in process.stakeholder_groups],
        "period": {
            "start": min(opened).date().isoformat() if opened else None,
            "end": None if still_open or not closed else max(closed).date().isoformat(),
        },
    }


def phases_section(ctx: SectionContext) -> list[dict[str, Any]]:
    """Every phase and round so far with its dates and how many perspectives it published."""
    counts: dict[int, int] = {}
    for perspective in ctx.perspectives:
        counts[perspective.phase_id] = counts.get(perspective.phase_id, 0) + 1
    return [
        {
            "kind": phase.kind.value,
            "round": phase.round,
            "status": phase.status.value,
            "opened_on": phase.opened_at.date().isoformat(),
            "closed_on": phase.closed_at.date().isoformat() if phase.closed_at else None,
            "perspectives": counts.get(phase.id, 0),
        }
        for phase in sorted(ctx.process.phases, key=lambda p: (p.opened_at, p.id))
    ]

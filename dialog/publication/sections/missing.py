"""Section "missing": what the process has not heard yet, so readers can bring it."""

from __future__ import annotations

from typing import Any

from dialog.models import OutreachStatus
from dialog.publication.guard import clean_text
from dialog.publication.sections.context import SectionContext
from dialog.services.outreach import plan_of


def missing_section(ctx: SectionContext) -> dict[str, Any]:
    """Stakeholder groups with no published perspective, the map's prompts, and what the
    process does to hear them (its outreach plan, without who is responsible)."""
    voiced = {p.group_name for p in ctx.perspectives}
    groups = [g.name for g in ctx.process.stakeholder_groups if g.name not in voiced]
    prompts = [
        p for p in (ctx.results.get("map") or {}).get("prompts", [])
        if p.get("type") != "group_silent"  # already listed as a group above
    ]
    outreach = [
        {"stakeholder_group": item.group_name, "action": clean_text(item.action),
         "where": clean_text(item.place), "when": item.due, "status": item.status.value}
        for item in plan_of(ctx.session, ctx.process)
        if item.status is not OutreachStatus.CANCELLED
    ]
    return {"groups": groups, "prompts": prompts, "outreach": outreach}

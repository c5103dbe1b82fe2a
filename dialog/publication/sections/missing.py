"""Section "missing": what the process has not heard yet, so readers can bring it."""

from __future__ import annotations

from typing import Any

from dialog.publication.sections.context import SectionContext


def missing_section(ctx: SectionContext) -> dict[str, Any]:
    """Stakeholder groups with no published perspective, plus the map's prompts."""
    voiced = {p.group_name for p in ctx.perspectives}
    groups = [g.name for g in ctx.process.stakeholder_groups if g.name not in voiced]
    prompts = [
        p for p in (ctx.results.get("map") or {}).get("prompts", [])
        if p.get("type") != "group_silent"  # already listed as a group above
    ]
    return {"groups": groups, "prompts": prompts}

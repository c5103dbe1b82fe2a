"""Section "reactions": agree, disagree and pass per published perspective, aggregated.

Only totals are published, never who reacted. Present when the reactions feature is.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from dialog.services.publication.sections.context import SectionContext
from dialog.services.publication.sections.optional import optional_module


def reactions_section(ctx: SectionContext) -> list[dict[str, Any]] | None:
    """Per published perspective: how many agreed, disagreed and passed (latest counts)."""
    module = optional_module("dialog.models.reaction")
    if module is None or not ctx.perspectives:
        return None
    reaction = module.Reaction
    names = module.VOTE_NAMES
    counts: dict[int, dict[str, int]] = {}
    rows = ctx.session.execute(
        select(reaction.perspective_id, reaction.vote, func.count(reaction.id))
        .where(reaction.process_id == ctx.process.id)
        .group_by(reaction.perspective_id, reaction.vote)
    )
    published = ctx.published_ids
    for perspective_id, vote, count in rows:
        if perspective_id in published:
            row = counts.setdefault(perspective_id, {"agree": 0, "disagree": 0, "pass": 0})
            row[names[vote]] += count
    if not counts:
        return None
    return [{"perspective_id": pid, **counts[pid], "total": sum(counts[pid].values())}
            for pid in sorted(counts)]

"""Section "reactions": agree, disagree and pass per published perspective, aggregated.

Only totals are published, never who reacted.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from dialog.models.reaction import VOTE_NAMES, Reaction
from dialog.publication.sections.context import SectionContext


def reactions_section(ctx: SectionContext) -> list[dict[str, Any]] | None:
    """Per published perspective: how many agreed, disagreed and passed (latest counts)."""
    if not ctx.perspectives:
        return None
    counts: dict[int, dict[str, int]] = {}
    rows = ctx.session.execute(
        select(Reaction.perspective_id, Reaction.vote, func.count(Reaction.id))
        .where(Reaction.process_id == ctx.process.id)
        .group_by(Reaction.perspective_id, Reaction.vote)
    )
    published = ctx.published_ids
    for perspective_id, vote, count in rows:
        if perspective_id in published:
            row = counts.setdefault(perspective_id, {"agree": 0, "disagree": 0, "pass": 0})
            row[VOTE_NAMES[vote]] += count
    if not counts:
        return None
    return [{"perspective_id": pid, **counts[pid], "total": sum(counts[pid].values())}
            for pid in sorted(counts)]

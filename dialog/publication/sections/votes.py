"""Section "votes": the reaction log of published perspectives under new, random voter numbers.

This is what the Polis-format ``votes.csv`` in the open data is written from. Voter
numbers are drawn afresh for each publication and link to nothing else: no token, no
stakeholder group, no age band, no author of a perspective, no time.
"""

from __future__ import annotations

import random
from typing import Any

from sqlalchemy import select

from dialog.models.reaction import Reaction
from dialog.publication.sections.context import SectionContext


def votes_section(ctx: SectionContext) -> dict[str, Any] | None:
    """``{"voters": n, "log": [[voter, perspective_id, vote], ...]}`` or None without votes."""
    if not ctx.perspectives:
        return None
    published = ctx.published_ids
    rows = [
        (participant_id, perspective_id, vote)
        for participant_id, perspective_id, vote in ctx.session.execute(
            select(Reaction.participant_id, Reaction.perspective_id, Reaction.vote)
            .where(Reaction.process_id == ctx.process.id))
        if perspective_id in published
    ]
    if not rows:
        return None
    participants = sorted({r[0] for r in rows})
    numbers = list(range(len(participants)))
    random.SystemRandom().shuffle(numbers)
    voter = dict(zip(participants, numbers, strict=True))
    log = sorted([voter[p], pid, int(vote)] for p, pid, vote in rows)
    return {"voters": len(participants), "log": log}

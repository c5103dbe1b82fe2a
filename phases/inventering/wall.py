"""Inventering on the room's wall: every approved perspective in rotation, counts per group
and kind, and how the room reacts to each (agree / disagree / pass), live.

The wall is drawn by ``static/js/inventering/projector.js`` from ``workshop:watch``
(approved perspectives, nothing about who wrote them); the reactions arrive as
``wall:reactions`` in the process's wall room (``phases.inventering.broadcast``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dialog.models import (
    VOTE_NAMES,
    ModerationStatus,
    Perspective,
    PerspectiveKind,
    Reaction,
    Workshop,
)
from dialog.models import Phase as PhaseRecord
from dialog.phasing.contract import WallPart

TEMPLATE = "inventering/wall.html"
SCRIPT = "js/inventering/projector.js"


def wall_room(process_id: int) -> str:
    """Every wall of a process: reactions belong to the process, not to one workshop."""
    return f"wall-process:{process_id}"


def reaction_counts(session: Session, perspective_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    """Agree / disagree / pass per perspective (the latest reaction of each participant)."""
    wanted = list(perspective_ids)
    counts: dict[int, dict[str, int]] = {pid: dict.fromkeys(VOTE_NAMES.values(), 0)
                                         for pid in wanted}
    if not wanted:
        return counts
    rows = session.execute(
        select(Reaction.perspective_id, Reaction.vote, func.count(Reaction.id))
        .where(Reaction.perspective_id.in_(wanted))
        .group_by(Reaction.perspective_id, Reaction.vote))
    for perspective_id, vote, count in rows:
        counts[perspective_id][VOTE_NAMES[vote]] = int(count)
    return counts


def part(session: Session, phase: PhaseRecord, workshop: Workshop) -> WallPart:
    """The wall's part: the groups and kinds to count, today's reactions to start from."""
    approved = session.scalars(select(Perspective.id).where(
        Perspective.workshop_id == workshop.id, Perspective.status == ModerationStatus.APPROVED))
    reactions: dict[str, Any] = {str(pid): counts for pid, counts
                                 in reaction_counts(session, approved).items()}
    return WallPart(TEMPLATE, {
        "groups": [g.name for g in workshop.process.stakeholder_groups],
        "kinds": [k.value for k in PerspectiveKind],
        "reactions": reactions,
    }, script=SCRIPT)

"""Learning indicators of a conversation round: did people learn from other perspectives?

Per round: how many reflected, how many report understanding another perspective, how
many views shifted (nuanced or changed), and which perspectives moved people. Each
participant counts once: for the view change, their latest reflection in the round.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.models import (
    ConversationRound,
    ModerationStatus,
    Perspective,
    Reflection,
    ViewChange,
)

SHIFTED = (ViewChange.NUANCED, ViewChange.CHANGED)


def indicators(session: Session, conversation: ConversationRound) -> dict[str, Any]:
    """Count the round's learning; hidden reflections are left out."""
    found = list(session.scalars(
        select(Reflection)
        .where(Reflection.round_id == conversation.id,
               Reflection.status != ModerationStatus.HIDDEN)
        .order_by(Reflection.created_at, Reflection.id)))
    return compute(conversation.id, found, session)


def compute(round_id: int, found: list[Reflection], session: Session | None = None
            ) -> dict[str, Any]:
    """The indicators of a list of reflections (oldest first)."""
    latest: dict[int, Reflection] = {}
    understood: set[int] = set()
    questions = keeps = 0
    movers: dict[int, set[int]] = {}
    for reflection in found:
        latest[reflection.participant_id] = reflection
        if reflection.understood:
            understood.add(reflection.participant_id)
        questions += bool(reflection.question)
        keeps += bool(reflection.keep)
        if reflection.moved_by_id is not None:
            movers.setdefault(reflection.moved_by_id, set()).add(reflection.participant_id)
    changes = Counter(r.view_change for r in latest.values())
    participants = len(latest)
    shifted = sum(changes[c] for c in SHIFTED)
    return {
        "round_id": round_id,
        "participants": participants,
        "understood": len(understood),
        "understood_share": _share(len(understood), participants),
        "shifted": shifted,
        "shifted_share": _share(shifted, participants),
        "view_changes": {c.value: changes.get(c, 0) for c in ViewChange},
        "questions": questions,
        "keep": keeps,
        "moved_by": _movers(movers, session),
    }


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def _movers(movers: dict[int, set[int]], session: Session | None) -> list[dict[str, Any]]:
    texts: dict[int, Perspective] = {}
    if session is not None and movers:
        texts = {p.id: p for p in session.scalars(
            select(Perspective).where(Perspective.id.in_(movers)))}
    rows = [
        {"perspective_id": pid, "count": len(who),
         "text": texts[pid].text if pid in texts else None,
         "stakeholder_group": texts[pid].group_name if pid in texts else None}
        for pid, who in movers.items()
    ]
    return sorted(rows, key=lambda row: (-row["count"], row["perspective_id"]))

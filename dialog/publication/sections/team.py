"""Sections "assessments" and "reflections": the team's own reading, and what the room said.

The assessments are the team's dated notes ("vår bedömning av läget"). Reflections from
lärande samtal are published only when approved and free of personal data, without who
wrote them or their group, and only for a round with at least five reflections, so no one
can be singled out; fishing answers ("vad har inte sagts?") follow the same rules.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from dialog.models import (
    ConversationRound,
    FishingAnswer,
    FishingPrompt,
    ModerationStatus,
    Reflection,
)
from dialog.publication.sections.context import SectionContext
from dialog.publication.suppression import THRESHOLD, suppress_total
from dialog.services.assessments import assessments_of

#: How many texts of each kind a round quotes.
QUOTED = 8


def assessments_section(ctx: SectionContext) -> list[dict[str, Any]] | None:
    """The team's assessments, oldest first, each with its date and the phase it is about."""
    phases = {p.id: p for p in ctx.process.phases}
    found = [{"date": a.created_at.date().isoformat(), "text": a.text,
              "kind": phases[a.phase_id].kind.value if a.phase_id in phases else None,
              "round": phases[a.phase_id].round if a.phase_id in phases else None}
             for a in assessments_of(ctx.session, ctx.process)]
    return found or None


def reflections_section(ctx: SectionContext) -> dict[str, Any] | None:
    """Anonymous reflections per conversation round, and fishing answers per question."""
    rounds = []
    for conversation in ctx.session.scalars(select(ConversationRound).where(
            ConversationRound.process_id == ctx.process.id).order_by(ConversationRound.id)):
        rows = [r for r in ctx.session.scalars(select(Reflection).where(
            Reflection.round_id == conversation.id).order_by(Reflection.id))
            if r.status is ModerationStatus.APPROVED and not r.personal_data]
        shown = len(rows) >= THRESHOLD
        rounds.append({
            "title": conversation.title, "reflections": suppress_total(len(rows)),
            "understood": [r.understood for r in rows if r.understood][:QUOTED] if shown else [],
            "questions": [r.question for r in rows if r.question][:QUOTED] if shown else [],
            "keep": [r.keep for r in rows if r.keep][:QUOTED] if shown else [],
        })
    fishing = []
    for prompt in ctx.session.scalars(select(FishingPrompt).where(
            FishingPrompt.process_id == ctx.process.id).order_by(FishingPrompt.id)):
        answers = [a.text for a in ctx.session.scalars(select(FishingAnswer).where(
            FishingAnswer.prompt_id == prompt.id).order_by(FishingAnswer.id))
            if not a.hidden and not a.personal_data]
        fishing.append({"question": prompt.question, "answers": suppress_total(len(answers)),
                        "texts": answers[:QUOTED] if len(answers) >= THRESHOLD else []})
    rounds = [r for r in rounds if r["reflections"] != 0]
    fishing = [f for f in fishing if f["answers"] != 0]
    return {"rounds": rounds, "fishing": fishing} if rounds or fishing else None

"""Lärande samtal on the room's wall: the round the room talks about now, its perspectives
side by side and its prompt. Drawn by the server (``templates/larande_samtal/wall.html``)
and drawn again after ``samtal:round``."""

from __future__ import annotations

from sqlalchemy.orm import Session

from dialog.models import ConversationRound, ModerationStatus, Workshop
from dialog.models import Phase as PhaseRecord
from dialog.phasing.contract import WallPart
from phases.larande_samtal import rounds

TEMPLATE = "larande_samtal/wall.html"


def current_round(session: Session, phase: PhaseRecord) -> ConversationRound | None:
    """The newest round that takes reflections, else the newest round of the phase."""
    found = rounds.rounds_of_phase(session, phase)
    accepting = [r for r in found if rounds.is_accepting(r)]
    chosen = accepting or found
    return chosen[-1] if chosen else None


def part(session: Session, phase: PhaseRecord, workshop: Workshop) -> WallPart:
    """The round's approved perspectives side by side, with their kind and group."""
    conversation = current_round(session, phase)
    shown = [] if conversation is None else [
        {"text": p.shown_text, "kind": p.kind.value,
         "stakeholder_group": p.stakeholder_group.name if p.stakeholder_group else None}
        for p in conversation.perspectives if p.status is ModerationStatus.APPROVED]
    return WallPart(TEMPLATE, {"conversation": conversation, "shown": shown},
                    watch=("samtal:watch", {"process_id": workshop.process_id}),
                    refresh_on=("samtal:round",))

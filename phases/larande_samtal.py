"""Lärande samtal: contrasting perspectives meet; people reflect on what they learnt."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy.orm import Session

from dialog.models import ModerationStatus, Participant, PhaseKind
from dialog.models import Phase as PhaseRecord
from dialog.services import conversation_rounds, learning, reflections, resistance_line
from phases.base import Control, PhoneScreen

if TYPE_CHECKING:
    from flask import Flask
    from flask_socketio import SocketIO


class LarandeSamtal:
    kind: ClassVar[PhaseKind] = PhaseKind.LARANDE_SAMTAL
    name_key: ClassVar[str] = "phases.larande_samtal.name"

    def phone_screen(
        self, session: Session, phase: PhaseRecord, participant: Participant
    ) -> PhoneScreen:
        """The reflection page: the open rounds' perspectives and the three prompts."""
        open_ids = [r.id for r in conversation_rounds.rounds_of_phase(session, phase)
                    if conversation_rounds.is_accepting(r)]
        return PhoneScreen("samtal/phone.html", {
            "endpoint": "samtal.phone", "workshop_id": participant.workshop_id,
            "round_ids": open_ids,
        })

    def controls(self, phase: PhaseRecord) -> list[Control]:
        page = "/facilitator/processes/{process_id}/samtal"
        return [
            Control("build_round", "phases.larande_samtal.controls.build_round",
                    page + "#suggestions"),
            Control("follow_reflections", "phases.larande_samtal.controls.follow_reflections",
                    page + "#rounds"),
            Control("resistance_line", "phases.larande_samtal.controls.resistance_line",
                    page + "#resistance"),
            Control("next_phase", "phases.larande_samtal.controls.next_phase",
                    "/api/v1/processes/{process_id}/phases"),
        ]

    def produce(self, session: Session, phase: PhaseRecord) -> dict[str, Any]:
        """The rounds with their indicators, what people want kept and asked, and the line."""
        rounds = []
        for conversation in conversation_rounds.rounds_of_phase(session, phase):
            shown = [r for r in reflections.reflections_of_round(session, conversation)
                     if r.status is ModerationStatus.APPROVED]
            rounds.append({
                **conversation_rounds.round_to_dict(conversation),
                "indicators": learning.indicators(session, conversation),
                "keep": [{"reflection_id": r.id, "text": r.keep} for r in shown if r.keep],
                "questions": [{"reflection_id": r.id, "text": r.question}
                              for r in shown if r.question],
                "understood": [{"reflection_id": r.id, "text": r.understood}
                               for r in shown if r.understood],
            })
        line = [e for e in resistance_line.timeline(session, phase.process)
                if e["phase_id"] == phase.id]
        return {"kind": self.kind.value, "round": phase.round, "rounds": rounds,
                "resistance_line": line}

    def install(self, app: Flask, socketio: SocketIO, namespace: str) -> None:
        """Its pages, API routes and live events are still registered by the kernel."""

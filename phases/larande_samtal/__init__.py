"""Lärande samtal: contrasting perspectives meet; people reflect on what they learnt.

The phase whole: its domain (``rounds``, ``suggestions``, ``reflections``, ``learning``,
``resistance``), its actions (``operations``) and their faces (``api``, ``live``, ``pages``,
``forms``), its part of the demo (``demo``) and its strings (``translations/``). Templates
are in ``templates/larande_samtal/``, scripts in ``static/js/larande_samtal/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy.orm import Session

from dialog.models import ModerationStatus, Participant, PhaseKind, Workshop
from dialog.models import Phase as PhaseRecord
from dialog.phasing.contract import Control, PhoneScreen, WallPart
from phases.larande_samtal import learning, reflections, resistance, rounds
from phases.larande_samtal.schemas import RoundOut

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
        open_ids = [r.id for r in rounds.rounds_of_phase(session, phase)
                    if rounds.is_accepting(r)]
        return PhoneScreen("larande_samtal/phone.html", {
            "endpoint": "samtal.phone", "workshop_id": participant.workshop_id,
            "round_ids": open_ids,
        })

    def wall(self, session: Session, phase: PhaseRecord, workshop: Workshop) -> WallPart:
        """The round the room talks about now: its perspectives side by side, its prompt."""
        from phases.larande_samtal import wall

        return wall.part(session, phase, workshop)

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
        produced = []
        for conversation in rounds.rounds_of_phase(session, phase):
            shown = [r for r in reflections.reflections_of_round(session, conversation)
                     if r.status is ModerationStatus.APPROVED]
            produced.append({
                **RoundOut.dump(conversation),
                "indicators": learning.indicators(session, conversation),
                **{key: [{"reflection_id": r.id, "text": getattr(r, prompt)}
                         for r in shown if getattr(r, prompt)]
                   for key, prompt in (("keep", "keep"), ("questions", "question"),
                                       ("understood", "understood"))},
            })
        line = [e.model_dump(mode="json") for e in resistance.timeline(session, phase.process)
                if e.phase_id == phase.id]
        return {"kind": self.kind.value, "round": phase.round, "rounds": produced,
                "resistance_line": line}

    def install(self, app: Flask, socketio: SocketIO, namespace: str) -> None:
        """Its pages and form posts, its JSON routes and its live events."""
        # forms adds the console's form posts to the pages blueprint.
        from phases.larande_samtal import api, forms, live, pages  # noqa: F401

        app.register_blueprint(pages.blueprint)
        app.register_blueprint(api.blueprint)
        live.register(socketio, namespace)

"""Inventering: listen, collect every perspective, ask which perspective is missing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.models import ModerationStatus, Participant, Perspective, PhaseKind, Workshop
from dialog.models import Phase as PhaseRecord
from dialog.phasing.contract import WallPart
from dialog.schemas import PerspectiveOut
from dialog.services import tallies
from phases.base import Control, PhoneScreen

if TYPE_CHECKING:
    from flask import Flask
    from flask_socketio import SocketIO


class Inventering:
    kind: ClassVar[PhaseKind] = PhaseKind.INVENTERING
    name_key: ClassVar[str] = "phases.inventering.name"

    def phone_screen(
        self, session: Session, phase: PhaseRecord, participant: Participant
    ) -> PhoneScreen:
        """The write page: a perspective and its kind, to the workshop the phone joined."""
        return PhoneScreen("inventering/write.html", {"workshop_id": participant.workshop_id})

    def wall(self, session: Session, phase: PhaseRecord, workshop: Workshop) -> WallPart:
        """Every perspective in rotation, counts per group and kind, live reactions."""
        from phases.inventering import wall

        return wall.part(session, phase, workshop)

    def controls(self, phase: PhaseRecord) -> list[Control]:
        return [
            Control("open_workshop", "phases.inventering.controls.open_workshop",
                    "/facilitator/processes/{process_id}"),
            Control("moderate", "phases.inventering.controls.moderate",
                    "/facilitator/workshops/{workshop_id}"),
        ]

    def produce(self, session: Session, phase: PhaseRecord) -> dict[str, Any]:
        """The approved perspectives of this round and who has not been heard yet."""
        approved = session.scalars(
            select(Perspective)
            .where(Perspective.phase_id == phase.id,
                   Perspective.status == ModerationStatus.APPROVED)
            .order_by(Perspective.id)
        )
        workshops = session.scalars(select(Workshop.id).where(Workshop.phase_id == phase.id))
        return {
            "kind": self.kind.value,
            "round": phase.round,
            "workshops": list(workshops),
            "perspectives": PerspectiveOut.dump_all(approved),
            "tally": tallies.tally(session, phase.process, statuses=(ModerationStatus.APPROVED,)),
        }

    def install(self, app: Flask, socketio: SocketIO, namespace: str) -> None:
        """The phone's and the console's pages, the map, their routes, events and broadcasts."""
        from phases.inventering import api, broadcast, live, pages
        from phases.inventering.map import api as map_api
        from phases.inventering.map import live as map_live
        from phases.inventering.map import pages as map_pages

        pages.install(app)
        app.register_blueprint(map_pages.blueprint)
        app.register_blueprint(api.blueprint)
        app.register_blueprint(map_api.blueprint)
        broadcast.connect_signals(socketio, namespace)
        live.register(socketio, namespace)
        map_live.register(socketio, namespace)

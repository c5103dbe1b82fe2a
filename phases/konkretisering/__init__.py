"""Konkretisering: alternatives from what was said, checked back and decided, then proposals.

The phase whole, in one package:

* domain rules (no Flask): ``alternatives`` (+ ``sources``: what an alternative came from),
  ``checkback``, ``majority_vote``, ``minority_wisdom``, ``fishing``, ``goals``
  (+ ``presets``), ``proposals``, ``trace``, ``phone`` (what a phone can answer now),
  ``export``, ``fields`` (text, list, date and budget checks); what happened next:
  ``decisions``, ``funding`` (+ ``funding_plans``, ``amounts``), ``indicators``,
  ``consequences`` (with the minority's conditions followed up), ``follow_up``;
* ``schemas``: what the phase answers (pydantic ``Output`` schemas; OpenAPI is made from them);
* ``operations/``: every action declared once, per aggregate (goals, alternatives,
  checkback, votes incl. minority wisdom, fishing, proposals, phone);
* the faces, thin adapters over the actions: ``api`` and ``followup_api`` (JSON under
  ``/api/v1``), ``followup_pages`` (the follow-up console), ``live``
  (Socket.IO events; ``broadcast`` sends what changed), ``forms`` and ``proposal_pages``
  (the console's form posts), ``pages`` (the console, alternative and phone pages);
* ``demo``: the konkretisering part of ``dialog demo``;
* templates in ``templates/konkretisering/``, scripts in ``static/js/konkretisering/``,
  strings in ``translations/{sv,en}.json`` (error messages stay in ``dialog/translations``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy.orm import Session

from dialog.models import Participant, PhaseKind, Workshop
from dialog.models import Phase as PhaseRecord
from dialog.phasing.contract import WallPart
from phases.base import Control, PhoneScreen
from phases.konkretisering import alternatives, checkback, proposals
from phases.konkretisering.schemas import ProposalOut
from phases.konkretisering.trace import alternative_detail

if TYPE_CHECKING:
    from flask import Flask
    from flask_socketio import SocketIO


class Konkretisering:
    kind: ClassVar[PhaseKind] = PhaseKind.KONKRETISERING
    name_key: ClassVar[str] = "phases.konkretisering.name"

    def phone_screen(
        self, session: Session, phase: PhaseRecord, participant: Participant
    ) -> PhoneScreen:
        """The check-back page: rate alternatives, vote, answer the minority question, fish."""
        return PhoneScreen("konkretisering/phone.html", {
            "endpoint": "konkret.phone", "workshop_id": participant.workshop_id,
        })

    def wall(self, session: Session, phase: PhaseRecord, workshop: Workshop) -> WallPart:
        """The alternatives being checked back, the vote and the minority's conditions."""
        from phases.konkretisering import wall

        return wall.part(session, phase, workshop)

    def controls(self, phase: PhaseRecord) -> list[Control]:
        page = "/facilitator/processes/{process_id}/konkret"
        return [
            Control("draft_alternative", "phases.konkretisering.controls.draft_alternative",
                    page + "#draft"),
            Control("checkback", "phases.konkretisering.controls.checkback",
                    page + "#checkback"),
            Control("majority_vote", "phases.konkretisering.controls.majority_vote",
                    page + "#alternatives"),
            Control("go_fishing", "phases.konkretisering.controls.go_fishing",
                    page + "#fishing"),
            Control("proposals", "phases.konkretisering.controls.proposals",
                    "/facilitator/processes/{process_id}/proposals"),
            Control("export", "phases.konkretisering.controls.export",
                    "/api/v1/processes/{process_id}/konkretisering.json"),
        ]

    def produce(self, session: Session, phase: PhaseRecord) -> dict[str, Any]:
        """The alternatives drafted in this round with their loop, check-backs and proposals."""
        drafted = [a for a in alternatives.alternatives_of(session, phase.process)
                   if a.phase_id == phase.id]
        ids = {a.id for a in drafted}
        rounds = [r for r in checkback.rounds_of(session, phase.process)
                  if r.phase_id == phase.id]
        made = [p for p in proposals.proposals_of(session, phase.process)
                if ids & {a.id for a in p.alternatives}]
        return {
            "kind": self.kind.value, "round": phase.round,
            "alternatives": [alternative_detail(session, a) for a in drafted],
            "checkback_rounds": [checkback.results(session, r) for r in rounds],
            "proposals": ProposalOut.dump_all(made),
        }

    def install(self, app: Flask, socketio: SocketIO, namespace: str) -> None:
        """The console, alternative, proposal and phone pages, and the live events."""
        # forms and proposal_pages add their routes to the pages blueprint.
        from phases.konkretisering import (  # noqa: F401
            api,
            followup_api,
            followup_pages,
            forms,
            live,
            ownership_pages,
            pages,
            proposal_pages,
        )

        app.register_blueprint(pages.blueprint)
        app.register_blueprint(api.blueprint)
        app.register_blueprint(followup_api.blueprint)
        live.register(socketio, namespace)

"""Phases over HTTP: open the next phase or a new round, close one, read what it produced."""

from __future__ import annotations

from typing import Any

from flask import g, jsonify
from flask.typing import ResponseReturnValue

import phases as method
from dialog.extensions import db
from dialog.services import phases as phase_service
from dialog.services import processes
from dialog.web.api import blueprint
from dialog.web.auth import facilitator_required, json_body, participant_required
from dialog.web.phase_screens import screen_for


@blueprint.post("/processes/<int:process_id>/phases")
@facilitator_required
def open_phase(process_id: int) -> ResponseReturnValue:
    data = json_body()
    process = processes.managed_process(db.session, g.facilitator, process_id)
    phase = phase_service.open_phase(db.session, process, data.get("kind"))
    return jsonify(phase_service.phase_to_dict(phase)), 201


@blueprint.get("/processes/<int:process_id>/phases")
@facilitator_required
def list_phases(process_id: int) -> ResponseReturnValue:
    process = processes.managed_process(db.session, g.facilitator, process_id)
    current = phase_service.open_phase_of(process)
    return jsonify(phases=phase_service.history(process),
                   current=phase_service.phase_to_dict(current) if current else None)


@blueprint.get("/phases/<int:phase_id>")
@facilitator_required
def get_phase(phase_id: int) -> ResponseReturnValue:
    phase = phase_service.get_phase(db.session, phase_id)
    processes.managed_process(db.session, g.facilitator, phase.process_id)
    body: dict[str, Any] = phase_service.phase_to_dict(phase)
    implementation = method.PHASES.get(phase.kind)
    if implementation is not None:
        body["controls"] = [
            {"name": c.name, "label_key": c.label_key,
             "target": c.target.format(process_id=phase.process_id, phase_id=phase.id,
                                       workshop_id="{workshop_id}")}
            for c in implementation.controls(phase)
        ]
        body["produced"] = implementation.produce(db.session, phase)
    return jsonify(body)


@blueprint.post("/phases/<int:phase_id>/close")
@facilitator_required
def close_phase(phase_id: int) -> ResponseReturnValue:
    phase = phase_service.get_phase(db.session, phase_id)
    processes.managed_process(db.session, g.facilitator, phase.process_id)
    phase_service.close_phase(db.session, phase)
    return jsonify(phase_service.phase_to_dict(phase))


@blueprint.get("/me/screen")
@participant_required
def my_screen() -> ResponseReturnValue:
    """The open phase of my process and where my phone should be."""
    return jsonify(screen_for(db.session, g.participant))

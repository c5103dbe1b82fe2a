"""Processes: create, read, and list their perspectives (facilitators only)."""

from __future__ import annotations

from flask import g, jsonify
from flask.typing import ResponseReturnValue

from dialog.extensions import db
from dialog.services import processes, tallies
from dialog.services.perspectives import perspective_to_dict, perspectives_of_process
from dialog.web.api import blueprint
from dialog.web.auth import facilitator_required, json_body


@blueprint.post("/processes")
@facilitator_required
def create_process() -> ResponseReturnValue:
    data = json_body()
    process = processes.create_process(
        db.session,
        g.facilitator,
        title=data.get("title"),
        question=data.get("question"),
        stakeholder_groups=data.get("stakeholder_groups"),
        description=str(data.get("description") or ""),
        owner_organisation=str(data.get("owner_organisation") or ""),
        language=str(data.get("language") or "sv"),
    )
    return jsonify(id=process.id, slug=process.slug), 201


@blueprint.get("/processes")
@facilitator_required
def list_processes() -> ResponseReturnValue:
    found = processes.processes_of(db.session, g.facilitator)
    return jsonify(processes=[processes.process_to_dict(p) for p in found])


@blueprint.get("/processes/<int:process_id>")
@facilitator_required
def get_process(process_id: int) -> ResponseReturnValue:
    process = processes.managed_process(db.session, g.facilitator, process_id)
    body = processes.process_to_dict(process)
    body["tally"] = tallies.tally(db.session, process)
    return jsonify(body)


@blueprint.get("/processes/<int:process_id>/perspectives")
@facilitator_required
def list_perspectives(process_id: int) -> ResponseReturnValue:
    process = processes.managed_process(db.session, g.facilitator, process_id)
    found = perspectives_of_process(db.session, process)
    return jsonify(perspectives=[perspective_to_dict(p) for p in found])

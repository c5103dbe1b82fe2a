"""Perspectives: participants submit (exactly once per client_id); facilitators moderate."""

from __future__ import annotations

from flask import g, jsonify
from flask.typing import ResponseReturnValue

from dialog.extensions import db
from dialog.services import moderation, processes, workshops
from dialog.services.perspectives import (
    perspective_to_dict,
    perspectives_of_participant,
    submit_perspective,
)
from dialog.web.api import blueprint
from dialog.web.auth import facilitator_required, json_body, participant_required


@blueprint.post("/workshops/<int:workshop_id>/perspectives")
@participant_required
def submit(workshop_id: int) -> ResponseReturnValue:
    data = json_body()
    workshop = workshops.get_workshop(db.session, workshop_id)
    perspective, duplicate = submit_perspective(
        db.session, g.participant, workshop,
        text=data.get("text"), kind=data.get("kind"),
        stakeholder_group=data.get("stakeholder_group"), client_id=data.get("client_id"),
    )
    body = {"id": perspective.id, "status": perspective.status.value, "duplicate": duplicate}
    return jsonify(body), 200 if duplicate else 201


@blueprint.get("/me/perspectives")
@participant_required
def my_perspectives() -> ResponseReturnValue:
    found = perspectives_of_participant(db.session, g.participant)
    return jsonify(perspectives=[perspective_to_dict(p) for p in found])


@blueprint.post("/perspectives/<int:perspective_id>/moderation")
@facilitator_required
def moderate(perspective_id: int) -> ResponseReturnValue:
    data = json_body()
    perspective = moderation.get_perspective(db.session, perspective_id)
    processes.managed_process(db.session, g.facilitator, perspective.process_id)
    moderation.moderate(db.session, perspective, g.facilitator, data.get("action"),
                        data.get("reason", ""))
    return jsonify(perspective_to_dict(perspective))


@blueprint.get("/processes/<int:process_id>/moderation-log")
@facilitator_required
def moderation_log(process_id: int) -> ResponseReturnValue:
    processes.managed_process(db.session, g.facilitator, process_id)
    return jsonify(events=moderation.moderation_log(db.session, process_id))

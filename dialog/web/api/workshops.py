"""Workshops: open one, change its state, join it by code."""

from __future__ import annotations

from flask import g, jsonify, url_for
from flask.typing import ResponseReturnValue

from dialog.extensions import db
from dialog.services import participants, processes, workshops
from dialog.web.api import blueprint
from dialog.web.auth import facilitator_required, json_body


def join_url(code: str) -> str:
    return url_for("participant.join", code=code, _external=True)


@blueprint.post("/processes/<int:process_id>/workshops")
@facilitator_required
def open_workshop(process_id: int) -> ResponseReturnValue:
    data = json_body()
    process = processes.managed_process(db.session, g.facilitator, process_id)
    workshop = workshops.open_workshop(
        db.session, process, title=data.get("title"),
        pre_moderation=bool(data.get("pre_moderation", False)),
    )
    return jsonify(id=workshop.id, join_code=workshop.join_code,
                   join_url=join_url(workshop.join_code)), 201


@blueprint.get("/workshops/<int:workshop_id>")
@facilitator_required
def get_workshop(workshop_id: int) -> ResponseReturnValue:
    workshop = workshops.get_workshop(db.session, workshop_id)
    processes.managed_process(db.session, g.facilitator, workshop.process_id)
    body = workshops.workshop_to_dict(workshop)
    return jsonify(body | {"join_url": join_url(workshop.join_code)})


@blueprint.patch("/workshops/<int:workshop_id>")
@facilitator_required
def update_workshop(workshop_id: int) -> ResponseReturnValue:
    data = json_body()
    workshop = workshops.get_workshop(db.session, workshop_id)
    processes.managed_process(db.session, g.facilitator, workshop.process_id)
    if "state" in data:
        workshops.set_state(db.session, workshop, data["state"])
    if "pre_moderation" in data:
        workshops.set_pre_moderation(db.session, workshop, bool(data["pre_moderation"]))
    return jsonify(workshops.workshop_to_dict(workshop))


@blueprint.post("/join")
def join() -> ResponseReturnValue:
    data = json_body()
    participant, token = participants.join(
        db.session, data.get("join_code"),
        stakeholder_group=data.get("stakeholder_group"), age_band=data.get("age_band"),
    )
    return jsonify(participant_token=token, workshop_id=participant.workshop_id,
                   process_id=participant.process_id), 201

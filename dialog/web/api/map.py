"""Reactions, links and the perspective map over HTTP (see ``openapi_map`` for the shapes)."""

from __future__ import annotations

from flask import g, jsonify, request
from flask.typing import ResponseReturnValue

from dialog.errors import DialogError, Unauthorized
from dialog.extensions import db
from dialog.models import VOTE_NAMES, Facilitator, Participant
from dialog.services import analysis_runs, links, processes, workshops
from dialog.services.participants import participant_for_token, require_in_workshop
from dialog.services.reaction_queue import next_perspective, perspective_for_phone
from dialog.services.reactions import react
from dialog.web.api import blueprint
from dialog.web.auth import (
    bearer_token,
    facilitator_from_request,
    facilitator_required,
    json_body,
    participant_required,
)


@blueprint.post("/perspectives/<int:perspective_id>/votes")
@participant_required
def vote(perspective_id: int) -> ResponseReturnValue:
    data = json_body()
    reaction, created = react(db.session, g.participant, perspective_id, data.get("vote"))
    body = {"ok": True, "perspective_id": reaction.perspective_id,
            "vote": VOTE_NAMES[reaction.vote], "created": created}
    return jsonify(body), 201 if created else 200


@blueprint.get("/workshops/<int:workshop_id>/next-perspective")
@participant_required
def next_for_me(workshop_id: int) -> ResponseReturnValue:
    workshop = workshops.get_workshop(db.session, workshop_id)
    require_in_workshop(g.participant, workshop)
    perspective, remaining = next_perspective(db.session, g.participant)
    shown = perspective_for_phone(perspective) if perspective is not None else None
    return jsonify(perspective=shown, remaining=remaining)


@blueprint.get("/processes/<int:process_id>/map")
@facilitator_required
def process_map(process_id: int) -> ResponseReturnValue:
    process = processes.managed_process(db.session, g.facilitator, process_id)
    result, _computed = analysis_runs.refresh(db.session, process, _seed())
    if request.args.get("view") == "projector":
        result = analysis_runs.for_projector(result)
    return jsonify(result)


@blueprint.post("/processes/<int:process_id>/links")
def create_link(process_id: int) -> ResponseReturnValue:
    facilitator, participant = _facilitator_or_participant()
    data = json_body()
    if facilitator is not None:
        process = processes.managed_process(db.session, facilitator, process_id)
    else:
        process = processes.get_process(db.session, process_id)
    link, created = links.create_link(
        db.session, process, source_id=data.get("source_id"), target_id=data.get("target_id"),
        relation=data.get("relation"), facilitator=facilitator, participant=participant,
    )
    return jsonify(links.link_to_dict(link) | {"created": created}), 201 if created else 200


@blueprint.get("/processes/<int:process_id>/links")
@facilitator_required
def list_links(process_id: int) -> ResponseReturnValue:
    processes.managed_process(db.session, g.facilitator, process_id)
    found = links.links_of_process(db.session, process_id)
    return jsonify(links=[links.link_to_dict(k) for k in found])


def _facilitator_or_participant() -> tuple[Facilitator | None, Participant | None]:
    facilitator = facilitator_from_request()
    if facilitator is not None:
        return facilitator, None
    participant = participant_for_token(db.session, bearer_token())
    if participant is None:
        raise Unauthorized("participant_token_invalid" if bearer_token() else "unauthorized")
    return None, participant


def _seed() -> int:
    raw = request.args.get("seed", "0")
    if not raw.isdigit() or len(raw) > 9:
        raise DialogError("invalid_seed")
    return int(raw)

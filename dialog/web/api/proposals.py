"""Proposals, their status history, their trace and the konkretisering export (facilitators)."""

from __future__ import annotations

from flask import g, jsonify
from flask.typing import ResponseReturnValue

from dialog.extensions import db
from dialog.models import Proposal
from dialog.services import processes
from dialog.web.api import blueprint
from dialog.web.auth import facilitator_required, json_body
from phases.konkretisering import export as konkret_export
from phases.konkretisering import proposals, trace


def _proposal(proposal_id: int) -> Proposal:
    proposal = proposals.get_proposal(db.session, proposal_id)
    processes.managed_process(db.session, g.facilitator, proposal.process_id)
    return proposal


@blueprint.get("/processes/<int:process_id>/proposals")
@facilitator_required
def list_proposals(process_id: int) -> ResponseReturnValue:
    process = processes.managed_process(db.session, g.facilitator, process_id)
    return jsonify(proposals=[proposals.proposal_to_dict(p)
                              for p in proposals.proposals_of(db.session, process)])


@blueprint.post("/processes/<int:process_id>/proposals")
@facilitator_required
def create_proposal(process_id: int) -> ResponseReturnValue:
    data = json_body()
    process = processes.managed_process(db.session, g.facilitator, process_id)
    proposal = proposals.create_proposal(
        db.session, process, g.facilitator, title=data.get("title"), owner=data.get("owner"),
        alternative_ids=data.get("alternative_ids"), description=data.get("description", ""),
        budget_tkr=data.get("budget_tkr"), starts_on=data.get("starts_on"),
        ends_on=data.get("ends_on"), committee_goal_id=data.get("committee_goal_id"),
        indicators=data.get("indicators"), dated=data.get("dated"))
    return jsonify(proposals.proposal_to_dict(proposal)), 201


@blueprint.get("/proposals/<int:proposal_id>")
@facilitator_required
def get_proposal(proposal_id: int) -> ResponseReturnValue:
    return jsonify(proposals.proposal_to_dict(_proposal(proposal_id)))


@blueprint.post("/proposals/<int:proposal_id>/status-updates")
@facilitator_required
def add_status_update(proposal_id: int) -> ResponseReturnValue:
    data = json_body()
    proposal = _proposal(proposal_id)
    update = proposals.add_status_update(db.session, proposal, g.facilitator,
                                         status=data.get("status"), note=data.get("note", ""),
                                         dated=data.get("dated"))
    return jsonify(update=proposals.update_to_dict(update),
                   proposal=proposals.proposal_to_dict(proposal)), 201


@blueprint.get("/proposals/<int:proposal_id>/trace")
@facilitator_required
def get_trace(proposal_id: int) -> ResponseReturnValue:
    return jsonify(trace.trace(db.session, _proposal(proposal_id)))


@blueprint.get("/processes/<int:process_id>/konkretisering.json")
@facilitator_required
def export_konkretisering(process_id: int) -> ResponseReturnValue:
    process = processes.managed_process(db.session, g.facilitator, process_id)
    response = jsonify(konkret_export.export(db.session, process))
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{process.slug}-konkretisering.json"')
    return response

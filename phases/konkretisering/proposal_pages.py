"""Proposal pages: the list with a form to make one, and each proposal with its trace."""

from __future__ import annotations

from typing import Any

from flask import render_template, request, url_for
from flask.typing import ResponseReturnValue

from dialog.errors import DialogError
from dialog.extensions import db
from dialog.models import Process, Proposal, ProposalStatus
from dialog.models.alternative import ACCEPTED
from dialog.web.auth import login_required
from dialog.web.form_actions import again, submit_form
from dialog.web.pages import managed_page
from phases.konkretisering import alternatives, goals, proposals
from phases.konkretisering.operations import proposals as proposal_actions
from phases.konkretisering.pages import blueprint
from phases.konkretisering.schemas import ProposalOut
from phases.konkretisering.trace import trace


@blueprint.get("/facilitator/processes/<int:process_id>/proposals")
@managed_page(Process, "process_id")
def proposal_list(process: Process) -> ResponseReturnValue:
    return render_proposals(process)


def render_proposals(process: Process, error: DialogError | None = None,
                     form: dict[str, Any] | None = None) -> ResponseReturnValue:
    accepted = [a for a in alternatives.alternatives_of(db.session, process)
                if a.outcome in ACCEPTED and not a.hidden]
    body = render_template(
        "konkretisering/proposals.html", process=process, error=error, form=form or {},
        proposals=proposals.proposals_of(db.session, process), accepted=accepted,
        goals=goals.goals_of(db.session, process))
    return body, error.status if error else 200


@blueprint.post("/facilitator/processes/<int:process_id>/proposals")
@login_required
def create_proposal(process_id: int) -> ResponseReturnValue:
    form = request.form

    page = again(Process, process_id, render_proposals)
    return submit_form(proposal_actions.create, {
        "process_id": process_id, "title": form.get("title"), "owner": form.get("owner"),
        "alternative_ids": form.getlist("alternative_ids"),
        "description": form.get("description", ""), "budget_tkr": form.get("budget_tkr"),
        "starts_on": form.get("starts_on"), "ends_on": form.get("ends_on"),
        "committee_goal_id": form.get("committee_goal_id"),
        "indicators": form.get("indicators", ""),
    }, page, lambda made: url_for("konkret.proposal", proposal_id=made.id))


@blueprint.get("/facilitator/proposals/<int:proposal_id>")
@managed_page(Proposal, "proposal_id")
def proposal(found: Proposal) -> ResponseReturnValue:
    return render_proposal(found)


def render_proposal(found: Proposal, error: DialogError | None = None,
                    form: dict[str, Any] | None = None) -> ResponseReturnValue:
    """A proposal, its dated status history and the chain back to what was said."""
    process = db.session.get(Process, found.process_id)
    body = render_template(
        "konkretisering/proposal.html", process=process, proposal=found,
        data=ProposalOut.dump(found), trace=trace(db.session, found),
        statuses=[s.value for s in ProposalStatus], error=error, form=form or {})
    return body, error.status if error else 200


@blueprint.post("/facilitator/proposals/<int:proposal_id>/status")
@login_required
def add_status(proposal_id: int) -> ResponseReturnValue:
    form = request.form

    page = again(Proposal, proposal_id, render_proposal)
    return submit_form(proposal_actions.add_status, {
        "proposal_id": proposal_id, "status": form.get("status"),
        "note": form.get("note", ""), "dated": form.get("dated"),
    }, page, lambda _done: url_for("konkret.proposal", proposal_id=proposal_id) + "#status")

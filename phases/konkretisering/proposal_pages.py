"""Proposal pages: the list with a form to make one, and each proposal with its trace."""

from __future__ import annotations

from typing import Any

from flask import g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from dialog.errors import DialogError
from dialog.extensions import db
from dialog.models import Process, Proposal, ProposalStatus
from dialog.models.alternative import ACCEPTED
from dialog.services import processes
from dialog.web.auth import check_csrf, login_required
from phases.konkretisering import alternatives, proposals, trace
from phases.konkretisering import goals as committee_goals
from phases.konkretisering.pages import blueprint


@blueprint.get("/facilitator/processes/<int:process_id>/proposals")
@login_required
def proposal_list(process_id: int) -> ResponseReturnValue:
    return render_proposals(processes.managed_process(db.session, g.facilitator, process_id))


def render_proposals(process: Process, error: DialogError | None = None,
                     form: dict[str, Any] | None = None) -> ResponseReturnValue:
    accepted = [a for a in alternatives.alternatives_of(db.session, process)
                if a.outcome in ACCEPTED and not a.hidden]
    body = render_template(
        "konkretisering/proposals.html", process=process, error=error, form=form or {},
        proposals=proposals.proposals_of(db.session, process), accepted=accepted,
        goals=committee_goals.goals_of(db.session, process))
    return body, error.status if error else 200


@blueprint.post("/facilitator/processes/<int:process_id>/proposals")
@login_required
def create_proposal(process_id: int) -> ResponseReturnValue:
    check_csrf()
    process = processes.managed_process(db.session, g.facilitator, process_id)
    form = request.form
    try:
        proposal = proposals.create_proposal(
            db.session, process, g.facilitator, title=form.get("title"), owner=form.get("owner"),
            alternative_ids=form.getlist("alternative_ids"),
            description=form.get("description", ""), budget_tkr=form.get("budget_tkr"),
            starts_on=form.get("starts_on"), ends_on=form.get("ends_on"),
            committee_goal_id=form.get("committee_goal_id"),
            indicators=form.get("indicators", ""))
    except DialogError as exc:
        return render_proposals(process, exc, form.to_dict())
    return redirect(url_for("konkret.proposal", proposal_id=proposal.id))


@blueprint.get("/facilitator/proposals/<int:proposal_id>")
@login_required
def proposal(proposal_id: int) -> ResponseReturnValue:
    found = proposals.get_proposal(db.session, proposal_id)
    processes.managed_process(db.session, g.facilitator, found.process_id)
    return render_proposal(found)


def render_proposal(found: Proposal, error: DialogError | None = None,
                    form: dict[str, Any] | None = None) -> ResponseReturnValue:
    """A proposal, its dated status history and the chain back to what was said."""
    process = db.session.get(Process, found.process_id)
    body = render_template(
        "konkretisering/proposal.html", process=process, proposal=found,
        data=proposals.proposal_to_dict(found), trace=trace.trace(db.session, found),
        statuses=[s.value for s in ProposalStatus], error=error, form=form or {})
    return body, error.status if error else 200


@blueprint.post("/facilitator/proposals/<int:proposal_id>/status")
@login_required
def add_status(proposal_id: int) -> ResponseReturnValue:
    check_csrf()
    found = proposals.get_proposal(db.session, proposal_id)
    processes.managed_process(db.session, g.facilitator, found.process_id)
    form = request.form
    try:
        proposals.add_status_update(db.session, found, g.facilitator, status=form.get("status"),
                                    note=form.get("note", ""), dated=form.get("dated"))
    except DialogError as exc:
        return render_proposal(found, exc, form.to_dict())
    return redirect(url_for("konkret.proposal", proposal_id=found.id) + "#status")

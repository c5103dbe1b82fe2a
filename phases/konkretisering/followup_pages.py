"""Follow-up in the console: the process's mandate, money and assessments, and each
proposal's decisions, budget, indicators, consequences and conditions. Every form is a
thin adapter over an action (``submit_form``) and works without JavaScript."""

from __future__ import annotations

from typing import Any

from flask import render_template, request, url_for
from flask.typing import ResponseReturnValue

from dialog.errors import DialogError
from dialog.extensions import db
from dialog.models import DecisionOutcome, FundingSource, Process, Proposal
from dialog.operations import followup as team_actions
from dialog.operations import mandates
from dialog.services import assessments, evaluations
from dialog.web.auth import login_required
from dialog.web.form_actions import again, submit_form
from dialog.web.pages import managed_page
from phases.konkretisering import follow_up, funding, proposals
from phases.konkretisering.funding_plans import FUNDING_PLANS
from phases.konkretisering.operations import decisions
from phases.konkretisering.operations import funding as funding_actions
from phases.konkretisering.operations import indicators as indicator_actions
from phases.konkretisering.pages import blueprint

PROCESS_PAGE = "/facilitator/processes/<int:process_id>/follow-up"
PROPOSAL_PAGE = "/facilitator/proposals/<int:proposal_id>/follow-up"


@blueprint.get(PROCESS_PAGE)
@managed_page(Process, "process_id")
def process_follow_up(process: Process) -> ResponseReturnValue:
    return render_process(process)


def render_process(process: Process, error: DialogError | None = None,
                   form: dict[str, Any] | None = None) -> ResponseReturnValue:
    """Mandate, funding lines with allocated and remaining, assessments, evaluations."""
    body = render_template(
        "konkretisering/followup_process.html", process=process, error=error,
        form=form or {}, overview=funding.overview(db.session, process),
        sources=[s.value for s in FundingSource], plans=FUNDING_PLANS,
        proposals=proposals.proposals_of(db.session, process),
        assessments=assessments.assessments_of(db.session, process),
        evaluations=evaluations.summary(db.session, process))
    return body, error.status if error else 200


def _to_process(process_id: int, anchor: str) -> Any:
    return lambda _done: url_for("konkret.process_follow_up", process_id=process_id) + anchor


@blueprint.post(PROCESS_PAGE + "/mandate")
@login_required
def save_mandate(process_id: int) -> ResponseReturnValue:
    return submit_form(mandates.update_process, {
        "process_id": process_id, "mandate": request.form.get("mandate", ""),
        "decision_maker": request.form.get("decision_maker", "")},
        again(Process, process_id, render_process), _to_process(process_id, "#mandate"))


@blueprint.post(PROCESS_PAGE + "/funding-lines")
@login_required
def add_funding_line(process_id: int) -> ResponseReturnValue:
    form = request.form
    return submit_form(funding_actions.add_line, {
        "process_id": process_id, "name": form.get("name"), "amount": form.get("amount"),
        "source": form.get("source")},
        again(Process, process_id, render_process), _to_process(process_id, "#funding"))


@blueprint.post(PROCESS_PAGE + "/funding-plan")
@login_required
def load_funding_plan(process_id: int) -> ResponseReturnValue:
    return submit_form(funding_actions.load_plan, {
        "process_id": process_id, "preset": request.form.get("preset")},
        again(Process, process_id, render_process), _to_process(process_id, "#funding"))


@blueprint.post(PROCESS_PAGE + "/funding-lines/<int:funding_line_id>")
@login_required
def update_funding_line(process_id: int, funding_line_id: int) -> ResponseReturnValue:
    return submit_form(funding_actions.update_line, {
        "funding_line_id": funding_line_id, "amount": request.form.get("amount")},
        again(Process, process_id, render_process), _to_process(process_id, "#funding"))


@blueprint.post(PROCESS_PAGE + "/assessments")
@login_required
def add_assessment(process_id: int) -> ResponseReturnValue:
    return submit_form(team_actions.add_assessment, {
        "process_id": process_id, "text": request.form.get("text", ""),
        "phase_id": request.form.get("phase_id") or None},
        again(Process, process_id, render_process), _to_process(process_id, "#assessments"))


@blueprint.get(PROPOSAL_PAGE)
@managed_page(Proposal, "proposal_id")
def proposal_follow_up(found: Proposal) -> ResponseReturnValue:
    return render_proposal(found)


def render_proposal(found: Proposal, error: DialogError | None = None,
                    form: dict[str, Any] | None = None) -> ResponseReturnValue:
    """Decisions, budget lines, indicators, consequences and conditions of one proposal."""
    process = db.session.get(Process, found.process_id)
    assert process is not None
    body = render_template(
        "konkretisering/followup_proposal.html", process=process, proposal=found,
        error=error, form=form or {}, follow=follow_up.of_proposal(db.session, found),
        lines=funding.funding_lines_of(db.session, process),
        overview=funding.overview(db.session, process),
        outcomes=[o.value for o in DecisionOutcome], sources=[s.value for s in FundingSource])
    return body, error.status if error else 200


def _to_proposal(proposal_id: int, anchor: str) -> Any:
    return lambda _done: url_for("konkret.proposal_follow_up", proposal_id=proposal_id) + anchor


def _proposal_form(action: Any, proposal_id: int, anchor: str,
                   data: dict[str, Any]) -> ResponseReturnValue:
    return submit_form(action, data, again(Proposal, proposal_id, render_proposal),
                       _to_proposal(proposal_id, anchor))


@blueprint.post(PROPOSAL_PAGE + "/decisions")
@login_required
def add_decision(proposal_id: int) -> ResponseReturnValue:
    form = request.form
    return _proposal_form(decisions.decide, proposal_id, "#decisions", {
        "proposal_id": proposal_id, **{k: form.get(k, "") for k in (
            "body", "decided_on", "paragraph", "case_number", "outcome", "note")}})


@blueprint.post(PROPOSAL_PAGE + "/budget-lines")
@login_required
def add_budget_line(proposal_id: int) -> ResponseReturnValue:
    form = request.form
    return _proposal_form(funding_actions.add_budget_line, proposal_id, "#budget", {
        "proposal_id": proposal_id, "funding_line_id": form.get("funding_line_id") or None,
        "source": form.get("source") or None, "amount": form.get("amount"),
        "note": form.get("note", "")})


@blueprint.post(PROPOSAL_PAGE + "/budget-lines/<int:budget_line_id>/remove")
@login_required
def remove_budget_line(proposal_id: int, budget_line_id: int) -> ResponseReturnValue:
    return _proposal_form(funding_actions.remove_budget_line, proposal_id, "#budget",
                          {"budget_line_id": budget_line_id})


@blueprint.post(PROPOSAL_PAGE + "/indicators")
@login_required
def add_indicator(proposal_id: int) -> ResponseReturnValue:
    form = request.form
    return _proposal_form(indicator_actions.add, proposal_id, "#indicators", {
        "proposal_id": proposal_id, **{k: form.get(k, "") for k in (
            "name", "unit", "baseline", "target")}})


@blueprint.post(PROPOSAL_PAGE + "/indicators/<int:indicator_id>/measurements")
@login_required
def add_measurement(proposal_id: int, indicator_id: int) -> ResponseReturnValue:
    form = request.form
    return _proposal_form(indicator_actions.measure, proposal_id, f"#indicator-{indicator_id}",
                          {"indicator_id": indicator_id, "value": form.get("value"),
                           "measured_on": form.get("measured_on"),
                           "source": form.get("source", "")})


@blueprint.post(PROPOSAL_PAGE + "/consequences")
@login_required
def save_consequences(proposal_id: int) -> ResponseReturnValue:
    form = request.form
    return _proposal_form(decisions.analyse, proposal_id, "#consequences", {
        "proposal_id": proposal_id, **{k: form.get(k, "") for k in (
            "children", "equality", "ecology")}})


@blueprint.post(PROPOSAL_PAGE + "/conditions/<int:amendment_id>")
@login_required
def mark_condition(proposal_id: int, amendment_id: int) -> ResponseReturnValue:
    form = request.form
    return _proposal_form(decisions.mark_condition, proposal_id, "#conditions", {
        "proposal_id": proposal_id, "amendment_id": amendment_id,
        "followed_up": form.get("followed_up", ""), "note": form.get("note", ""),
        "dated": form.get("dated")})

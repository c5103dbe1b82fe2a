"""A proposal owner's page: the proposal, its dated status updates and a form to add one.

The owner (``POST /proposals/{id}/owners``) reaches this proposal and nothing else of the
process; the page performs the same actions as ``GET/POST /proposals/{id}/status-updates``.
"""

from __future__ import annotations

from typing import Any

from flask import g, render_template, request, session, url_for
from flask.typing import ResponseReturnValue

from dialog import policy
from dialog.actions import perform
from dialog.errors import DialogError
from dialog.extensions import db
from dialog.models import Proposal, ProposalStatus
from dialog.web.auth import login_required
from dialog.web.form_actions import submit_form
from dialog.web.locale import current_locale
from dialog.web.team import FRESH_INVITE
from phases.konkretisering import ownership
from phases.konkretisering.operations import proposals
from phases.konkretisering.pages import blueprint


@blueprint.get("/facilitator/proposals/<int:proposal_id>/updates")
@login_required
def follow_up(proposal_id: int) -> ResponseReturnValue:
    return render_follow_up(proposal_id)


def render_follow_up(proposal_id: int, error: DialogError | None = None,
                     form: dict[str, Any] | None = None) -> ResponseReturnValue:
    """A proposal owner's page: the proposal, its dated updates, a form for a new one."""
    listed = perform(ownership.list_updates, db.session, g.facilitator,
                     {"proposal_id": proposal_id}, current_locale())
    proposal = db.session.get(Proposal, proposal_id)
    owners = perform(ownership.list_owners, db.session, g.facilitator,
                     {"proposal_id": proposal_id}, current_locale())["owners"]
    body = render_template(
        "konkretisering/follow_up.html", proposal=proposal, listed=listed, owners=owners,
        statuses=[s.value for s in ProposalStatus], error=error, form=form or {},
        team=policy.may_manage(g.facilitator, proposal),
        invite_url=session.pop(FRESH_INVITE, None))
    return body, error.status if error else 200


@blueprint.post("/facilitator/proposals/<int:proposal_id>/updates")
@login_required
def add_update(proposal_id: int) -> ResponseReturnValue:
    def refused(error: DialogError, typed: dict[str, Any]) -> ResponseReturnValue:
        return render_follow_up(proposal_id, error, typed)

    return submit_form(proposals.add_status, {
        "proposal_id": proposal_id, "status": request.form.get("status"),
        "text": request.form.get("text", ""), "dated": request.form.get("dated")},
        refused, lambda _done: url_for("konkret.follow_up", proposal_id=proposal_id))


@blueprint.post("/facilitator/proposals/<int:proposal_id>/owners")
@login_required
def add_owner(proposal_id: int) -> ResponseReturnValue:
    """The team names an owner (or invites one; the link is shown once)."""
    def refused(error: DialogError, typed: dict[str, Any]) -> ResponseReturnValue:
        return render_follow_up(proposal_id, error, typed)

    def done(added: Any) -> str:
        if added.invite_url:
            session[FRESH_INVITE] = request.host_url.rstrip("/") + added.invite_url
        return url_for("konkret.follow_up", proposal_id=proposal_id) + "#owners"

    return submit_form(ownership.add_owner, {"proposal_id": proposal_id,
                                             "email": request.form.get("email")},
                       refused, done)

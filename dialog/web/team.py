"""The team pages: a process's team in the console and the invitation an invitee opens to
create their account (a proposal owner's page is konkretisering's ``ownership_pages``).

Every form performs the same actions as the JSON API (``team.add``, ``team.remove``); an
invite link is shown once to the owner, who hands it over (by
e-mail once mail exists).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue

from dialog import policy
from dialog.actions import perform
from dialog.errors import DialogError
from dialog.extensions import db
from dialog.models import Process, TeamRole
from dialog.operations import team as team_actions
from dialog.services import facilitators, team
from dialog.web.auth import check_csrf, login_required
from dialog.web.form_actions import again, submit_form
from dialog.web.locale import current_locale
from dialog.web.pages import managed_page

blueprint = Blueprint("team", __name__)

#: The session key that carries a fresh invite link from the form to the page, once.
FRESH_INVITE = "team_invite_url"


@blueprint.app_context_processor
def _team_helpers() -> dict[str, Any]:
    """``team_role(process)`` for the console layout: a reader is told they only read."""

    def team_role(process: Process) -> str | None:
        facilitator = g.get("facilitator")
        if facilitator is None:
            return None
        role = policy.role_in(db.session, facilitator, process.id)
        return role.value if role else None

    return {"team_role": team_role}


@blueprint.get("/facilitator/processes/<int:process_id>/team")
@managed_page(Process, "process_id")
def team_page(process: Process) -> ResponseReturnValue:
    return render_team(process)


def render_team(process: Process, error: DialogError | None = None,
                form: dict[str, Any] | None = None) -> ResponseReturnValue:
    listed = perform(team_actions.list_members, db.session, g.facilitator,
                     {"process_id": process.id}, current_locale())
    body = render_template(
        "console/team.html", process=process, members=listed["members"],
        invitations=listed["invitations"], roles=[r.value for r in TeamRole],
        owner=policy.may_manage(g.facilitator, process, policy.Level.OWN),
        invite_url=session.pop(FRESH_INVITE, None), error=error, form=form or {})
    return body, error.status if error else 200


@blueprint.post("/facilitator/processes/<int:process_id>/team")
@login_required
def add_member(process_id: int) -> ResponseReturnValue:
    def done(added: Any) -> str:
        if added.invite_url:
            session[FRESH_INVITE] = request.host_url.rstrip("/") + added.invite_url
        return url_for("team.team_page", process_id=process_id) + "#team"

    return submit_form(team_actions.add_member, {
        "process_id": process_id, "email": request.form.get("email"),
        "role": request.form.get("role")}, again(Process, process_id, render_team), done)


@blueprint.post("/facilitator/processes/<int:process_id>/team/remove")
@login_required
def remove_member(process_id: int) -> ResponseReturnValue:
    return submit_form(team_actions.remove_member, {
        "process_id": process_id, "email": request.form.get("email")},
        again(Process, process_id, render_team),
        lambda _done: url_for("team.team_page", process_id=process_id) + "#team")


@blueprint.route("/invite/<token>", methods=["GET", "POST"])
def accept_invitation(token: str) -> ResponseReturnValue:
    """The invitee chooses a password; the account is made and signed in."""
    invitation = team.invitation_for(db.session, token)
    error = None
    if request.method == "POST":
        check_csrf()
        password = request.form.get("password", "")
        try:
            if password != request.form.get("password_again", ""):
                raise DialogError("passwords_differ")
            account = team.accept(db.session, token, password)
        except DialogError as exc:
            db.session.rollback()
            error = exc
        else:
            session.clear()
            session["facilitator_id"] = account.id
            if invitation.proposal_id is not None:
                return redirect(url_for("konkret.follow_up", proposal_id=invitation.proposal_id))
            return redirect(url_for("console.process", process_id=invitation.process_id))
    process = db.session.get(Process, invitation.process_id)
    return render_template("console/invitation.html", invitation=invitation, process=process,
                           error=error, min_length=facilitators.MIN_PASSWORD_LENGTH
                           ), error.status if error else 200

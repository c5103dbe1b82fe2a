"""The facilitator console: log in, see and create processes, open workshops.

A workshop's own console and its wall are inventering's (``phases/inventering/pages.py``).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue

from dialog.errors import DialogError, TooManyRequests
from dialog.extensions import db
from dialog.models import ModerationStatus, Process
from dialog.services import facilitators, ownership, processes, tallies, workshops
from dialog.web.auth import (
    check_csrf,
    csrf_token,
    facilitator_from_session,
    login_required,
    start_session,
)
from dialog.web.login import safe_next, sign_in
from dialog.web.pages import managed_page

blueprint = Blueprint("console", __name__, url_prefix="/facilitator")

#: Suggested stakeholder groups for a new process (the Tillit och trygghet process's own).
DEFAULT_GROUPS = ("unga", "vårdnadshavare", "skola", "polis", "kommun", "region", "föreningsliv")


@blueprint.app_context_processor
def _console_helpers() -> dict[str, Any]:
    return {"csrf_token": csrf_token}


@blueprint.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    error = None
    if request.method == "POST":
        check_csrf()
        try:
            facilitator = sign_in(request.form.get("email", ""), request.form.get("password", ""))
        except TooManyRequests:
            raise
        except DialogError as exc:
            error = exc.code
        else:
            start_session(facilitator)
            return redirect(safe_next(request.args.get("next")) or url_for("console.dashboard"))
    return render_template("console/login.html", error=error,
                           email=request.form.get("email", "")), 401 if error else 200


@blueprint.post("/logout")
def logout() -> ResponseReturnValue:
    check_csrf()
    facilitator = facilitator_from_session()
    if facilitator is not None:
        facilitators.end_sessions(facilitator)
    session.clear()
    return redirect(url_for("console.login"))


@blueprint.get("/")
@login_required
def dashboard() -> ResponseReturnValue:
    return render_template("console/dashboard.html",
                           processes=processes.processes_of(db.session, g.facilitator),
                           followed=ownership.followed_by(db.session, g.facilitator))


@blueprint.route("/processes/new", methods=["GET", "POST"])
@login_required
def new_process() -> ResponseReturnValue:
    error, form = None, request.form
    if request.method == "POST":
        check_csrf()
        groups = [line for line in form.get("stakeholder_groups", "").splitlines() if line.strip()]
        try:
            process = processes.create_process(
                db.session, g.facilitator, title=form.get("title", ""),
                question=form.get("question", ""), stakeholder_groups=groups,
                description=form.get("description", ""),
                owner_organisation=form.get("owner_organisation", ""),
            )
        except DialogError as exc:
            error = exc
        else:
            return redirect(url_for("console.process", process_id=process.id))
    return render_template("console/process_new.html", error=error, form=form,
                           default_groups="\n".join(DEFAULT_GROUPS)), 400 if error else 200


@blueprint.get("/processes/<int:process_id>")
@managed_page(Process, "process_id")
def process(found: Process) -> ResponseReturnValue:
    # Groups and kinds as the workshop console and the wall count them (approved: heard);
    # the total also counts what waits for review.
    heard = tallies.tally(db.session, found, statuses=(ModerationStatus.APPROVED,))
    return render_template("console/process.html", process=found, tally=heard,
                           total=tallies.tally(db.session, found)["total"])


@blueprint.post("/processes/<int:process_id>/workshops")
@managed_page(Process, "process_id")
def open_workshop(found: Process) -> ResponseReturnValue:
    check_csrf()
    workshop = workshops.open_workshop(
        db.session, found, title=request.form.get("title", ""),
        pre_moderation=request.form.get("pre_moderation") == "on")
    return redirect(url_for("console.workshop", workshop_id=workshop.id))

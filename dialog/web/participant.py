"""The participant's phone: enter a code and join (the phases show the rest)."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from dialog.errors import DialogError, TooManyRequests
from dialog.extensions import db
from dialog.models import AGE_BANDS
from dialog.services import workshops
from dialog.web.join_guard import check_join_code

blueprint = Blueprint("participant", __name__)


def refused(exc: DialogError, code: str) -> ResponseReturnValue:
    """The code form again, saying what was wrong (and when to try again, if too often)."""
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, TooManyRequests) else {}
    return (render_template("participant/home.html", error=exc.code, code=code), exc.status,
            headers)


@blueprint.get("/")
def home() -> ResponseReturnValue:
    return render_template("participant/home.html", error=None, code="")


@blueprint.get("/join")
def join_by_code() -> ResponseReturnValue:
    """The code form on the home page lands here; a bad code is explained, not a dead end."""
    if "code" not in request.args:  # a bare visit: the form, with nothing to correct yet
        return redirect(url_for("participant.home"))
    code = request.args.get("code", "")
    try:
        workshop = check_join_code(lambda: workshops.find_by_code(db.session, code))
    except DialogError as exc:
        return refused(exc, code)
    return redirect(url_for("participant.join", code=workshop.join_code))


@blueprint.get("/j/<code>")
def join(code: str) -> ResponseReturnValue:
    try:
        workshop = check_join_code(lambda: workshops.find_by_code(db.session, code))
    except DialogError as exc:
        return refused(exc, code)
    return render_template(
        "participant/join.html", workshop=workshop, process=workshop.process,
        groups=[g.name for g in workshop.process.stakeholder_groups], age_bands=AGE_BANDS,
    )

"""Lärande samtal's pages: the facilitator's samtal console and the phone's reflection page."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, render_template
from flask.typing import ResponseReturnValue

from dialog import policy
from dialog.actions import perform
from dialog.errors import DialogError
from dialog.extensions import db
from dialog.models import MAX_REFLECTION_LENGTH, ViewChange, Workshop
from dialog.services import facilitators
from dialog.web.auth import login_required, secret_key
from dialog.web.locale import current_locale
from phases.larande_samtal import operations as do
from phases.larande_samtal import rounds
from phases.larande_samtal.chart import chart

blueprint = Blueprint("samtal", __name__)

@blueprint.get("/w/<int:workshop_id>/samtal")
def phone(workshop_id: int) -> ResponseReturnValue:
    """The reflection page: the open rounds' perspectives and the three prompts."""
    workshop = policy.load(db.session, Workshop, workshop_id)
    process = workshop.process
    return render_template(
        "larande_samtal/phone.html", workshop=workshop, process=process,
        rounds=rounds.open_rounds(db.session, process),
        view_changes=[c.value for c in ViewChange], max_length=MAX_REFLECTION_LENGTH)


@blueprint.get("/facilitator/processes/<int:process_id>/samtal")
@login_required
def console(process_id: int) -> ResponseReturnValue:
    return render_console(process_id)


def render_console(process_id: int, error: DialogError | None = None,
                   form: dict[str, Any] | None = None) -> ResponseReturnValue:
    """The samtal console, optionally with a refused form's error and its input kept."""
    data = perform(do.console, db.session, g.facilitator, {"process_id": process_id},
                   current_locale())
    entries = [e.model_dump(mode="json") for e in data.pop("entries")]
    levels = [level.model_dump(mode="json") for level in data.pop("levels")]
    process = data["process"]
    body = render_template(
        "larande_samtal/console.html", **data, levels=levels, entries=entries,
        chart=chart(entries, levels), latest=entries[-1] if entries else None,
        error=error, form=form or {}, bases=rounds.BASES,
        api_token=facilitators.issue_token(secret_key(), g.facilitator),
        workshop=process.workshops[-1] if process.workshops else None,
    )
    return body, 400 if error else 200



__all__ = ["blueprint", "render_console"]

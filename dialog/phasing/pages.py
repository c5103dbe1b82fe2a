"""The phase machinery's pages: ``/w/<workshop_id>/now``, which sends a phone to the open
phase's screen, and the console's forms that open and close a phase (they work without
JavaScript; each calls the same action as the JSON API)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request, url_for
from flask.typing import ResponseReturnValue

from dialog import policy
from dialog.errors import DialogError
from dialog.extensions import db
from dialog.i18n import translate
from dialog.models import Phase, PhaseKind, Workshop
from dialog.phasing import operations
from dialog.web.auth import login_required
from dialog.web.form_actions import submit_form
from dialog.web.locale import current_locale

blueprint = Blueprint("phasing", __name__)


@blueprint.app_template_global("phase_name")
def phase_name(kind: PhaseKind | str) -> str:
    """A phase's name in the page's language (its ``name_key``)."""
    import phases

    return translate(phases.phase_for(kind).name_key, current_locale())


def console_page(phase: Phase) -> str:
    """Where the console goes when a phase opens: its first control that is a console page."""
    import phases

    for control in phases.phase_for(phase.kind).controls(phase):
        path = control.target.split("#")[0]
        if path.startswith("/facilitator/") and "{workshop_id}" not in path:
            return path.format(process_id=phase.process_id, phase_id=phase.id)
    return url_for("console.process", process_id=phase.process_id)


@blueprint.get("/w/<int:workshop_id>/now")
def now(workshop_id: int) -> ResponseReturnValue:
    """Send the phone to the open phase's screen (the page asks the API with its token)."""
    workshop = policy.load(db.session, Workshop, workshop_id)
    return render_template("phasing/now.html", workshop=workshop, process=workshop.process)


@blueprint.post("/facilitator/processes/<int:process_id>/phases")
@login_required
def open_phase(process_id: int) -> ResponseReturnValue:
    return submit_form(operations.open_phase,
                       {"process_id": process_id, "kind": request.form.get("kind"),
                        "workshop_ids": request.form.getlist("workshop_ids") or None},
                       refused, console_page)


@blueprint.post("/facilitator/phases/<int:phase_id>/close")
@login_required
def close_phase(phase_id: int) -> ResponseReturnValue:
    return submit_form(operations.close_phase, {"phase_id": phase_id}, refused,
                       lambda phase: _back() or console_page(phase))


def refused(error: DialogError, _typed: dict[str, Any]) -> ResponseReturnValue:
    """A refused phase change is explained, with the way back to the page it came from."""
    return render_template("phasing/refused.html", error=error, back=_back()), 400


def _back() -> str | None:
    """The console page the form was on (sent as ``back``), if it is one."""
    back = request.form.get("back", "")
    return back if back.startswith("/facilitator/") else None

"""The phase machinery's pages: ``/w/<workshop_id>/now``, which sends a phone to the open
phase's screen, and the console's forms that open and close a phase (they work without
JavaScript; each calls the same action as the JSON API)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from dialog.actions import Action, perform
from dialog.errors import DialogError
from dialog.extensions import db
from dialog.i18n import translate
from dialog.models import Phase, PhaseKind
from dialog.phasing import operations
from dialog.services import workshops
from dialog.web.auth import check_csrf, login_required
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
    workshop = workshops.get_workshop(db.session, workshop_id)
    return render_template("phasing/now.html", workshop=workshop, process=workshop.process)


@blueprint.post("/facilitator/processes/<int:process_id>/phases")
@login_required
def open_phase(process_id: int) -> ResponseReturnValue:
    data = {"process_id": process_id, "kind": request.form.get("kind")}
    phase = _post(operations.open_phase, data)
    return redirect(console_page(phase)) if isinstance(phase, Phase) else phase


@blueprint.post("/facilitator/phases/<int:phase_id>/close")
@login_required
def close_phase(phase_id: int) -> ResponseReturnValue:
    phase = _post(operations.close_phase, {"phase_id": phase_id})
    return redirect(_back() or console_page(phase)) if isinstance(phase, Phase) else phase


def _post(action: Action[Any], data: dict[str, Any]) -> Phase | tuple[str, int]:
    """Perform a form's action; a refusal (not a missing or foreign object) is explained."""
    check_csrf()
    try:
        phase: Phase = perform(action, db.session, g.facilitator, data, current_locale())
        return phase
    except DialogError as exc:
        if exc.status in (401, 403, 404):
            raise
        return render_template("phasing/refused.html", error=exc, back=_back()), 400


def _back() -> str | None:
    """The console page the form was on (sent as ``back``), if it is one."""
    back = request.form.get("back", "")
    return back if back.startswith("/facilitator/") else None

"""Safe phase controls in the console: every facilitator page shows the running phase, a
change of phase is proposed, confirmed on a page of its own and can be undone for a minute.

* ``phase_bar(process)`` (a template global): the running phase, each phase's console, the
  proposed next phase and, within the minute, the way back. ``console/layout.html`` shows it.
* ``GET /facilitator/processes/<id>/phases/confirm?kind=...``: "open this phase?", with
  what it closes; its form posts to the same action as before (``phasing.open_phase``).
* ``GET /facilitator/phases/<id>/close``: "close this phase?" before the close form.
* ``POST /facilitator/phases/<id>/undo``: the action ``phase.undo``, then the console of the
  phase that runs again.

Confirmation is a second page, not a script: it works by keyboard, without JavaScript and
under a content security policy without inline script.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, render_template, request, url_for
from flask.typing import ResponseReturnValue

from dialog.errors import DialogError
from dialog.models import (
    Phase,
    PhaseKind,
    PhaseStatus,
    Process,
    Workshop,
    WorkshopState,
    utcnow,
)
from dialog.phasing import operations, service
from dialog.phasing.pages import console_page, refused
from dialog.services import facilitators
from dialog.web.auth import login_required, secret_key
from dialog.web.form_actions import submit_form
from dialog.web.pages import managed_page

blueprint = Blueprint("phase_console", __name__)

#: Each phase's own console, by kind (inventering's is the workshop console).
_CONSOLES = {
    PhaseKind.LARANDE_SAMTAL: "samtal.console",
    PhaseKind.KONKRETISERING: "konkret.console",
}


def phase_consoles(process: Process) -> list[dict[str, Any]]:
    """Every phase of the method with the console page that runs it."""
    running = [w for w in process.workshops if w.state is not WorkshopState.CLOSED]
    candidates = running or list(process.workshops)
    workshop = candidates[-1] if candidates else None
    consoles = []
    for kind in service.order():
        if kind in _CONSOLES:
            url = url_for(_CONSOLES[kind], process_id=process.id)
        elif workshop is not None:
            url = url_for("console.workshop", workshop_id=workshop.id)
        else:
            url = url_for("console.process", process_id=process.id)
        consoles.append({"kind": kind.value, "url": url})
    return consoles


@blueprint.app_template_global("phase_bar")
def phase_bar(process: Process, workshop: Workshop | None = None) -> dict[str, Any]:
    """What the console layout shows about the running phase.

    A page about one meeting (``workshop``) shows that meeting's phase. A page about the
    process shows the phase when one is open (or all meetings share it), else each running
    meeting with its own phase (meetings may be in different phases, ``workshop_ids``).
    """
    undo = service.undoable(process)
    left = 0
    if undo is not None:
        left = max(0, int((service.UNDO_WINDOW - (utcnow() - undo[0].opened_at)).total_seconds()))
    current, meetings = running_phases(process, workshop)
    return {"current": current, "meetings": meetings, "consoles": phase_consoles(process),
            "proposed": service.proposed_next(process).value,
            "undo": undo if left > 0 else None, "undo_seconds": left,
            "token": facilitators.issue_token(secret_key(), g.facilitator)}


def running_phases(process: Process, workshop: Workshop | None = None
                   ) -> tuple[Phase | None, list[tuple[Phase | None, list[Workshop]]]]:
    """The one running phase of the page, or (when meetings differ) each open phase with the
    running meetings in it, in the method's order (None last: meetings that wait)."""
    def open_or_none(phase: Phase | None) -> Phase | None:
        return phase if phase is not None and phase.status is PhaseStatus.OPEN else None

    if workshop is not None and workshop.process_id == process.id:
        return open_or_none(workshop.phase), []
    open_phases = [p for p in process.phases if p.status is PhaseStatus.OPEN]
    if len(open_phases) <= 1:
        return (open_phases[0] if open_phases else None), []
    by_phase: dict[int | None, list[Workshop]] = {}
    for meeting in process.workshops:
        if meeting.state is not WorkshopState.CLOSED:
            phase = open_or_none(meeting.phase)
            by_phase.setdefault(phase.id if phase else None, []).append(meeting)
    method = list(service.order())
    ordered = sorted(open_phases, key=lambda p: (method.index(p.kind), p.round))
    groups: list[tuple[Phase | None, list[Workshop]]] = [
        (p, by_phase[p.id]) for p in ordered if p.id in by_phase]
    if None in by_phase:
        groups.append((None, by_phase[None]))
    return None, groups


@blueprint.get("/facilitator/processes/<int:process_id>/phase-bar")
@managed_page(Process, "process_id")
def bar_fragment(process: Process) -> ResponseReturnValue:
    """The phase bar alone, as a page would draw it now: the bar's script fetches it when
    ``phase:changed`` arrives, so every facilitator page follows the phase without a
    reload. ``workshop`` names the meeting the page is about, ``path`` the page."""
    workshop = None
    raw = request.args.get("workshop", "")
    if raw.isdigit():
        workshop = next((w for w in process.workshops if w.id == int(raw)), None)
    path = _back(request.args.get("path")) or url_for("console.process", process_id=process.id)
    return render_template("phasing/_phase_bar.html", process=process, bar_workshop=workshop,
                           bar_path=path)


@blueprint.get("/facilitator/processes/<int:process_id>/phases/confirm")
@managed_page(Process, "process_id")
def confirm_open(process: Process) -> ResponseReturnValue:
    """Ask before opening a phase: which one, what it closes, that it can be undone."""
    try:
        kind = service.parse_kind(request.args.get("kind") or service.proposed_next(process))
    except DialogError:  # an unknown kind: propose the next one instead
        kind = service.proposed_next(process)
    return render_template("phasing/confirm_open.html", process=process, kind=kind.value,
                           current=service.open_phase_of(process),
                           phase_order=[k.value for k in service.order()],
                           back=_back(request.args.get("back")))


@blueprint.get("/facilitator/phases/<int:phase_id>/close")
@managed_page(Phase, "phase_id")
def confirm_close(phase: Phase) -> ResponseReturnValue:
    """Ask before closing a phase: the phones wait until the next one opens."""
    return render_template("phasing/confirm_close.html", process=phase.process, phase=phase,
                           back=_back(request.args.get("back")))


@blueprint.post("/facilitator/phases/<int:phase_id>/undo")
@login_required
def undo(phase_id: int) -> ResponseReturnValue:
    """Undo a phase change (within a minute); on to the console of the phase running again.

    Not back to the page the form was on: that is most often the undone phase's console,
    and a tablet left there shows a phase that no longer runs.
    """
    return submit_form(operations.undo_phase, {"phase_id": phase_id}, refused, running_console)


def running_console(phase: Phase) -> str:
    """The console of ``phase`` as the phase bar links it (inventering: the meeting's)."""
    return next((c["url"] for c in phase_consoles(phase.process)
                 if c["kind"] == phase.kind.value), None) or console_page(phase)


def _back(value: str | None) -> str | None:
    """A console path to return to, never another site."""
    value = value or ""
    return value if value.startswith("/facilitator/") and not value.startswith("//") else None

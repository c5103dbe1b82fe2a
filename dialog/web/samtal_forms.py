"""The samtal console's form posts: they work without JavaScript and by keyboard.

Each post calls the same service as the JSON API, then redirects back to the console; a
refusal re-renders the console with a clear message and keeps what was typed.
"""

from __future__ import annotations

from datetime import timedelta

from flask import g, redirect, request, url_for
from flask.typing import ResponseReturnValue

from dialog.errors import DialogError
from dialog.extensions import db
from dialog.models import PhaseKind, utcnow
from dialog.services import conversation_rounds, processes, resistance_line
from dialog.services import phases as phase_service
from dialog.web.auth import check_csrf, login_required
from dialog.web.samtal import blueprint, render_console

#: A digital round may stay open for at most this many days.
MAX_DAYS = 60


@blueprint.post("/facilitator/processes/<int:process_id>/phases")
@login_required
def open_phase(process_id: int) -> ResponseReturnValue:
    check_csrf()
    process = processes.managed_process(db.session, g.facilitator, process_id)
    try:
        phase = phase_service.open_phase(db.session, process, request.form.get("kind"))
    except DialogError as exc:
        return render_console(process, exc, request.form.to_dict())
    if phase.kind is PhaseKind.LARANDE_SAMTAL:
        return redirect(url_for("samtal.console", process_id=process.id))
    return redirect(url_for("console.process", process_id=process.id))


@blueprint.post("/facilitator/phases/<int:phase_id>/close")
@login_required
def close_phase(phase_id: int) -> ResponseReturnValue:
    check_csrf()
    phase = phase_service.get_phase(db.session, phase_id)
    process = processes.managed_process(db.session, g.facilitator, phase.process_id)
    try:
        phase_service.close_phase(db.session, phase)
    except DialogError as exc:
        return render_console(process, exc)
    return redirect(url_for("samtal.console", process_id=process.id))


@blueprint.post("/facilitator/processes/<int:process_id>/samtal/rounds")
@login_required
def create_round(process_id: int) -> ResponseReturnValue:
    check_csrf()
    process = processes.managed_process(db.session, g.facilitator, process_id)
    form = request.form
    try:
        conversation = conversation_rounds.create_round(
            db.session, g.facilitator, process, title=form.get("title", ""),
            perspective_ids=form.getlist("perspective_ids"), prompt=form.get("prompt", ""),
            basis=form.get("basis", "manual"), closes_at=_deadline(form.get("days", "")))
    except DialogError as exc:
        return render_console(process, exc, form.to_dict() | {
            "perspective_ids": form.getlist("perspective_ids")})
    return redirect(url_for("samtal.console", process_id=process.id,
                            _anchor=f"round-{conversation.id}"))


@blueprint.post("/facilitator/conversation-rounds/<int:round_id>/close")
@login_required
def close_round(round_id: int) -> ResponseReturnValue:
    check_csrf()
    conversation = conversation_rounds.get_round(db.session, round_id)
    process = processes.managed_process(db.session, g.facilitator, conversation.process_id)
    try:
        conversation_rounds.close_round(db.session, conversation)
    except DialogError as exc:
        return render_console(process, exc)
    return redirect(url_for("samtal.console", process_id=process.id, _anchor=f"round-{round_id}"))


@blueprint.post("/facilitator/processes/<int:process_id>/samtal/resistance")
@login_required
def log_resistance(process_id: int) -> ResponseReturnValue:
    check_csrf()
    process = processes.managed_process(db.session, g.facilitator, process_id)
    form = request.form
    try:
        resistance_line.log_entry(db.session, g.facilitator, process, level=form.get("level"),
                                  note=form.get("note", ""), round_id=form.get("round_id"))
    except DialogError as exc:
        return render_console(process, exc, form.to_dict())
    return redirect(url_for("samtal.console", process_id=process.id, _anchor="intervention"))


def _deadline(days: str) -> str | None:
    """A digital round open for ``days`` days from now; empty or 0 means a live round."""
    if not days.strip():
        return None
    try:
        count = int(days)
    except ValueError as exc:
        raise DialogError("invalid_closes_at") from exc
    if count == 0:
        return None
    if not 0 < count <= MAX_DAYS:
        raise DialogError("invalid_closes_at")
    return (utcnow() + timedelta(days=count)).isoformat()

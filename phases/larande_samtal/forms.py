"""The samtal console's form posts: they work without JavaScript and by keyboard.

Each post performs the same action as the JSON API, then redirects back to the console; a
refusal re-renders the console with a clear message and keeps what was typed. (Opening and
closing a phase are the kernel's forms, :mod:`dialog.phasing.pages`.)
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import g, redirect, request, url_for
from flask.typing import ResponseReturnValue

from dialog.actions import Action, perform
from dialog.errors import DialogError
from dialog.extensions import db
from dialog.models import utcnow
from dialog.web.auth import check_csrf, login_required
from dialog.web.locale import current_locale
from phases.larande_samtal import operations as do
from phases.larande_samtal.pages import blueprint, render_console

#: A digital round may stay open for at most this many days.
MAX_DAYS = 60


def _perform(action: Action[Any], data: dict[str, Any]) -> Any:
    return perform(action, db.session, g.facilitator, data, current_locale())


def _refused(exc: DialogError) -> None:
    """A missing or foreign object is an error page; anything else is explained in place."""
    if exc.status in (401, 403, 404):
        raise exc


@blueprint.post("/facilitator/processes/<int:process_id>/samtal/rounds")
@login_required
def create_round(process_id: int) -> ResponseReturnValue:
    check_csrf()
    form = request.form
    try:
        conversation = _perform(do.create_round, {
            "process_id": process_id, "title": form.get("title", ""),
            "perspective_ids": form.getlist("perspective_ids"), "prompt": form.get("prompt", ""),
            "basis": form.get("basis", "manual"), "closes_at": _deadline(form.get("days", ""))})
    except DialogError as exc:
        _refused(exc)
        return render_console(process_id, exc, form.to_dict() | {
            "perspective_ids": form.getlist("perspective_ids")})
    return redirect(url_for("samtal.console", process_id=process_id,
                            _anchor=f"round-{conversation.id}"))


@blueprint.post("/facilitator/conversation-rounds/<int:round_id>/close")
@login_required
def close_round(round_id: int) -> ResponseReturnValue:
    check_csrf()
    try:
        conversation = _perform(do.close_round, {"round_id": round_id})
    except DialogError as exc:
        _refused(exc)
        return render_console(_perform(do.get_round, {"round_id": round_id})["process_id"], exc)
    return redirect(url_for("samtal.console", process_id=conversation.process_id,
                            _anchor=f"round-{round_id}"))


@blueprint.post("/facilitator/processes/<int:process_id>/samtal/resistance")
@login_required
def log_resistance(process_id: int) -> ResponseReturnValue:
    check_csrf()
    form = request.form
    try:
        _perform(do.log_resistance, {"process_id": process_id, "level": form.get("level"),
                                     "note": form.get("note", ""),
                                     "round_id": form.get("round_id")})
    except DialogError as exc:
        _refused(exc)
        return render_console(process_id, exc, form.to_dict())
    return redirect(url_for("samtal.console", process_id=process_id, _anchor="intervention"))


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

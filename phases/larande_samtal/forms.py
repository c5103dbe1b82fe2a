"""The samtal console's form posts: they work without JavaScript and by keyboard.

Each post performs the same action as the JSON API through the kernel's form face
(:func:`dialog.web.form_actions.submit_form`), then redirects back to the console; a refusal
re-renders the console with a clear message and keeps what was typed. (Opening and closing
a phase are the kernel's forms, :mod:`dialog.phasing.pages`.)
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import request, url_for
from flask.typing import ResponseReturnValue

from dialog.errors import DialogError
from dialog.extensions import db
from dialog.models import REFLECTION_PROMPTS, ConversationRound, Reflection, utcnow
from dialog.web.auth import login_required
from dialog.web.form_actions import Refused, submit_form
from phases.larande_samtal import operations as do
from phases.larande_samtal.pages import blueprint, render_console

#: A digital round may stay open for at most this many days.
MAX_DAYS = 60


def _console_again(process_id: int, **kept: Any) -> Refused:
    def again(error: DialogError, typed: dict[str, Any]) -> ResponseReturnValue:
        return render_console(process_id, error, typed | kept)
    return again


@blueprint.post("/facilitator/processes/<int:process_id>/samtal/rounds")
@login_required
def create_round(process_id: int) -> ResponseReturnValue:
    form = request.form
    chosen = form.getlist("perspective_ids")
    return submit_form(do.create_round, {
        "process_id": process_id, "title": form.get("title", ""), "perspective_ids": chosen,
        "prompt": form.get("prompt", ""), "basis": form.get("basis", "manual"),
        "closes_at": _deadline(form.get("days", ""))},
        _console_again(process_id, perspective_ids=chosen),
        lambda made: url_for("samtal.console", process_id=process_id,
                             _anchor=f"round-{made.id}"))


@blueprint.post("/facilitator/conversation-rounds/<int:round_id>/close")
@login_required
def close_round(round_id: int) -> ResponseReturnValue:
    def again(error: DialogError, _typed: dict[str, Any]) -> ResponseReturnValue:
        found = db.session.get(ConversationRound, round_id)
        assert found is not None  # refusals about a missing round are 404 pages
        return render_console(found.process_id, error)

    return submit_form(do.close_round, {"round_id": round_id}, again,
                       lambda closed: url_for("samtal.console", process_id=closed.process_id,
                                              _anchor=f"round-{round_id}"))


@blueprint.post("/facilitator/reflections/<int:reflection_id>/moderation")
@login_required
def moderate_reflection(reflection_id: int) -> ResponseReturnValue:
    """Approve (also: show a hidden one again), hide or redact a reflection: the API's
    action. A redact's form sends the three prompts as edited."""
    found = db.session.get(Reflection, reflection_id)
    process_id = found.process_id if found is not None else 0  # a missing one: a 404 page
    form = request.form
    edits = {prompt: form.get(prompt) for prompt in REFLECTION_PROMPTS}
    return submit_form(do.moderate, {
        "reflection_id": reflection_id, "action": form.get("action"),
        "reason": form.get("reason", ""), "reason_code": form.get("reason_code") or None,
        **edits},
        # A refused redact opens its box again with what was typed and why.
        _console_again(process_id, redact_id=reflection_id),
        lambda done: url_for("samtal.console", process_id=done.process_id,
                             _anchor=f"reflection-{done.id}"))


@blueprint.post("/facilitator/processes/<int:process_id>/samtal/resistance")
@login_required
def log_resistance(process_id: int) -> ResponseReturnValue:
    form = request.form
    return submit_form(do.log_resistance, {
        "process_id": process_id, "level": form.get("level"), "note": form.get("note", ""),
        "round_id": form.get("round_id")}, _console_again(process_id),
        lambda _logged: url_for("samtal.console", process_id=process_id,
                                _anchor="intervention"))


def _deadline(days: str) -> str | None:
    """A digital round open for ``days`` days from now; empty or 0 means a live round.

    Anything else is passed on as it is, for the operation to refuse (``invalid_closes_at``).
    """
    if not days.strip():
        return None
    try:
        count = int(days)
    except ValueError:
        return days
    if count == 0:
        return None
    if not 0 < count <= MAX_DAYS:
        return days
    return (utcnow() + timedelta(days=count)).isoformat()

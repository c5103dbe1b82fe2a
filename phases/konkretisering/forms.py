"""The konkretisering console's form posts: they work without JavaScript and by keyboard.

Each post calls the same service as the JSON API and redirects back; a refusal re-renders
the page with a clear message and keeps what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import g, redirect, request, url_for
from flask.typing import ResponseReturnValue

from dialog.errors import DialogError
from dialog.extensions import db
from dialog.models import Alternative, Process
from dialog.services import processes
from dialog.web.auth import check_csrf, login_required
from phases.konkretisering import alternatives, checkback, fishing, majority_vote, minority_wisdom
from phases.konkretisering import goals as committee_goals
from phases.konkretisering.pages import LOCAL_ZONE, blueprint, render_alternative, render_console


def _process(process_id: int) -> Process:
    check_csrf()
    return processes.managed_process(db.session, g.facilitator, process_id)


def _alternative(alternative_id: int) -> Alternative:
    check_csrf()
    found = alternatives.get_alternative(db.session, alternative_id)
    processes.managed_process(db.session, g.facilitator, found.process_id)
    return found


def _on_console(process: Process, action: Callable[[], Any], anchor: str) -> ResponseReturnValue:
    try:
        action()
    except DialogError as exc:
        return render_console(process, exc, request.form.to_dict())
    return redirect(url_for("konkret.console", process_id=process.id) + anchor)


def _on_alternative(found: Alternative, action: Callable[[], Any],
                    anchor: str = "#loop") -> ResponseReturnValue:
    try:
        action()
    except DialogError as exc:
        return render_alternative(found, exc, request.form.to_dict())
    return redirect(url_for("konkret.alternative", alternative_id=found.id) + anchor)


def local_moment(value: str | None) -> str | None:
    """A ``datetime-local`` field (Swedish local time) as an ISO moment with its offset."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value  # the service refuses it with a clear code
    if moment.tzinfo is None:
        try:
            moment = moment.replace(tzinfo=ZoneInfo(LOCAL_ZONE))
        except ZoneInfoNotFoundError:
            return value
    return moment.isoformat()


@blueprint.post("/facilitator/processes/<int:process_id>/konkret/alternatives")
@login_required
def draft(process_id: int) -> ResponseReturnValue:
    process, form = _process(process_id), request.form
    return _on_console(process, lambda: alternatives.draft_alternative(
        db.session, process, g.facilitator, title=form.get("title"),
        description=form.get("description", ""),
        perspective_ids=form.getlist("perspective_ids"),
        reflection_ids=form.getlist("reflection_ids")), "#alternatives")


@blueprint.post("/facilitator/alternatives/<int:alternative_id>/edit")
@login_required
def edit(alternative_id: int) -> ResponseReturnValue:
    found, form = _alternative(alternative_id), request.form
    return _on_alternative(found, lambda: alternatives.update_alternative(
        db.session, found, g.facilitator, title=form.get("title"),
        description=form.get("description", "")), "#edit")


@blueprint.post("/facilitator/alternatives/<int:alternative_id>/visibility")
@login_required
def visibility(alternative_id: int) -> ResponseReturnValue:
    found = _alternative(alternative_id)
    return _on_alternative(found, lambda: alternatives.set_hidden(
        db.session, found, g.facilitator, request.form.get("hidden") == "1",
        request.form.get("reason", "")), "#edit")


@blueprint.post("/facilitator/alternatives/<int:alternative_id>/votes")
@login_required
def open_vote(alternative_id: int) -> ResponseReturnValue:
    found = _alternative(alternative_id)
    return _on_alternative(found, lambda: majority_vote.open_vote(db.session, found,
                                                                  g.facilitator))


@blueprint.post("/facilitator/vote-rounds/<int:vote_round_id>/close")
@login_required
def close_vote(vote_round_id: int) -> ResponseReturnValue:
    check_csrf()
    vote_round = majority_vote.get_vote_round(db.session, vote_round_id)
    found = _alternative_of(vote_round.alternative_id)
    return _on_alternative(found, lambda: majority_vote.close_vote(db.session, vote_round,
                                                                   g.facilitator))


def _alternative_of(alternative_id: int) -> Alternative:
    found = alternatives.get_alternative(db.session, alternative_id)
    processes.managed_process(db.session, g.facilitator, found.process_id)
    return found


@blueprint.post("/facilitator/alternatives/<int:alternative_id>/amendments")
@login_required
def add_amendment(alternative_id: int) -> ResponseReturnValue:
    found = _alternative(alternative_id)
    return _on_alternative(found, lambda: minority_wisdom.add_amendment(
        db.session, found, g.facilitator, text=request.form.get("text")), "#amendments")


@blueprint.post("/facilitator/amendments/<int:amendment_id>/included")
@login_required
def include_amendment(amendment_id: int) -> ResponseReturnValue:
    check_csrf()
    amendment = minority_wisdom.get_amendment(db.session, amendment_id)
    found = _alternative_of(amendment.alternative_id)
    return _on_alternative(found, lambda: minority_wisdom.set_included(
        db.session, amendment, g.facilitator, request.form.get("included") == "1",
        request.form.get("reason", "")), "#amendments")


@blueprint.post("/facilitator/alternatives/<int:alternative_id>/conclude")
@login_required
def conclude(alternative_id: int) -> ResponseReturnValue:
    found = _alternative(alternative_id)
    return _on_alternative(found, lambda: minority_wisdom.conclude(db.session, found,
                                                                   g.facilitator))


@blueprint.post("/facilitator/processes/<int:process_id>/konkret/checkback")
@login_required
def open_checkback(process_id: int) -> ResponseReturnValue:
    process, form = _process(process_id), request.form

    def action() -> Any:
        chosen = form.getlist("alternative_ids")
        if not chosen:  # on the form, nothing ticked means nothing, not "all"
            raise DialogError("no_alternatives")
        return checkback.open_round(db.session, process, g.facilitator,
                                    title=form.get("title"), alternative_ids=chosen,
                                    closes_at=local_moment(form.get("closes_at")))

    return _on_console(process, action, "#checkback")


@blueprint.post("/facilitator/checkback-rounds/<int:round_id>/close")
@login_required
def close_checkback(round_id: int) -> ResponseReturnValue:
    check_csrf()
    found = checkback.get_round(db.session, round_id)
    process = processes.managed_process(db.session, g.facilitator, found.process_id)
    return _on_console(process, lambda: checkback.close_round(db.session, found, g.facilitator),
                       f"#checkback-{found.id}")


@blueprint.post("/facilitator/processes/<int:process_id>/konkret/fishing")
@login_required
def go_fishing(process_id: int) -> ResponseReturnValue:
    process, form = _process(process_id), request.form
    return _on_console(process, lambda: fishing.open_prompt(
        db.session, process, g.facilitator, question=form.get("question"),
        alternative_id=form.get("alternative_id")), "#fishing")


@blueprint.post("/facilitator/fishing/<int:prompt_id>/close")
@login_required
def stop_fishing(prompt_id: int) -> ResponseReturnValue:
    check_csrf()
    prompt = fishing.get_prompt(db.session, prompt_id)
    process = processes.managed_process(db.session, g.facilitator, prompt.process_id)
    return _on_console(process, lambda: fishing.close_prompt(db.session, prompt), "#fishing")


@blueprint.post("/facilitator/fishing-answers/<int:answer_id>/visibility")
@login_required
def hide_fishing_answer(answer_id: int) -> ResponseReturnValue:
    check_csrf()
    item = fishing.get_answer(db.session, answer_id)
    prompt = fishing.get_prompt(db.session, item.prompt_id)
    process = processes.managed_process(db.session, g.facilitator, prompt.process_id)
    return _on_console(process, lambda: fishing.set_hidden(
        db.session, item, request.form.get("hidden") == "1", g.facilitator), "#fishing")


@blueprint.post("/facilitator/processes/<int:process_id>/konkret/goals/preset")
@login_required
def load_goals(process_id: int) -> ResponseReturnValue:
    process = _process(process_id)
    return _on_console(process, lambda: committee_goals.load_preset(
        db.session, process, request.form.get("preset")), "#goals")


@blueprint.post("/facilitator/processes/<int:process_id>/konkret/goals")
@login_required
def add_goal(process_id: int) -> ResponseReturnValue:
    process, form = _process(process_id), request.form
    return _on_console(process, lambda: committee_goals.add_goal(
        db.session, process, title=form.get("title"), kind=form.get("kind", "goal"),
        code=form.get("code", ""), budget_tkr=form.get("budget_tkr"),
        parent_id=form.get("parent_id"), description=form.get("description", "")), "#goals")

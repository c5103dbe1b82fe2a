"""The konkretisering console's form posts: thin adapters over the same actions as the API.

Each post checks the CSRF token, performs the action and redirects back; a refusal (other
than "not found" or "not yours") re-renders the page with a clear message and keeps what
was typed. Every form works without JavaScript and by keyboard.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import request, url_for
from flask.typing import ResponseReturnValue

from dialog import policy
from dialog.errors import DialogError
from dialog.extensions import db
from dialog.models import (
    Alternative,
    Amendment,
    CheckbackRound,
    FishingAnswer,
    FishingPrompt,
    Process,
    VoteRound,
)
from dialog.web.auth import check_csrf, login_required
from dialog.web.form_actions import Refused, again, submit_form
from dialog.web.timefmt import local_moment
from phases.konkretisering.operations import alternatives, checkback, fishing, goals, votes
from phases.konkretisering.pages import blueprint, render_alternative, render_console


def _process_console(found: Any, error: DialogError, typed: dict[str, Any]) -> ResponseReturnValue:
    process = found if isinstance(found, Process) else policy.load(
        db.session, Process, policy.process_id_of(found))
    return render_console(process, error, typed)


def _alternative_page(found: Any, error: DialogError, typed: dict[str, Any]
                      ) -> ResponseReturnValue:
    return render_alternative(found if isinstance(found, Alternative) else found.alternative,
                              error, typed)


def console_page(model: type[Any], object_id: int) -> Refused:
    """On a refusal: the console of the process the object belongs to."""
    return again(model, object_id, _process_console)


def alternative_page(model: type[Any], object_id: int) -> Refused:
    """On a refusal: the page of the alternative the object belongs to."""
    return again(model, object_id, _alternative_page)


def on_console(process_id: int) -> Refused:
    return console_page(Process, process_id)


def on_alternative(alternative_id: int) -> Refused:
    return alternative_page(Alternative, alternative_id)


def console_at(process_id: int, anchor: str) -> Callable[[Any], str]:
    return lambda _result: url_for("konkret.console", process_id=process_id) + anchor


def alternative_at(anchor: str) -> Callable[[Any], str]:
    return lambda found: url_for("konkret.alternative", alternative_id=found["id"]) + anchor


@blueprint.post("/facilitator/processes/<int:process_id>/konkret/alternatives")
@login_required
def draft(process_id: int) -> ResponseReturnValue:
    form = request.form
    return submit_form(alternatives.draft, {
        "process_id": process_id, "title": form.get("title"),
        "description": form.get("description", ""),
        "perspective_ids": form.getlist("perspective_ids"),
        "reflection_ids": form.getlist("reflection_ids"),
    }, on_console(process_id), console_at(process_id, "#alternatives"))


@blueprint.post("/facilitator/alternatives/<int:alternative_id>/edit")
@login_required
def edit(alternative_id: int) -> ResponseReturnValue:
    form = request.form
    return submit_form(alternatives.update, {
        "alternative_id": alternative_id, "title": form.get("title"),
        "description": form.get("description", ""),
    }, on_alternative(alternative_id), alternative_at("#edit"))


@blueprint.post("/facilitator/alternatives/<int:alternative_id>/visibility")
@login_required
def visibility(alternative_id: int) -> ResponseReturnValue:
    return submit_form(alternatives.update, {
        "alternative_id": alternative_id, "hidden": request.form.get("hidden") == "1",
        "reason": request.form.get("reason", ""),
    }, on_alternative(alternative_id), alternative_at("#edit"))


@blueprint.post("/facilitator/alternatives/<int:alternative_id>/votes")
@login_required
def open_vote(alternative_id: int) -> ResponseReturnValue:
    return submit_form(votes.open_vote, {"alternative_id": alternative_id},
                  on_alternative(alternative_id), _loop_of_round)


def _loop_of_round(vote_round: Any) -> str:
    return url_for("konkret.alternative", alternative_id=vote_round["alternative_id"]) + "#loop"


@blueprint.post("/facilitator/vote-rounds/<int:vote_round_id>/close")
@login_required
def close_vote(vote_round_id: int) -> ResponseReturnValue:
    page = alternative_page(VoteRound, vote_round_id)
    return submit_form(votes.close_vote, {"vote_round_id": vote_round_id}, page, _loop_of_round)


@blueprint.post("/facilitator/alternatives/<int:alternative_id>/amendments")
@login_required
def add_amendment(alternative_id: int) -> ResponseReturnValue:
    return submit_form(votes.add_amendment, {"alternative_id": alternative_id,
                                        "text": request.form.get("text")},
                  on_alternative(alternative_id),
                  lambda amendment: url_for("konkret.alternative",
                                            alternative_id=alternative_id) + "#amendments")


@blueprint.post("/facilitator/amendments/<int:amendment_id>/included")
@login_required
def include_amendment(amendment_id: int) -> ResponseReturnValue:
    page = alternative_page(Amendment, amendment_id)
    return submit_form(votes.include, {
        "amendment_id": amendment_id, "included": request.form.get("included") == "1",
        "reason": request.form.get("reason", ""),
    }, page, lambda amendment: url_for("konkret.alternative",
                                       alternative_id=amendment.alternative_id) + "#amendments")


@blueprint.post("/facilitator/alternatives/<int:alternative_id>/conclude")
@login_required
def conclude(alternative_id: int) -> ResponseReturnValue:
    return submit_form(alternatives.conclude, {"alternative_id": alternative_id},
                  on_alternative(alternative_id), alternative_at("#loop"))


@blueprint.post("/facilitator/processes/<int:process_id>/konkret/checkback")
@login_required
def open_checkback(process_id: int) -> ResponseReturnValue:
    form = request.form
    chosen = form.getlist("alternative_ids")
    if not chosen:  # on the form, nothing ticked means nothing, not "all"
        check_csrf()
        return on_console(process_id)(DialogError("no_alternatives"), form.to_dict())
    return submit_form(checkback.open_round, {
        "process_id": process_id, "title": form.get("title"), "alternative_ids": chosen,
        "closes_at": local_moment(form.get("closes_at")),
    }, on_console(process_id), console_at(process_id, "#checkback"))


@blueprint.post("/facilitator/checkback-rounds/<int:round_id>/close")
@login_required
def close_checkback(round_id: int) -> ResponseReturnValue:
    page = console_page(CheckbackRound, round_id)
    return submit_form(checkback.close, {"round_id": round_id}, page,
                  lambda results: url_for("konkret.console",
                                          process_id=results["round"]["process_id"])
                  + f"#checkback-{round_id}")


@blueprint.post("/facilitator/checkback-rounds/<int:round_id>/decisive")
@login_required
def mark_checkback_decisive(round_id: int) -> ResponseReturnValue:
    page = console_page(CheckbackRound, round_id)
    return submit_form(checkback.mark_decisive, {
        "round_id": round_id, "decisive": request.form.get("decisive", "true")}, page,
        lambda results: url_for("konkret.console", process_id=results["round"]["process_id"])
        + f"#checkback-{round_id}")


def _fishing_of(process_id: int) -> str:
    return url_for("konkret.console", process_id=process_id) + "#fishing"


@blueprint.post("/facilitator/processes/<int:process_id>/konkret/fishing")
@login_required
def go_fishing(process_id: int) -> ResponseReturnValue:
    form = request.form
    return submit_form(fishing.go_fishing, {"process_id": process_id,
                                       "question": form.get("question"),
                                       "alternative_id": form.get("alternative_id")},
                  on_console(process_id), console_at(process_id, "#fishing"))


@blueprint.post("/facilitator/fishing/<int:prompt_id>/close")
@login_required
def stop_fishing(prompt_id: int) -> ResponseReturnValue:
    page = console_page(FishingPrompt, prompt_id)
    return submit_form(fishing.stop_fishing, {"prompt_id": prompt_id}, page,
                  lambda prompt: _fishing_of(prompt.process_id))


@blueprint.post("/facilitator/fishing-answers/<int:answer_id>/visibility")
@login_required
def hide_fishing_answer(answer_id: int) -> ResponseReturnValue:
    page = console_page(FishingAnswer, answer_id)
    form = request.form
    return submit_form(fishing.hide_answer, {"answer_id": answer_id,
                                        "hidden": form.get("hidden") == "1",
                                        "reason": form.get("reason"),
                                        "reason_code": form.get("reason_code") or None},
                  page, lambda item: _fishing_of(item.process_id))


@blueprint.post("/facilitator/processes/<int:process_id>/konkret/goals/preset")
@login_required
def load_goals(process_id: int) -> ResponseReturnValue:
    return submit_form(goals.load_preset, {"process_id": process_id,
                                      "preset": request.form.get("preset")},
                  on_console(process_id), console_at(process_id, "#goals"))


@blueprint.post("/facilitator/processes/<int:process_id>/konkret/goals")
@login_required
def add_goal(process_id: int) -> ResponseReturnValue:
    form = request.form
    return submit_form(goals.add, {
        "process_id": process_id, "title": form.get("title"), "kind": form.get("kind", "goal"),
        "code": form.get("code", ""), "budget_tkr": form.get("budget_tkr"),
        "parent_id": form.get("parent_id"), "description": form.get("description", ""),
    }, on_console(process_id), console_at(process_id, "#goals"))

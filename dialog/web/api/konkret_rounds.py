"""Check-back rounds and go-fishing prompts over HTTP (facilitators)."""

from __future__ import annotations

from flask import g, jsonify
from flask.typing import ResponseReturnValue

from dialog.extensions import db
from dialog.models import CheckbackRound, FishingPrompt
from dialog.services import processes
from dialog.web.api import blueprint
from dialog.web.auth import facilitator_required, json_body
from phases.konkretisering import checkback, fishing


def _round(round_id: int) -> CheckbackRound:
    checkback_round = checkback.get_round(db.session, round_id)
    processes.managed_process(db.session, g.facilitator, checkback_round.process_id)
    return checkback_round


def _prompt(prompt_id: int) -> FishingPrompt:
    prompt = fishing.get_prompt(db.session, prompt_id)
    processes.managed_process(db.session, g.facilitator, prompt.process_id)
    return prompt


@blueprint.post("/processes/<int:process_id>/checkback-rounds")
@facilitator_required
def open_checkback(process_id: int) -> ResponseReturnValue:
    data = json_body()
    process = processes.managed_process(db.session, g.facilitator, process_id)
    checkback_round = checkback.open_round(
        db.session, process, g.facilitator, title=data.get("title"),
        alternative_ids=data.get("alternative_ids"), after_phase_id=data.get("after_phase_id"),
        after_round_id=data.get("after_round_id"), closes_at=data.get("closes_at"))
    return jsonify(checkback.results(db.session, checkback_round)), 201


@blueprint.get("/processes/<int:process_id>/checkback-rounds")
@facilitator_required
def list_checkbacks(process_id: int) -> ResponseReturnValue:
    process = processes.managed_process(db.session, g.facilitator, process_id)
    return jsonify(checkback_rounds=[checkback.results(db.session, r)
                                     for r in checkback.rounds_of(db.session, process)])


@blueprint.get("/checkback-rounds/<int:round_id>")
@facilitator_required
def get_checkback(round_id: int) -> ResponseReturnValue:
    return jsonify(checkback.results(db.session, _round(round_id)))


@blueprint.post("/checkback-rounds/<int:round_id>/close")
@facilitator_required
def close_checkback(round_id: int) -> ResponseReturnValue:
    checkback_round = checkback.close_round(db.session, _round(round_id), g.facilitator)
    return jsonify(checkback.results(db.session, checkback_round))


@blueprint.post("/processes/<int:process_id>/fishing")
@facilitator_required
def go_fishing(process_id: int) -> ResponseReturnValue:
    data = json_body()
    process = processes.managed_process(db.session, g.facilitator, process_id)
    prompt = fishing.open_prompt(db.session, process, g.facilitator,
                                 question=data.get("question"),
                                 alternative_id=data.get("alternative_id"))
    return jsonify(fishing.prompt_to_dict(prompt, with_answers=True)), 201


@blueprint.get("/processes/<int:process_id>/fishing")
@facilitator_required
def list_fishing(process_id: int) -> ResponseReturnValue:
    process = processes.managed_process(db.session, g.facilitator, process_id)
    return jsonify(fishing_prompts=[fishing.prompt_to_dict(p, with_answers=True)
                                    for p in fishing.prompts_of(db.session, process)])


@blueprint.post("/fishing/<int:prompt_id>/close")
@facilitator_required
def stop_fishing(prompt_id: int) -> ResponseReturnValue:
    prompt = fishing.close_prompt(db.session, _prompt(prompt_id))
    return jsonify(fishing.prompt_to_dict(prompt, with_answers=True))


@blueprint.patch("/fishing-answers/<int:answer_id>")
@facilitator_required
def hide_fishing_answer(answer_id: int) -> ResponseReturnValue:
    data = json_body()
    item = fishing.get_answer(db.session, answer_id)
    _prompt(item.prompt_id)
    fishing.set_hidden(db.session, item, data.get("hidden") is True, g.facilitator)
    return jsonify(fishing.answer_to_dict(item))

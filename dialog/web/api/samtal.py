"""Lärande samtal over HTTP: rounds, reflections (live or days later), indicators, the line."""

from __future__ import annotations

from flask import g, jsonify
from flask.typing import ResponseReturnValue

from dialog.extensions import db
from dialog.models import Process
from dialog.services import (
    conversation_rounds,
    conversation_suggestions,
    learning,
    processes,
    reflections,
    resistance_line,
)
from dialog.web.api import blueprint
from dialog.web.auth import facilitator_required, json_body, participant_required
from dialog.web.locale import current_locale


@blueprint.get("/processes/<int:process_id>/conversation-suggestions")
@facilitator_required
def suggestions(process_id: int) -> ResponseReturnValue:
    process = processes.managed_process(db.session, g.facilitator, process_id)
    return jsonify(conversation_suggestions.suggest(db.session, process, current_locale()))


@blueprint.post("/processes/<int:process_id>/conversation-rounds")
@facilitator_required
def create_round(process_id: int) -> ResponseReturnValue:
    data = json_body()
    process = processes.managed_process(db.session, g.facilitator, process_id)
    conversation = conversation_rounds.create_round(
        db.session, g.facilitator, process, title=data.get("title"),
        perspective_ids=data.get("perspective_ids"), prompt=data.get("prompt", ""),
        basis=data.get("basis", "manual"), closes_at=data.get("closes_at"))
    return jsonify(conversation_rounds.round_to_dict(conversation)), 201


@blueprint.get("/processes/<int:process_id>/conversation-rounds")
@facilitator_required
def list_rounds(process_id: int) -> ResponseReturnValue:
    process = processes.managed_process(db.session, g.facilitator, process_id)
    found = conversation_rounds.rounds_of_process(db.session, process)
    return jsonify(rounds=[conversation_rounds.round_to_dict(r)
                           | {"indicators": learning.indicators(db.session, r)} for r in found])


@blueprint.get("/conversation-rounds/<int:round_id>")
@facilitator_required
def get_round(round_id: int) -> ResponseReturnValue:
    conversation = _managed_round(round_id)
    found = reflections.reflections_of_round(db.session, conversation)
    return jsonify(conversation_rounds.round_to_dict(conversation)
                   | {"indicators": learning.indicators(db.session, conversation),
                      "reflections": [reflections.reflection_to_dict(r) for r in found]})


@blueprint.get("/conversation-rounds/<int:round_id>/indicators")
@facilitator_required
def round_indicators(round_id: int) -> ResponseReturnValue:
    return jsonify(learning.indicators(db.session, _managed_round(round_id)))


@blueprint.post("/conversation-rounds/<int:round_id>/close")
@facilitator_required
def close_round(round_id: int) -> ResponseReturnValue:
    conversation = conversation_rounds.close_round(db.session, _managed_round(round_id))
    return jsonify(conversation_rounds.round_to_dict(conversation))


@blueprint.post("/conversation-rounds/<int:round_id>/reflections")
@participant_required
def submit_reflection(round_id: int) -> ResponseReturnValue:
    data = json_body()
    conversation = conversation_rounds.get_round(db.session, round_id)
    reflection, duplicate = reflections.submit_reflection(
        db.session, g.participant, conversation, client_id=data.get("client_id"),
        view_change=data.get("view_change"), understood=data.get("understood"),
        question=data.get("question"), keep=data.get("keep"), moved_by=data.get("moved_by"))
    body = {"id": reflection.id, "status": reflection.status.value, "duplicate": duplicate,
            "client_id": reflection.client_id}
    return jsonify(body), 200 if duplicate else 201


@blueprint.get("/me/conversation-rounds")
@participant_required
def my_rounds() -> ResponseReturnValue:
    """The rounds I can answer now, and what I have already answered (in any round)."""
    process = db.session.get(Process, g.participant.process_id)
    assert process is not None
    found = conversation_rounds.open_rounds(db.session, process)
    mine = reflections.reflections_of_participant(db.session, g.participant)
    return jsonify(rounds=[conversation_rounds.round_to_dict(r) for r in found],
                   reflections=[reflections.reflection_to_dict(r) for r in mine])


@blueprint.post("/reflections/<int:reflection_id>/moderation")
@facilitator_required
def moderate_reflection(reflection_id: int) -> ResponseReturnValue:
    data = json_body()
    reflection = reflections.get_reflection(db.session, reflection_id)
    processes.managed_process(db.session, g.facilitator, reflection.process_id)
    reflections.moderate_reflection(db.session, reflection, data.get("action"),
                                    g.facilitator, data.get("reason", ""))
    return jsonify(reflections.reflection_to_dict(reflection))


@blueprint.get("/processes/<int:process_id>/resistance-line")
@facilitator_required
def resistance_log(process_id: int) -> ResponseReturnValue:
    process = processes.managed_process(db.session, g.facilitator, process_id)
    locale = current_locale()
    return jsonify(levels=resistance_line.levels(locale),
                   entries=resistance_line.timeline(db.session, process, locale))


@blueprint.post("/processes/<int:process_id>/resistance-line")
@facilitator_required
def log_resistance(process_id: int) -> ResponseReturnValue:
    data = json_body()
    process = processes.managed_process(db.session, g.facilitator, process_id)
    entry = resistance_line.log_entry(
        db.session, g.facilitator, process, level=data.get("level"), note=data.get("note", ""),
        round_id=data.get("round_id"))
    return jsonify(resistance_line.entry_to_dict(entry, current_locale())), 201


def _managed_round(round_id: int) -> conversation_rounds.ConversationRound:
    conversation = conversation_rounds.get_round(db.session, round_id)
    processes.managed_process(db.session, g.facilitator, conversation.process_id)
    return conversation

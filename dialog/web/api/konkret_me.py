"""Konkretisering from the phone over HTTP: rate, vote, answer the minority question, fish.

The same actions as the live events, for a round that stays open for days: participants
come back with their token whenever suits them.
"""

from __future__ import annotations

from flask import g, jsonify
from flask.typing import ResponseReturnValue

from dialog.extensions import db
from dialog.web.api import blueprint
from dialog.web.auth import json_body, participant_required
from phases.konkretisering import checkback, fishing, majority_vote, minority_wisdom
from phases.konkretisering import phone as konkret_phone


@blueprint.get("/me/konkret")
@participant_required
def my_konkret() -> ResponseReturnValue:
    return jsonify(konkret_phone.phone_state(db.session, g.participant))


@blueprint.post("/checkback-rounds/<int:round_id>/ratings")
@participant_required
def rate_alternative(round_id: int) -> ResponseReturnValue:
    data = json_body()
    rating, duplicate = checkback.rate(
        db.session, g.participant, checkback.get_round(db.session, round_id),
        alternative_id=data.get("alternative_id"), value=data.get("value"),
        reason=data.get("reason", ""), client_id=data.get("client_id"))
    body = {"id": rating.id, "alternative_id": rating.alternative_id,
            "value": rating.value.value, "duplicate": duplicate}
    return jsonify(body), 200 if duplicate else 201


@blueprint.post("/vote-rounds/<int:vote_round_id>/votes")
@participant_required
def cast_majority_vote(vote_round_id: int) -> ResponseReturnValue:
    data = json_body()
    cast, duplicate = majority_vote.cast_vote(
        db.session, g.participant, majority_vote.get_vote_round(db.session, vote_round_id),
        value=data.get("value"), reason=data.get("reason", ""), client_id=data.get("client_id"))
    body = {"id": cast.id, "value": cast.value.value, "duplicate": duplicate}
    return jsonify(body), 200 if duplicate else 201


@blueprint.post("/vote-rounds/<int:vote_round_id>/conditions")
@participant_required
def answer_minority(vote_round_id: int) -> ResponseReturnValue:
    data = json_body()
    amendment, duplicate = minority_wisdom.answer_minority(
        db.session, g.participant, majority_vote.get_vote_round(db.session, vote_round_id),
        text=data.get("text"), client_id=data.get("client_id"))
    body = {**minority_wisdom.amendment_to_dict(amendment), "duplicate": duplicate}
    return jsonify(body), 200 if duplicate else 201


@blueprint.post("/fishing/<int:prompt_id>/answers")
@participant_required
def answer_fishing(prompt_id: int) -> ResponseReturnValue:
    data = json_body()
    item, duplicate = fishing.answer(db.session, g.participant,
                                     fishing.get_prompt(db.session, prompt_id),
                                     text=data.get("text"), client_id=data.get("client_id"))
    body = {"id": item.id, "prompt_id": item.prompt_id, "duplicate": duplicate}
    return jsonify(body), 200 if duplicate else 201

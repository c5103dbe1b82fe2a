"""Konkretisering over HTTP (facilitators): committee goals, alternatives and the vote loop."""

from __future__ import annotations

from flask import g, jsonify
from flask.typing import ResponseReturnValue

from dialog.extensions import db
from dialog.models import Alternative, Amendment, VoteRound
from dialog.services import processes
from dialog.web.api import blueprint
from dialog.web.auth import facilitator_required, json_body
from phases.konkretisering import alternatives, majority_vote, minority_wisdom
from phases.konkretisering import goals as committee_goals
from phases.konkretisering.sources import reflections_of
from phases.konkretisering.trace import alternative_detail, perspective_entry


def _alternative(alternative_id: int) -> Alternative:
    alternative = alternatives.get_alternative(db.session, alternative_id)
    processes.managed_process(db.session, g.facilitator, alternative.process_id)
    return alternative


def _vote_round(vote_round_id: int) -> VoteRound:
    vote_round = majority_vote.get_vote_round(db.session, vote_round_id)
    processes.managed_process(db.session, g.facilitator, vote_round.alternative.process_id)
    return vote_round


def _amendment(amendment_id: int) -> Amendment:
    amendment = minority_wisdom.get_amendment(db.session, amendment_id)
    processes.managed_process(db.session, g.facilitator, amendment.alternative.process_id)
    return amendment


def full(alternative: Alternative) -> dict[str, object]:
    """An alternative with the perspectives and reflections behind it, spelled out."""
    return {**alternative_detail(db.session, alternative),
            "perspectives": [perspective_entry(p) for p in alternative.perspectives],
            "reflections": reflections_of(db.session, alternative)}


@blueprint.get("/processes/<int:process_id>/committee-goals")
@facilitator_required
def list_goals(process_id: int) -> ResponseReturnValue:
    process = processes.managed_process(db.session, g.facilitator, process_id)
    return jsonify(committee_goals=[committee_goals.goal_to_dict(goal)
                                    for goal in committee_goals.goals_of(db.session, process)])


@blueprint.post("/processes/<int:process_id>/committee-goals")
@facilitator_required
def add_goal(process_id: int) -> ResponseReturnValue:
    data = json_body()
    process = processes.managed_process(db.session, g.facilitator, process_id)
    goal = committee_goals.add_goal(
        db.session, process, title=data.get("title"), kind=data.get("kind", "goal"),
        code=data.get("code", ""), description=data.get("description", ""),
        budget_tkr=data.get("budget_tkr"), parent_id=data.get("parent_id"),
        committee=data.get("committee", ""))
    return jsonify(committee_goals.goal_to_dict(goal)), 201


@blueprint.post("/processes/<int:process_id>/committee-goals/preset")
@facilitator_required
def load_goal_preset(process_id: int) -> ResponseReturnValue:
    data = json_body()
    process = processes.managed_process(db.session, g.facilitator, process_id)
    added = committee_goals.load_preset(db.session, process, data.get("preset"))
    return jsonify(added=len(added), committee_goals=[
        committee_goals.goal_to_dict(goal)
        for goal in committee_goals.goals_of(db.session, process)]), 201


@blueprint.get("/processes/<int:process_id>/alternatives")
@facilitator_required
def list_alternatives(process_id: int) -> ResponseReturnValue:
    process = processes.managed_process(db.session, g.facilitator, process_id)
    return jsonify(alternatives=[full(a)
                                 for a in alternatives.alternatives_of(db.session, process)])


@blueprint.post("/processes/<int:process_id>/alternatives")
@facilitator_required
def draft_alternative(process_id: int) -> ResponseReturnValue:
    data = json_body()
    process = processes.managed_process(db.session, g.facilitator, process_id)
    alternative = alternatives.draft_alternative(
        db.session, process, g.facilitator, title=data.get("title"),
        description=data.get("description", ""), perspective_ids=data.get("perspective_ids"),
        reflection_ids=data.get("reflection_ids"))
    return jsonify(full(alternative)), 201


@blueprint.get("/alternatives/<int:alternative_id>")
@facilitator_required
def get_alternative(alternative_id: int) -> ResponseReturnValue:
    return jsonify(full(_alternative(alternative_id)))


@blueprint.patch("/alternatives/<int:alternative_id>")
@facilitator_required
def update_alternative(alternative_id: int) -> ResponseReturnValue:
    data = json_body()
    alternative = _alternative(alternative_id)
    if "hidden" in data:
        alternatives.set_hidden(db.session, alternative, g.facilitator, data["hidden"] is True,
                                data.get("reason", ""))
    edits = {k: data[k] for k in ("title", "description", "perspective_ids", "reflection_ids")
             if k in data}
    if edits:
        alternatives.update_alternative(db.session, alternative, g.facilitator, **edits)
    return jsonify(full(alternative))


@blueprint.post("/alternatives/<int:alternative_id>/votes")
@facilitator_required
def open_vote(alternative_id: int) -> ResponseReturnValue:
    vote_round = majority_vote.open_vote(db.session, _alternative(alternative_id), g.facilitator)
    return jsonify(majority_vote.vote_round_to_dict(db.session, vote_round)), 201


@blueprint.get("/vote-rounds/<int:vote_round_id>")
@facilitator_required
def get_vote_round(vote_round_id: int) -> ResponseReturnValue:
    return jsonify(majority_vote.vote_round_to_dict(db.session, _vote_round(vote_round_id)))


@blueprint.post("/vote-rounds/<int:vote_round_id>/close")
@facilitator_required
def close_vote(vote_round_id: int) -> ResponseReturnValue:
    vote_round = majority_vote.close_vote(db.session, _vote_round(vote_round_id), g.facilitator)
    return jsonify(majority_vote.vote_round_to_dict(db.session, vote_round))


@blueprint.post("/alternatives/<int:alternative_id>/amendments")
@facilitator_required
def add_amendment(alternative_id: int) -> ResponseReturnValue:
    data = json_body()
    amendment = minority_wisdom.add_amendment(
        db.session, _alternative(alternative_id), g.facilitator, text=data.get("text"),
        vote_round_id=data.get("vote_round_id"))
    return jsonify(minority_wisdom.amendment_to_dict(amendment)), 201


@blueprint.patch("/amendments/<int:amendment_id>")
@facilitator_required
def set_amendment_included(amendment_id: int) -> ResponseReturnValue:
    data = json_body()
    amendment = minority_wisdom.set_included(
        db.session, _amendment(amendment_id), g.facilitator, data.get("included") is not False,
        data.get("reason", ""))
    return jsonify(minority_wisdom.amendment_to_dict(amendment))


@blueprint.post("/alternatives/<int:alternative_id>/conclude")
@facilitator_required
def conclude(alternative_id: int) -> ResponseReturnValue:
    alternative = minority_wisdom.conclude(db.session, _alternative(alternative_id),
                                           g.facilitator)
    return jsonify(full(alternative))

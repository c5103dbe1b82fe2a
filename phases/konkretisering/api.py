"""Konkretisering's JSON routes under ``/api/v1``, each a thin adapter over an action.

Facilitators: committee goals, alternatives, check-back rounds, votes, amendments, fishing,
proposals, their trace and the export. Phones (with their token, live or days later):
``/me/konkret``, ratings, votes, conditions and fishing answers, each stored once per
``client_id`` (a resend answers 200 with the first copy).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify
from flask.typing import ResponseReturnValue

from dialog.actions import Role, perform
from dialog.extensions import db
from dialog.web.http_actions import actor_for, describe, expose
from dialog.web.locale import current_locale
from phases.konkretisering import ownership
from phases.konkretisering.operations import (
    alternatives,
    checkback,
    fishing,
    goals,
    phone,
    proposals,
    votes,
)

blueprint = Blueprint("konkret_api", __name__, url_prefix="/api/v1")

PROCESS = "/processes/<int:process_id>"


def _stored(result: Any) -> int:
    """A participant's submission: 201 when stored, 200 for a resend."""
    return 200 if result.duplicate else 201


# Committee goals
expose(blueprint, "GET", PROCESS + "/committee-goals", goals.list_goals, endpoint="list_goals")
expose(blueprint, "POST", PROCESS + "/committee-goals", goals.add, status=201,
       endpoint="add_goal")
expose(blueprint, "POST", PROCESS + "/committee-goals/preset", goals.load_preset, status=201,
       endpoint="load_goal_preset")

# Alternatives and their loop
expose(blueprint, "GET", PROCESS + "/alternatives", alternatives.list_alternatives,
       endpoint="list_alternatives")
expose(blueprint, "POST", PROCESS + "/alternatives", alternatives.draft, status=201,
       endpoint="draft_alternative")
expose(blueprint, "GET", "/alternatives/<int:alternative_id>", alternatives.get,
       endpoint="get_alternative")
expose(blueprint, "PATCH", "/alternatives/<int:alternative_id>", alternatives.update,
       endpoint="update_alternative")
expose(blueprint, "POST", "/alternatives/<int:alternative_id>/votes", votes.open_vote,
       status=201, endpoint="open_vote")
expose(blueprint, "GET", "/vote-rounds/<int:vote_round_id>", votes.get,
       endpoint="get_vote_round")
expose(blueprint, "POST", "/vote-rounds/<int:vote_round_id>/close", votes.close_vote,
       endpoint="close_vote")
expose(blueprint, "POST", "/alternatives/<int:alternative_id>/amendments",
       votes.add_amendment, status=201, endpoint="add_amendment")
expose(blueprint, "PATCH", "/amendments/<int:amendment_id>", votes.include,
       endpoint="set_amendment_included")
expose(blueprint, "POST", "/alternatives/<int:alternative_id>/conclude",
       alternatives.conclude, endpoint="conclude")

# Check-back rounds and fishing
expose(blueprint, "POST", PROCESS + "/checkback-rounds", checkback.open_round, status=201,
       endpoint="open_checkback")
expose(blueprint, "GET", PROCESS + "/checkback-rounds", checkback.list_rounds,
       endpoint="list_checkbacks")
expose(blueprint, "GET", "/checkback-rounds/<int:round_id>", checkback.get,
       endpoint="get_checkback")
expose(blueprint, "POST", "/checkback-rounds/<int:round_id>/close", checkback.close,
       endpoint="close_checkback")
expose(blueprint, "POST", "/checkback-rounds/<int:round_id>/decisive", checkback.mark_decisive,
       endpoint="mark_checkback_decisive")
expose(blueprint, "POST", PROCESS + "/fishing", fishing.go_fishing, status=201,
       endpoint="go_fishing")
expose(blueprint, "GET", PROCESS + "/fishing", fishing.list_prompts, endpoint="list_fishing")
expose(blueprint, "POST", "/fishing/<int:prompt_id>/close", fishing.stop_fishing,
       endpoint="stop_fishing")
expose(blueprint, "PATCH", "/fishing-answers/<int:answer_id>", fishing.hide_answer,
       endpoint="hide_fishing_answer")

# Proposals
expose(blueprint, "GET", PROCESS + "/proposals", proposals.list_proposals,
       endpoint="list_proposals")
expose(blueprint, "POST", PROCESS + "/proposals", proposals.create, status=201,
       endpoint="create_proposal")
expose(blueprint, "GET", "/proposals/<int:proposal_id>", proposals.get, endpoint="get_proposal")
expose(blueprint, "POST", "/proposals/<int:proposal_id>/status-updates", proposals.add_status,
       status=201, endpoint="add_status_update")
expose(blueprint, "GET", "/proposals/<int:proposal_id>/trace", proposals.get_trace,
       endpoint="get_trace")

# The phone
expose(blueprint, "GET", "/me/konkret", phone.mine, endpoint="my_konkret")
expose(blueprint, "POST", "/checkback-rounds/<int:round_id>/ratings", checkback.rate,
       status=_stored, endpoint="rate_alternative")
expose(blueprint, "POST", "/vote-rounds/<int:vote_round_id>/votes", votes.cast,
       status=_stored, endpoint="cast_majority_vote")
expose(blueprint, "POST", "/vote-rounds/<int:vote_round_id>/conditions",
       votes.answer_minority, status=_stored, endpoint="answer_minority")
expose(blueprint, "POST", "/fishing/<int:prompt_id>/answers", fishing.answer, status=_stored,
       endpoint="answer_fishing")


@describe(blueprint, "GET", PROCESS + "/konkretisering.json",
          "Hela konkretiseringen som ett JSON-dokument (nedladdning)", role=Role.FACILITATOR)
def export_konkretisering(process_id: int) -> ResponseReturnValue:
    document = perform(proposals.export_all, db.session, actor_for(Role.FACILITATOR),
                       {"process_id": process_id}, current_locale())
    response = jsonify(document)
    slug = document["process"]["slug"]
    response.headers["Content-Disposition"] = f'attachment; filename="{slug}-konkretisering.json"'
    return response

# Proposal owners (phases/konkretisering/ownership.py)
expose(blueprint, "POST", "/proposals/<int:proposal_id>/owners", ownership.add_owner,
       status=201, endpoint="add_proposal_owner")
expose(blueprint, "GET", "/proposals/<int:proposal_id>/owners", ownership.list_owners,
       endpoint="list_proposal_owners")
expose(blueprint, "GET", "/proposals/<int:proposal_id>/status-updates",
       ownership.list_updates, endpoint="list_status_updates")

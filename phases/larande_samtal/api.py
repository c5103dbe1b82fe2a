"""Lärande samtal over HTTP: rounds, reflections (live or days later), indicators and the
resistance line; each route a thin adapter over an action."""

from __future__ import annotations

from flask import Blueprint

from dialog.web.http_actions import expose
from phases.larande_samtal import operations as do

blueprint = Blueprint("samtal_api", __name__, url_prefix="/api/v1")

ROUNDS = "/processes/<int:process_id>/conversation-rounds"
ROUND = "/conversation-rounds/<int:round_id>"
LINE = "/processes/<int:process_id>/resistance-line"

expose(blueprint, "GET", "/processes/<int:process_id>/conversation-suggestions", do.suggest,
       endpoint="suggestions")
expose(blueprint, "POST", ROUNDS, do.create_round, status=201, endpoint="create_round")
expose(blueprint, "GET", ROUNDS, do.list_rounds, endpoint="list_rounds")
expose(blueprint, "GET", ROUND, do.get_round, endpoint="get_round")
expose(blueprint, "GET", ROUND + "/indicators", do.indicators, endpoint="round_indicators")
expose(blueprint, "POST", ROUND + "/close", do.close_round, endpoint="close_round")
expose(blueprint, "POST", ROUND + "/reflections", do.submit_reflection,
       status=lambda sent: 200 if sent["duplicate"] else 201, endpoint="submit_reflection")
expose(blueprint, "GET", "/me/conversation-rounds", do.my_rounds, endpoint="my_rounds")
expose(blueprint, "POST", "/reflections/<int:reflection_id>/moderation", do.moderate,
       endpoint="moderate_reflection")
expose(blueprint, "GET", LINE, do.resistance_log, endpoint="resistance_log")
expose(blueprint, "POST", LINE, do.log_resistance, status=201, endpoint="log_resistance")

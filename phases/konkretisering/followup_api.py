"""Follow-up's JSON routes under ``/api/v1`` (facilitators), each a thin adapter.

Decisions, the consequence analysis, conditions followed up, funding lines with the plan's
preset, budget lines, indicators and their measurements.
"""

from __future__ import annotations

from flask import Blueprint

from dialog.web.http_actions import expose
from phases.konkretisering.operations import decisions, funding, indicators

blueprint = Blueprint("followup_api", __name__, url_prefix="/api/v1")

PROCESS = "/processes/<int:process_id>"
PROPOSAL = "/proposals/<int:proposal_id>"

expose(blueprint, "POST", PROPOSAL + "/decisions", decisions.decide, status=201,
       endpoint="add_decision")
expose(blueprint, "PUT", PROPOSAL + "/consequences", decisions.analyse,
       endpoint="set_consequences")
expose(blueprint, "PATCH", PROPOSAL + "/conditions/<int:amendment_id>",
       decisions.mark_condition, endpoint="mark_condition")
expose(blueprint, "GET", PROPOSAL + "/follow-up", decisions.get_follow_up,
       endpoint="get_follow_up")

expose(blueprint, "GET", PROCESS + "/funding-lines", funding.list_lines,
       endpoint="list_funding_lines")
expose(blueprint, "POST", PROCESS + "/funding-lines", funding.add_line, status=201,
       endpoint="add_funding_line")
expose(blueprint, "POST", PROCESS + "/funding-lines/preset", funding.load_plan, status=201,
       endpoint="load_funding_plan")
expose(blueprint, "PATCH", "/funding-lines/<int:funding_line_id>", funding.update_line,
       endpoint="update_funding_line")
expose(blueprint, "POST", PROPOSAL + "/budget-lines", funding.add_budget_line, status=201,
       endpoint="add_budget_line")
expose(blueprint, "DELETE", "/budget-lines/<int:budget_line_id>", funding.remove_budget_line,
       endpoint="remove_budget_line")

expose(blueprint, "POST", PROPOSAL + "/indicators", indicators.add, status=201,
       endpoint="add_indicator")
expose(blueprint, "POST", "/indicators/<int:indicator_id>/measurements", indicators.measure,
       status=201, endpoint="add_measurement")

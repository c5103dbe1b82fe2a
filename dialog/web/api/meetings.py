"""A process over months and places: participant cards, stakeholder groups, outreach."""

from __future__ import annotations

from dialog.operations import meetings
from dialog.web.api.blueprint import blueprint
from dialog.web.http_actions import expose

expose(blueprint, "POST", "/processes/<int:process_id>/participant-cards",
       meetings.print_cards, status=201, endpoint="participant_cards")
expose(blueprint, "GET", "/processes/<int:process_id>/stakeholder-groups",
       meetings.list_groups, endpoint="list_stakeholder_groups")
expose(blueprint, "POST", "/processes/<int:process_id>/stakeholder-groups",
       meetings.add_group, status=201, endpoint="add_stakeholder_group")
expose(blueprint, "PATCH", "/stakeholder-groups/<int:group_id>", meetings.change_group,
       endpoint="change_stakeholder_group")
expose(blueprint, "GET", "/processes/<int:process_id>/outreach", meetings.list_outreach,
       endpoint="list_outreach")
expose(blueprint, "POST", "/processes/<int:process_id>/outreach", meetings.plan_outreach,
       status=201, endpoint="plan_outreach")
expose(blueprint, "PATCH", "/outreach/<int:outreach_id>", meetings.change_outreach,
       endpoint="change_outreach")

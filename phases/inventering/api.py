"""Inventering's JSON routes, each a thin adapter over an action."""

from __future__ import annotations

from flask import Blueprint

from dialog.web.http_actions import expose
from phases.inventering import operations

blueprint = Blueprint("inventering_api", __name__, url_prefix="/api/v1")

expose(blueprint, "POST", "/workshops/<int:workshop_id>/perspectives", operations.submit,
       status=lambda sent: 200 if sent.duplicate else 201, endpoint="submit",
       for_facilitator=operations.enter)
expose(blueprint, "GET", "/me/perspectives", operations.mine, endpoint="my_perspectives")

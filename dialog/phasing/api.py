"""Phases over HTTP: open the next phase or a new round, close one, read what it produced,
and the phone's ``GET /me/screen``; each route a thin adapter over an action."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, url_for

from dialog.phasing import operations
from dialog.web.http_actions import expose

blueprint = Blueprint("phasing_api", __name__, url_prefix="/api/v1")


def _screen_url(result: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
    """Turn the screen's endpoint into the URL of the phone's page in its workshop."""
    screen = result["screen"]
    endpoint = screen.get("endpoint")
    body["screen"]["url"] = (url_for(endpoint, workshop_id=screen["workshop_id"])
                             if endpoint else None)
    return body


expose(blueprint, "POST", "/processes/<int:process_id>/phases", operations.open_phase,
       status=201, endpoint="open_phase")
expose(blueprint, "GET", "/processes/<int:process_id>/phases", operations.list_phases,
       endpoint="list_phases")
expose(blueprint, "GET", "/phases/<int:phase_id>", operations.get_phase, endpoint="get_phase")
expose(blueprint, "POST", "/phases/<int:phase_id>/close", operations.close_phase,
       endpoint="close_phase")
expose(blueprint, "POST", "/phases/<int:phase_id>/undo", operations.undo_phase,
       endpoint="undo_phase")
expose(blueprint, "GET", "/me/screen", operations.my_screen, shape=_screen_url,
       endpoint="my_screen")

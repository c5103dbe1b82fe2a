"""The map's JSON routes (reactions, the next perspective, links, the map), each an action."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from dialog.web.http_actions import expose
from phases.inventering.map import operations, theme_operations

blueprint = Blueprint("map_api", __name__, url_prefix="/api/v1")


def _created(result: Any) -> int:
    created = result["created"] if isinstance(result, dict) else result.created
    return 201 if created else 200


expose(blueprint, "POST", "/perspectives/<int:perspective_id>/votes", operations.submit_reaction,
       status=_created, endpoint="vote")
expose(blueprint, "GET", "/workshops/<int:workshop_id>/next-perspective",
       operations.next_for_me, endpoint="next_for_me")
expose(blueprint, "GET", "/processes/<int:process_id>/map", operations.show_map,
       endpoint="process_map")
expose(blueprint, "POST", "/processes/<int:process_id>/links", operations.create_link,
       status=_created, endpoint="create_link")
expose(blueprint, "GET", "/processes/<int:process_id>/links", operations.list_links,
       endpoint="list_links")
expose(blueprint, "PATCH", "/processes/<int:process_id>/themes/<int:theme_id>",
       theme_operations.rename_theme, endpoint="rename_theme")

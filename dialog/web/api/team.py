"""A process's team (owners manage it; every member reads it) and programmes."""

from __future__ import annotations

from typing import Any

from flask import request

from dialog.operations import programmes, team
from dialog.web.api.blueprint import blueprint
from dialog.web.http_actions import expose

TEAM = "/processes/<int:process_id>/team"


def absolute_invite(_result: Any, body: dict[str, Any]) -> dict[str, Any]:
    """The invite link as the owner copies it (by e-mail once mail exists)."""
    if body.get("invite_url"):
        body = body | {"invite_url": request.host_url.rstrip("/") + body["invite_url"]}
    return body


expose(blueprint, "POST", TEAM, team.add_member, status=201, shape=absolute_invite,
       endpoint="add_team_member")
expose(blueprint, "GET", TEAM, team.list_members, endpoint="list_team")
expose(blueprint, "DELETE", TEAM + "/<email>", team.remove_member, endpoint="remove_team_member")

expose(blueprint, "POST", "/programmes", programmes.create, status=201,
       endpoint="create_programme")
expose(blueprint, "GET", "/programmes/<int:programme_id>", programmes.get,
       endpoint="get_programme")
expose(blueprint, "POST", "/programmes/<int:programme_id>/processes", programmes.add_process,
       status=201, endpoint="add_programme_process")

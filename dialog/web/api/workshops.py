"""Workshops: open one, read and change it, join it by code."""

from __future__ import annotations

from typing import Any

from dialog.operations import workshops
from dialog.web.api.blueprint import blueprint
from dialog.web.code_guard import check_participant_code
from dialog.web.http_actions import expose
from dialog.web.join_address import join_url as room_join_url
from dialog.web.join_guard import check_join_code


def join_url(code: str) -> str:
    return room_join_url(code)


def _with_join_url(_workshop: Any, body: dict[str, Any]) -> dict[str, Any]:
    return body | {"join_url": join_url(body["join_code"])}


def _created(_workshop: Any, body: dict[str, Any]) -> dict[str, Any]:
    return {"id": body["id"], "join_code": body["join_code"],
            "join_url": join_url(body["join_code"])}


expose(blueprint, "POST", "/processes/<int:process_id>/workshops", workshops.open_workshop,
       status=201, shape=_created, endpoint="open_workshop")
expose(blueprint, "GET", "/workshops/<int:workshop_id>", workshops.get_workshop,
       shape=_with_join_url, endpoint="get_workshop")
expose(blueprint, "PATCH", "/workshops/<int:workshop_id>", workshops.update_workshop,
       endpoint="update_workshop")
expose(blueprint, "POST", "/join", workshops.join, status=201, endpoint="join",
       guard=lambda run: check_join_code(lambda: check_participant_code(run)))

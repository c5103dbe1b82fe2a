"""Path and schema descriptions for the OpenAPI document; features add theirs here."""

from __future__ import annotations

from typing import Any


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def operation(summary: str, *, body: dict[str, Any] | None = None,
              responses: dict[str, dict[str, Any]], security: str | None = None) -> dict[str, Any]:
    """Describe one operation; every operation may also answer with an Error."""
    op: dict[str, Any] = {"summary": summary, "responses": dict(responses)}
    if body is not None:
        op["requestBody"] = {"required": True, **_json(body)}
    if security:
        op["security"] = [{security: []}]
    op["responses"].setdefault("4XX", {"description": "Fel", **_json(_ref("Error"))})
    return op


def ok(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, **_json(schema)}


SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object", "required": ["error"],
        "properties": {"error": {"type": "object", "required": ["code", "message"],
                                 "properties": {"code": {"type": "string"},
                                                "message": {"type": "string"}}}},
    },
    "Perspective": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"}, "text": {"type": "string", "maxLength": 500},
            "kind": {"enum": ["standpoint", "feeling", "idea", "thought"]},
            "stakeholder_group": {"type": ["string", "null"]},
            "status": {"enum": ["pending", "approved", "hidden"]},
            "personal_data": {"type": "array", "items": {"type": "string"}},
            "workshop_id": {"type": ["integer", "null"]},
            "created_at": {"type": "string", "format": "date-time"},
        },
    },
    "NewPerspective": {
        "type": "object", "required": ["text", "kind", "client_id"],
        "properties": {
            "text": {"type": "string", "minLength": 1, "maxLength": 500},
            "kind": {"enum": ["standpoint", "feeling", "idea", "thought"]},
            "stakeholder_group": {"type": ["string", "null"]},
            "client_id": {"type": "string", "maxLength": 64},
        },
    },
}

_ID = {"type": "integer"}

PATHS: dict[str, Any] = {
    "/auth/token": {"post": operation(
        "Logga in som samtalsledare och få en bearer-token",
        body={"type": "object", "required": ["email", "password"],
              "properties": {"email": {"type": "string"}, "password": {"type": "string"}}},
        responses={"200": ok("Token", {"type": "object", "properties": {
            "token": {"type": "string"}}})},
    )},
    "/processes": {
        "post": operation(
            "Skapa en process med fråga och intressentgrupper",
            body={"type": "object", "required": ["title", "question", "stakeholder_groups"],
                  "properties": {"title": {"type": "string"}, "question": {"type": "string"},
                                 "stakeholder_groups": {"type": "array",
                                                        "items": {"type": "string"}},
                                 "description": {"type": "string"},
                                 "owner_organisation": {"type": "string"}}},
            responses={"201": ok("Skapad", {"type": "object", "properties": {
                "id": _ID, "slug": {"type": "string"}}})},
            security="facilitator",
        ),
        "get": operation("Mina processer", responses={"200": ok("Lista", {"type": "object"})},
                         security="facilitator"),
    },
    "/processes/{id}": {"get": operation(
        "En process med faser och räkning", responses={"200": ok("Process", {"type": "object"})},
        security="facilitator")},
    "/processes/{id}/workshops": {"post": operation(
        "Öppna en workshop i processens aktuella fas",
        body={"type": "object", "required": ["title"],
              "properties": {"title": {"type": "string"}, "pre_moderation": {"type": "boolean"}}},
        responses={"201": ok("Öppnad", {"type": "object", "properties": {
            "id": _ID, "join_code": {"type": "string"}, "join_url": {"type": "string"}}})},
        security="facilitator",
    )},
    "/processes/{id}/perspectives": {"get": operation(
        "Alla perspektiv i processen",
        responses={"200": ok("Perspektiv", {"type": "object", "properties": {
            "perspectives": {"type": "array", "items": _ref("Perspective")}}})},
        security="facilitator",
    )},
    "/processes/{id}/moderation-log": {"get": operation(
        "Modereringsloggen", responses={"200": ok("Logg", {"type": "object"})},
        security="facilitator")},
    "/workshops/{id}": {
        "get": operation("En workshop", responses={"200": ok("Workshop", {"type": "object"})},
                         security="facilitator"),
        "patch": operation(
            "Ändra läge eller förmoderering",
            body={"type": "object", "properties": {
                "state": {"enum": ["open", "paused", "closed"]},
                "pre_moderation": {"type": "boolean"}}},
            responses={"200": ok("Workshop", {"type": "object"})}, security="facilitator"),
    },
    "/join": {"post": operation(
        "Gå med i en workshop med kod (inget konto, inga personuppgifter)",
        body={"type": "object", "required": ["join_code"], "properties": {
            "join_code": {"type": "string"}, "stakeholder_group": {"type": ["string", "null"]},
            "age_band": {"type": ["string", "null"]}}},
        responses={"201": ok("Med", {"type": "object", "properties": {
            "participant_token": {"type": "string"}, "workshop_id": _ID}})},
    )},
    "/workshops/{id}/perspectives": {"post": operation(
        "Skicka ett perspektiv; samma client_id igen ger 200 och samma id",
        body=_ref("NewPerspective"),
        responses={
            "201": ok("Sparat", {"type": "object", "properties": {"id": _ID}}),
            "200": ok("Redan sparat (omsändning)", {"type": "object", "properties": {"id": _ID}}),
        },
        security="participant",
    )},
    "/me/perspectives": {"get": operation(
        "Det jag har skickat och dess status",
        responses={"200": ok("Perspektiv", {"type": "object"})}, security="participant")},
    "/perspectives/{id}/moderation": {"post": operation(
        "Godkänn, dölj eller återställ ett perspektiv (inget raderas)",
        body={"type": "object", "required": ["action"], "properties": {
            "action": {"enum": ["approve", "hide", "restore"]}, "reason": {"type": "string"}}},
        responses={"200": ok("Perspektiv", _ref("Perspective"))}, security="facilitator",
    )},
}

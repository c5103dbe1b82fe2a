"""The OpenAPI 3.1 document of the JSON API, generated from the routes and their schemas.

Every route made by :func:`dialog.web.http_actions.expose` or ``describe`` is listed with
its input and result schema (pydantic's JSON Schema); nothing here is written by hand but
the document's frame.
"""

from __future__ import annotations

import re
from typing import Any

from flask import jsonify
from flask.typing import ResponseReturnValue
from pydantic import BaseModel

from dialog import __version__
from dialog.actions import Role
from dialog.services.ids import LARGEST_ID
from dialog.web.api.blueprint import blueprint
from dialog.web.http_actions import ROUTES, Route, describe

REF = "#/components/schemas/{model}"
ERROR_SCHEMA = {
    "type": "object", "required": ["error"],
    "properties": {"error": {"type": "object", "required": ["code", "message"],
                             "properties": {"code": {"type": "string"},
                                            "message": {"type": "string"}}}},
}


def _schema(model: type[BaseModel], schemas: dict[str, Any], *, drop: set[str]) -> dict[str, Any]:
    """Register ``model`` (and its definitions) in ``schemas``; return a reference to it."""
    document = model.model_json_schema(ref_template=REF)
    schemas.update(document.pop("$defs", {}))
    if drop:
        document["properties"] = {k: v for k, v in document.get("properties", {}).items()
                                  if k not in drop}
        document["required"] = [k for k in document.get("required", []) if k not in drop]
        if not document["required"]:
            document.pop("required")
    schemas[model.__name__] = document
    return {"$ref": REF.format(model=model.__name__)}


def _operation(route: Route, schemas: dict[str, Any]) -> dict[str, Any]:
    path_fields = set(route.path_fields)
    path_names = re.findall(r"{([a-z_]+)}", route.path)
    body = route.action.input if route.action else route.body
    result = route.action.result if route.action else route.result
    operation: dict[str, Any] = {"summary": route.summary or (route.action.name if route.action
                                                               else route.path)}
    if route.action:
        operation["operationId"] = route.action.name
    if path_names:
        operation["parameters"] = [{"name": name, "in": "path", "required": True,
                                    "schema": {"type": "integer", "minimum": 1,
                                               "maximum": LARGEST_ID} if name == "id"
                                    else {"type": "string"}} for name in path_names]
    if body is not None and set(body.model_fields) - path_fields:
        reference = _schema(body, schemas, drop=path_fields)
        if route.method == "GET":
            operation.setdefault("parameters", []).extend(
                {"name": name, "in": "query", "required": False, "schema": {"type": "string"}}
                for name in body.model_fields if name not in path_fields)
        else:
            operation["requestBody"] = {"required": True,
                                        "content": {"application/json": {"schema": reference}}}
    ok: dict[str, Any] = {"description": "OK"}
    if route.media_type and route.media_type != "application/json":
        ok["content"] = {route.media_type: {"schema": {"type": "string", "format": "binary"}}}
    elif result is not None:
        ok["content"] = {"application/json": {"schema": _schema(result, schemas, drop=set())}}
    failed = {"description": "Fel", "content": {"application/json": {
        "schema": {"$ref": REF.format(model="Error")}}}}
    operation["responses"] = {**{str(status): ok for status in (route.status, *route.also)},
                              "4XX": failed}
    if route.role in (Role.FACILITATOR, Role.PARTICIPANT):
        operation["security"] = [{route.role.value: []}]
    elif route.role is Role.SIGNED_IN:
        operation["security"] = [{"facilitator": []}, {"participant": []}]
    return operation


def document() -> dict[str, Any]:
    schemas: dict[str, Any] = {"Error": ERROR_SCHEMA}
    paths: dict[str, Any] = {}
    for route in ROUTES:
        paths.setdefault(route.path, {})[route.method.lower()] = _operation(route, schemas)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "dialog API",
            "version": __version__,
            "description": "Medskapande dialog: processer, workshoppar och perspektiv. "
            "Fel returneras som {\"error\": {\"code\", \"message\"}} med status 4xx.",
        },
        "servers": [{"url": "/api/v1"}],
        "components": {
            "securitySchemes": {
                "facilitator": {"type": "http", "scheme": "bearer",
                                "description": "Token från POST /auth/token"},
                "participant": {"type": "http", "scheme": "bearer",
                                "description": "participant_token från POST /join"},
            },
            "schemas": schemas,
        },
        "paths": dict(sorted(paths.items())),
    }


@describe(blueprint, "GET", "/openapi.json", "Det här dokumentet (OpenAPI 3.1)")
def openapi_json() -> ResponseReturnValue:
    return jsonify(document())

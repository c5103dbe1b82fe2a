"""Helpers the remaining hand-written OpenAPI modules (map, samtal, konkret) still import.

Every path this module once described is generated from its route now. Delete it together
with the last ``openapi_*.py`` module that imports ``ok`` or ``operation`` from here.
"""

from __future__ import annotations

from typing import Any


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
    op["responses"].setdefault("4XX", {"description": "Fel", **_json(
        {"$ref": "#/components/schemas/Error"})})
    return op


def ok(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, **_json(schema)}

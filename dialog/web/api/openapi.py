"""The OpenAPI 3.1 document of the JSON API, built from per-area path descriptions."""

from __future__ import annotations

from typing import Any

from flask import jsonify
from flask.typing import ResponseReturnValue

from dialog import __version__
from dialog.web.api import (
    blueprint,
    openapi_konkret,
    openapi_map,
    openapi_paths,
    openapi_publications,
    openapi_samtal,
)

#: Each feature describes its own paths in a module of its own; listed explicitly.
PATH_SOURCES = (openapi_paths, openapi_map, openapi_samtal, openapi_publications,
                openapi_konkret)


def document() -> dict[str, Any]:
    paths: dict[str, Any] = {}
    schemas: dict[str, Any] = {}
    for source in PATH_SOURCES:
        paths.update(source.PATHS)
        schemas.update(getattr(source, "SCHEMAS", {}))
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
        "paths": paths,
    }


@blueprint.get("/openapi.json")
def openapi_json() -> ResponseReturnValue:
    return jsonify(document())

"""OpenAPI paths of publication: versions, preview, settings and the records export."""

from __future__ import annotations

from typing import Any

from dialog.web.api.openapi_paths import ok, operation

_PUBLISHED = {"type": "object", "properties": {
    "version": {"type": "integer", "minimum": 1},
    "url": {"type": "string", "description": "Versionens egen adress, /p/<slug>/v/<version>"},
    "published_at": {"type": "string", "format": "date-time"},
    "licence": {"type": "string"}}}

_SETTINGS = {"type": "object", "properties": {
    "licence": {"enum": ["CC-BY-4.0", "CC0-1.0", "CC-BY-SA-4.0"]},
    "retention_until": {"type": ["string", "null"], "format": "date"},
    "retention_applied_at": {"type": ["string", "null"], "format": "date-time"}}}

SCHEMAS: dict[str, Any] = {"Publication": _PUBLISHED, "PublicationSettings": _SETTINGS}

PATHS: dict[str, Any] = {
    "/processes/{id}/publications": {
        "post": operation(
            "Publicera nästa version (oföränderlig, daterad, med egen adress)",
            body={"type": "object", "properties": {
                "note": {"type": "string", "maxLength": 2000},
                "licence": {"enum": ["CC-BY-4.0", "CC0-1.0", "CC-BY-SA-4.0"]}}},
            responses={"201": ok("Publicerad", {"$ref": "#/components/schemas/Publication"})},
            security="facilitator"),
        "get": operation(
            "Publicerade versioner",
            responses={"200": ok("Versioner", {"type": "object", "properties": {
                "publications": {"type": "array",
                                 "items": {"$ref": "#/components/schemas/Publication"}}}})},
            security="facilitator"),
    },
    "/processes/{id}/publication-preview": {"get": operation(
        "Förhandsvisning: det som skulle publiceras nu, med ändringar sedan senaste versionen",
        responses={"200": ok("Ögonblicksbild", {"type": "object"})}, security="facilitator")},
    "/processes/{id}/publication-settings": {
        "get": operation("Licens och gallringsdatum",
                         responses={"200": ok("Inställningar", _SETTINGS)},
                         security="facilitator"),
        "patch": operation("Ändra licens och/eller gallringsdatum", body=_SETTINGS,
                           responses={"200": ok("Inställningar", _SETTINGS)},
                           security="facilitator"),
    },
    "/processes/{id}/records.json": {"get": operation(
        "Allt som registrerats för processen (allmänna handlingar), även dolda perspektiv "
        "och modereringsloggen", responses={"200": ok("Utdrag", {"type": "object"})},
        security="facilitator")},
    "/processes/{id}/records.zip": {"get": operation(
        "Samma utdrag som ZIP med JSON, en CSV per tabell och en README",
        responses={"200": {"description": "ZIP",
                           "content": {"application/zip": {"schema": {
                               "type": "string", "format": "binary"}}}}},
        security="facilitator")},
}

"""Hand-written path descriptions still waiting to be generated (being retired).

Each phase package removes its module from ``SOURCES`` once its routes are made with
``expose``/``describe``; when the tuple is empty this module goes.
"""

from __future__ import annotations

from typing import Any

from dialog.web.api import (
    openapi_konkret,
    openapi_paths,
    openapi_publications,
    openapi_samtal,
)

SOURCES: tuple[Any, ...] = (openapi_paths, openapi_samtal, openapi_publications, openapi_konkret)


def paths_and_schemas() -> tuple[dict[str, Any], dict[str, Any]]:
    paths: dict[str, Any] = {}
    schemas: dict[str, Any] = {}
    for source in SOURCES:
        paths.update(source.PATHS)
        schemas.update(getattr(source, "SCHEMAS", {}))
    return paths, schemas

"""The JSON API under ``/api/v1``; its OpenAPI document is at ``/api/v1/openapi.json``."""

from __future__ import annotations

from flask import Blueprint

blueprint = Blueprint("api", __name__, url_prefix="/api/v1")

# Route modules register themselves on the blueprint when imported; the list is explicit.
from dialog.web.api import (  # noqa: E402
    auth,
    openapi,
    perspectives,
    processes,
    publications,
    workshops,
)

__all__ = ["auth", "blueprint", "openapi", "perspectives", "processes", "publications",
           "workshops"]

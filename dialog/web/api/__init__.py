"""The JSON API under ``/api/v1``; its OpenAPI document is at ``/api/v1/openapi.json``."""

from __future__ import annotations

# Route modules register themselves on the blueprint when imported; the list is explicit.
from dialog.web.api import (
    auth,
    followup,
    openapi,
    perspectives,
    processes,
    publications,
    workshops,
)
from dialog.web.api.blueprint import blueprint

__all__ = ["auth", "blueprint", "followup", "openapi", "perspectives", "processes",
           "publications", "workshops"]

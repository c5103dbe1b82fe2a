"""The JSON API under ``/api/v1``; its OpenAPI document is at ``/api/v1/openapi.json``."""

from __future__ import annotations

# Route modules register themselves on the blueprint when imported; the list is explicit.
from dialog.web.api import (
    auth,
    followup,
    meetings,
    openapi,
    participants,
    perspectives,
    processes,
    publications,
    subscriptions,
    team,
    workshops,
)
from dialog.web.api.blueprint import blueprint

__all__ = ["auth", "blueprint", "followup", "meetings", "openapi", "participants",
           "perspectives", "processes", "publications", "subscriptions", "team", "workshops"]

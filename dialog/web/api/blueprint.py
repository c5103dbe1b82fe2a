"""The kernel's JSON API blueprint under ``/api/v1`` (phases bring blueprints of their own)."""

from __future__ import annotations

from flask import Blueprint

blueprint = Blueprint("api", __name__, url_prefix="/api/v1")

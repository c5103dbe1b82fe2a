"""Public, unauthenticated pages that are not about one process."""

from __future__ import annotations

from flask import Blueprint, jsonify
from flask.typing import ResponseReturnValue
from sqlalchemy import text

from dialog import __version__
from dialog.extensions import db

blueprint = Blueprint("public", __name__)


@blueprint.get("/healthz")
def health() -> ResponseReturnValue:
    """Liveness and database check for load balancers and `make run`."""
    db.session.execute(text("SELECT 1"))
    return jsonify(status="ok", version=__version__)

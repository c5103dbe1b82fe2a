"""POST /api/v1/auth/token: exchange a facilitator's email and password for a bearer token."""

from __future__ import annotations

from flask import jsonify
from flask.typing import ResponseReturnValue

from dialog.extensions import db
from dialog.services import facilitators
from dialog.web.api import blueprint
from dialog.web.auth import json_body, secret_key


@blueprint.post("/auth/token")
def issue_token() -> ResponseReturnValue:
    data = json_body()
    facilitator = facilitators.authenticate(
        db.session, str(data.get("email") or ""), str(data.get("password") or "")
    )
    return jsonify(token=facilitators.issue_token(secret_key(), facilitator))

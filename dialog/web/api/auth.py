"""POST /api/v1/auth/token: exchange a facilitator's email and password for a bearer token."""

from __future__ import annotations

from flask import jsonify
from flask.typing import ResponseReturnValue

from dialog.actions import Input, Output
from dialog.actions.fields import LooseText
from dialog.services import facilitators
from dialog.web.api.blueprint import blueprint
from dialog.web.auth import json_body, secret_key
from dialog.web.http_actions import describe
from dialog.web.login import sign_in


class Credentials(Input):
    email: LooseText = None
    password: LooseText = None


class Token(Output):
    token: str


@describe(blueprint, "POST", "/auth/token", "Byt e-post och lösenord mot en token",
          body=Credentials, result=Token)
def issue_token() -> ResponseReturnValue:
    data = json_body()
    facilitator = sign_in(str(data.get("email") or ""), str(data.get("password") or ""))
    return jsonify(token=facilitators.issue_token(secret_key(), facilitator))

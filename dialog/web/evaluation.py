"""The phone's evaluation page at the end of a meeting: "Kände du dig lyssnad på?"."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask.typing import ResponseReturnValue

from dialog import policy
from dialog.extensions import db
from dialog.models import Workshop

blueprint = Blueprint("evaluation", __name__)


@blueprint.get("/w/<int:workshop_id>/utvardering")
def phone(workshop_id: int) -> ResponseReturnValue:
    """One question, 1 to 5, and an optional comment; sent once through the phone's outbox."""
    workshop = policy.load(db.session, Workshop, workshop_id)
    return render_template("evaluation/phone.html", workshop=workshop)

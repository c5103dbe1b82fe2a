"""The perspective map's pages: reactions on the phone, the map for facilitator and projector."""

from __future__ import annotations

from flask import Blueprint, g, render_template
from flask.typing import ResponseReturnValue

from dialog.extensions import db
from dialog.models import Process, Workshop
from dialog.policy import load
from dialog.services import facilitators
from dialog.web.auth import secret_key
from dialog.web.pages import managed_page

blueprint = Blueprint("mapview", __name__)

#: The relations a facilitator can draw between two perspectives, in the order offered.
RELATIONS = ("builds_on", "contrasts_with", "same_as")


@blueprint.get("/w/<int:workshop_id>/react")
def react(workshop_id: int) -> ResponseReturnValue:
    """Show a participant others' perspectives one at a time to agree, disagree or pass."""
    workshop = load(db.session, Workshop, workshop_id)
    return render_template("inventering/map/react.html", workshop=workshop,
                           process=workshop.process)


def _map_page(process: Process, template: str) -> ResponseReturnValue:
    latest = process.workshops[-1] if process.workshops else None
    return render_template(
        template, process=process, workshop=latest, relations=RELATIONS,
        groups=[grp.name for grp in process.stakeholder_groups],
        api_token=facilitators.issue_token(secret_key(), g.facilitator),
    )


@blueprint.get("/facilitator/processes/<int:process_id>/map")
@managed_page(Process, "process_id")
def facilitator_map(process: Process) -> ResponseReturnValue:
    """Show the facilitator the live map: graph, opinion groups and missing perspectives."""
    return _map_page(process, "inventering/map/map.html")


@blueprint.get("/facilitator/processes/<int:process_id>/map/projector")
@managed_page(Process, "process_id")
def projector_map(process: Process) -> ResponseReturnValue:
    """Show the room the live map in large type, without anything about who voted what."""
    return _map_page(process, "inventering/map/projector.html")

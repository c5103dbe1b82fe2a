"""The perspective map's pages: reactions on the phone, the map for facilitator and projector."""

from __future__ import annotations

from flask import Blueprint, g, render_template
from flask.typing import ResponseReturnValue

from dialog.extensions import db
from dialog.services import facilitators, processes, workshops
from dialog.web.auth import login_required, secret_key

blueprint = Blueprint("mapview", __name__)

#: The relations a facilitator can draw between two perspectives, in the order offered.
RELATIONS = ("builds_on", "contrasts_with", "same_as")


@blueprint.get("/w/<int:workshop_id>/react")
def react(workshop_id: int) -> ResponseReturnValue:
    """Show a participant others' perspectives one at a time to agree, disagree or pass."""
    workshop = workshops.get_workshop(db.session, workshop_id)
    return render_template("mapview/react.html", workshop=workshop, process=workshop.process)


def _map_page(process_id: int, template: str) -> ResponseReturnValue:
    found = processes.managed_process(db.session, g.facilitator, process_id)
    latest = found.workshops[-1] if found.workshops else None
    return render_template(
        template, process=found, workshop=latest, relations=RELATIONS,
        groups=[grp.name for grp in found.stakeholder_groups],
        api_token=facilitators.issue_token(secret_key(), g.facilitator),
    )


@blueprint.get("/facilitator/processes/<int:process_id>/map")
@login_required
def facilitator_map(process_id: int) -> ResponseReturnValue:
    """Show the facilitator the live map: graph, opinion groups and missing perspectives."""
    return _map_page(process_id, "mapview/map.html")


@blueprint.get("/facilitator/processes/<int:process_id>/map/projector")
@login_required
def projector_map(process_id: int) -> ResponseReturnValue:
    """Show the room the live map in large type, without anything about who voted what."""
    return _map_page(process_id, "mapview/projector.html")

"""The console's meetings pages: the process's meetings and phases on a timeline, a meeting's
details and attendance, input entered from outside the room, stakeholder groups, the
outreach plan beside the missing groups, and printed participant cards.

Every form works without JavaScript and calls the same action as the JSON API.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from flask import Blueprint, render_template, request, url_for
from flask.typing import ResponseReturnValue

from dialog.errors import DialogError
from dialog.extensions import db
from dialog.models import MeetingFormat, OutreachStatus, Process, Workshop
from dialog.operations import workshops as workshop_actions
from dialog.services import groups, meetings, outreach, tallies
from dialog.services.perspectives import perspectives_of_workshop
from dialog.web.form_actions import again, submit_form
from dialog.web.pages import managed_page
from dialog.web.timefmt import local_zone
from phases.inventering import operations as inventering
from phases.inventering.entered import SOURCES

blueprint = Blueprint("meetings", __name__, url_prefix="/facilitator")


@blueprint.app_template_global("meeting_timeline")
def timeline(process: Process) -> list[dict[str, Any]]:
    """The process's meetings and phase rounds in time order (meetings by start, else by
    when they were opened), for the process page."""
    items: list[dict[str, Any]] = [
        {"type": "meeting", "at": w.starts_at or w.created_at, "meeting": w}
        for w in process.workshops]
    items += [{"type": "phase", "at": p.opened_at, "phase": p} for p in process.phases]
    return sorted(items, key=lambda item: item["at"])


def local_input(value: datetime | None) -> str:
    """A stored moment as a ``datetime-local`` field shows it, in Swedish time."""
    return value.astimezone(local_zone()).strftime("%Y-%m-%dT%H:%M") if value else ""


def with_offset(value: str | None) -> str | None:
    """A ``datetime-local`` value (no offset) read as Swedish time, with its offset."""
    if not value:
        return value
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value  # the action explains what is wrong with it
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=local_zone())
    return moment.isoformat()


def meeting_form() -> dict[str, Any]:
    """The meeting fields of a console form, as the action takes them."""
    form = request.form
    return {"title": form.get("title"), "place": form.get("place", ""),
            "starts_at": with_offset(form.get("starts_at")),
            "ends_at": with_offset(form.get("ends_at")),
            "format": form.get("format") or "physical",
            "target_groups": form.getlist("target_groups"),
            "facilitators": form.get("facilitators", ""), "agenda": form.get("agenda", ""),
            "requires_participant_code": form.get("requires_participant_code") == "on"}


def render_process(process: Process, error: DialogError | None = None,
                   typed: dict[str, Any] | None = None) -> ResponseReturnValue:
    tally = tallies.tally(db.session, process)
    page = render_template(
        "meetings/process.html", process=process, timeline=timeline(process),
        attendance={w.id: meetings.attendance(db.session, w) for w in process.workshops},
        tally=tally, history=groups.history(db.session, process),
        plan=outreach.plan_of(db.session, process), statuses=list(OutreachStatus),
        formats=list(MeetingFormat), local_input=local_input, error=error, typed=typed or {})
    return page, 400 if error else 200


def render_meeting(workshop: Workshop, error: DialogError | None = None,
                   typed: dict[str, Any] | None = None) -> ResponseReturnValue:
    entered = [p for p in perspectives_of_workshop(db.session, workshop)
               if p.source]
    page = render_template(
        "meetings/meeting.html", workshop=workshop, process=workshop.process,
        attendance=meetings.attendance(db.session, workshop), entered=entered,
        sources=SOURCES, formats=list(MeetingFormat), local_input=local_input, error=error,
        typed=typed or {}, new_client_id="c." + secrets.token_hex(8))
    return page, 400 if error else 200


@blueprint.get("/processes/<int:process_id>/meetings")
@managed_page(Process, "process_id")
def process_meetings(found: Process) -> ResponseReturnValue:
    return render_process(found)


@blueprint.post("/processes/<int:process_id>/meetings")
@managed_page(Process, "process_id")
def open_meeting(found: Process) -> ResponseReturnValue:
    return submit_form(workshop_actions.open_workshop,
                       {"process_id": found.id, **meeting_form()},
                       again(Process, found.id, render_process),
                       lambda w: url_for("meetings.meeting", workshop_id=w.id))


@blueprint.get("/workshops/<int:workshop_id>/meeting")
@managed_page(Workshop, "workshop_id")
def meeting(found: Workshop) -> ResponseReturnValue:
    return render_meeting(found)


@blueprint.post("/workshops/<int:workshop_id>/meeting")
@managed_page(Workshop, "workshop_id")
def change_meeting(found: Workshop) -> ResponseReturnValue:
    return submit_form(workshop_actions.update_workshop,
                       {"workshop_id": found.id, **meeting_form()},
                       again(Workshop, found.id, render_meeting),
                       lambda w: url_for("meetings.meeting", workshop_id=w.id) + "#saved")


@blueprint.post("/workshops/<int:workshop_id>/entered")
@managed_page(Workshop, "workshop_id")
def enter_perspective(found: Workshop) -> ResponseReturnValue:
    form = request.form
    data = {"workshop_id": found.id, "text": form.get("text"), "kind": form.get("kind"),
            "stakeholder_group": form.get("stakeholder_group") or None,
            "source": form.get("source"), "client_id": form.get("client_id") or None}
    return submit_form(inventering.enter, data, again(Workshop, found.id, render_meeting),
                       lambda _sent: url_for("meetings.meeting", workshop_id=found.id)
                       + "#entered")

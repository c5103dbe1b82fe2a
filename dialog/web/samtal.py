"""Lärande samtal pages: the facilitator's samtal console, the phone's reflection page, and
``/w/<workshop_id>/now``, which sends a phone to the screen of the process's open phase.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import Blueprint, g, render_template
from flask.typing import ResponseReturnValue

from dialog.errors import DialogError
from dialog.extensions import db
from dialog.models import MAX_REFLECTION_LENGTH, ModerationStatus, PhaseKind, Process, ViewChange
from dialog.services import (
    conversation_rounds,
    conversation_suggestions,
    facilitators,
    learning,
    processes,
    reflections,
    resistance_line,
    workshops,
)
from dialog.services.perspectives import perspectives_of_process
from dialog.services.phases import ORDER, open_phase_of
from dialog.web.auth import login_required, secret_key
from dialog.web.locale import current_locale
from dialog.web.resistance_chart import chart

blueprint = Blueprint("samtal", __name__)

#: Times are stored in UTC and shown in Swedish local time.
LOCAL_ZONE = "Europe/Stockholm"


@blueprint.app_template_filter("samtal_local_time")
def local_time(moment: datetime | str) -> str:
    """Format a UTC moment (or its ISO text) as local "2026-05-04 18:30"."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    try:
        zone: tzinfo = ZoneInfo(LOCAL_ZONE)
    except ZoneInfoNotFoundError:  # no time zone database: UTC is still right, just less local
        zone = UTC
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


@blueprint.get("/w/<int:workshop_id>/now")
def now(workshop_id: int) -> ResponseReturnValue:
    """Send the phone to the open phase's screen (the page asks the API with its token)."""
    workshop = workshops.get_workshop(db.session, workshop_id)
    return render_template("samtal/now.html", workshop=workshop, process=workshop.process)


@blueprint.get("/w/<int:workshop_id>/samtal")
def phone(workshop_id: int) -> ResponseReturnValue:
    """The reflection page: the open rounds' perspectives and the three prompts."""
    workshop = workshops.get_workshop(db.session, workshop_id)
    process = workshop.process
    return render_template(
        "samtal/phone.html", workshop=workshop, process=process,
        rounds=conversation_rounds.open_rounds(db.session, process),
        view_changes=[c.value for c in ViewChange], max_length=MAX_REFLECTION_LENGTH)


@blueprint.get("/facilitator/processes/<int:process_id>/samtal")
@login_required
def console(process_id: int) -> ResponseReturnValue:
    process = processes.managed_process(db.session, g.facilitator, process_id)
    return render_console(process)


def render_console(process: Process, error: DialogError | None = None,
                   form: dict[str, Any] | None = None) -> ResponseReturnValue:
    """The samtal console, optionally with a refused form's error and its input kept."""
    locale = current_locale()
    current = open_phase_of(process)
    in_samtal = current is not None and current.kind is PhaseKind.LARANDE_SAMTAL
    rounds = []
    for conversation in reversed(conversation_rounds.rounds_of_process(db.session, process)):
        rounds.append({
            "round": conversation,
            "data": conversation_rounds.round_to_dict(conversation),
            "indicators": learning.indicators(db.session, conversation),
            "reflections": [reflections.reflection_to_dict(r) for r in
                            reflections.reflections_of_round(db.session, conversation)],
        })
    entries = resistance_line.timeline(db.session, process, locale)
    levels = resistance_line.levels(locale)
    approved = perspectives_of_process(db.session, process,
                                       statuses=(ModerationStatus.APPROVED,))
    body = render_template(
        "samtal/console.html", process=process, current=current, in_samtal=in_samtal,
        order=[k.value for k in ORDER], rounds=rounds, perspectives=approved,
        suggestions=(conversation_suggestions.suggest(db.session, process, locale)
                     if in_samtal else {"source": None, "suggestions": []}),
        levels=levels, entries=entries, chart=chart(entries, levels),
        latest=entries[-1] if entries else None,
        error=error, form=form or {}, bases=conversation_rounds.BASES,
        api_token=facilitators.issue_token(secret_key(), g.facilitator),
        workshop=process.workshops[-1] if process.workshops else None,
    )
    return body, 400 if error else 200


from dialog.web import samtal_forms  # noqa: E402  (registers the console's form posts)

__all__ = ["blueprint", "render_console", "samtal_forms"]

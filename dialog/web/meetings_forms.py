"""The console's forms for stakeholder groups, the outreach plan and printed participant
cards (on the process's meetings page); each calls the same action as the JSON API."""

from __future__ import annotations

from flask import g, render_template, request, url_for
from flask.typing import ResponseReturnValue

from dialog.actions import perform
from dialog.errors import DialogError
from dialog.extensions import db
from dialog.models import OutreachAction, Process, StakeholderGroup
from dialog.operations import meetings as actions
from dialog.web.auth import check_csrf
from dialog.web.form_actions import again, submit_form
from dialog.web.locale import current_locale
from dialog.web.meetings_console import blueprint, render_process
from dialog.web.pages import managed_page


def back_to(process_id: int, part: str) -> str:
    return url_for("meetings.process_meetings", process_id=process_id) + f"#{part}"


@blueprint.post("/processes/<int:process_id>/stakeholder-groups")
@managed_page(Process, "process_id")
def add_group(found: Process) -> ResponseReturnValue:
    return submit_form(actions.add_group, {"process_id": found.id,
                                           "name": request.form.get("name")},
                       again(Process, found.id, render_process),
                       lambda _group: back_to(found.id, "groups"))


@blueprint.post("/stakeholder-groups/<int:group_id>")
@managed_page(StakeholderGroup, "group_id")
def change_group(found: StakeholderGroup) -> ResponseReturnValue:
    process_id = found.process_id
    data = {"group_id": found.id, "name": request.form.get("name") or None,
            "merge_into": request.form.get("merge_into") or None}
    return submit_form(actions.change_group, data, again(Process, process_id, render_process),
                       lambda _group: back_to(process_id, "groups"))


@blueprint.post("/processes/<int:process_id>/outreach")
@managed_page(Process, "process_id")
def plan_outreach(found: Process) -> ResponseReturnValue:
    form = request.form
    data = {"process_id": found.id, **{name: form.get(name, "") for name in (
        "stakeholder_group", "action", "where", "when", "responsible")}}
    return submit_form(actions.plan_outreach, data, again(Process, found.id, render_process),
                       lambda _item: back_to(found.id, "outreach"))


@blueprint.post("/outreach/<int:outreach_id>")
@managed_page(OutreachAction, "outreach_id")
def change_outreach(found: OutreachAction) -> ResponseReturnValue:
    process_id = found.process_id
    return submit_form(actions.change_outreach,
                       {"outreach_id": found.id, "status": request.form.get("status")},
                       again(Process, process_id, render_process),
                       lambda _item: back_to(process_id, "outreach"))


@blueprint.post("/processes/<int:process_id>/participant-cards")
@managed_page(Process, "process_id")
def print_cards(found: Process) -> ResponseReturnValue:
    """Make the cards and show them once, ready to print (only hashes are kept)."""
    check_csrf()
    try:
        cards = perform(actions.print_cards, db.session, g.facilitator,
                        {"process_id": found.id, "count": request.form.get("count")},
                        current_locale())
    except DialogError as exc:
        if exc.status in (401, 403, 404):
            raise
        db.session.rollback()
        return render_process(found, exc, request.form.to_dict())
    join_url = url_for("participant.home", _external=True)
    return render_template("meetings/cards.html", process=found, codes=cards.codes,
                           join_url=join_url)

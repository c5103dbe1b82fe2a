"""Konkretisering pages: the facilitator's console and alternative page, the phone's page.

Form posts live in ``konkret_forms``; proposal pages in ``konkret_proposals``. Every form
works without JavaScript; the console's JavaScript only keeps tallies and answers live.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, render_template
from flask.typing import ResponseReturnValue

from dialog import policy
from dialog.errors import DialogError
from dialog.extensions import db
from dialog.models import Alternative, ModerationStatus, Process, Rating, Workshop
from dialog.services import facilitators
from dialog.services.perspectives import perspectives_of_process
from dialog.web.auth import secret_key
from dialog.web.locale import _
from dialog.web.pages import managed_page
from phases.konkretisering import alternatives, checkback, fishing, majority_vote
from phases.konkretisering import goals as committee_goals
from phases.konkretisering.fishing import DEFAULT_QUESTION
from phases.konkretisering.schemas import PromptWithAnswers
from phases.konkretisering.sources import candidate_reflections
from phases.konkretisering.trace import alternative_detail

blueprint = Blueprint("konkret", __name__)

@blueprint.get("/facilitator/processes/<int:process_id>/konkret")
@managed_page(Process, "process_id")
def console(process: Process) -> ResponseReturnValue:
    return render_console(process)


def _grouped_perspectives(process: Process) -> list[tuple[str | None, list[Any]]]:
    groups: dict[str | None, list[Any]] = {g.name: [] for g in process.stakeholder_groups}
    for perspective in perspectives_of_process(db.session, process,
                                               statuses=(ModerationStatus.APPROVED,)):
        groups.setdefault(perspective.group_name, []).append(perspective)
    return [(name, items) for name, items in groups.items() if items]


def render_console(process: Process, error: DialogError | None = None,
                   form: dict[str, Any] | None = None) -> ResponseReturnValue:
    """The konkretisering console, optionally with a refused form's error and its input."""
    found = alternatives.alternatives_of(db.session, process)
    rounds = list(reversed(checkback.rounds_of(db.session, process)))
    body = render_template(
        "konkretisering/console.html", process=process, error=error, form=form or {},
        alternatives=found, open_votes={a.id: majority_vote.open_round_of(a) for a in found},
        vote_tallies={a.id: majority_vote.tally(db.session, r)
                      for a in found if (r := majority_vote.open_round_of(a))},
        perspective_groups=_grouped_perspectives(process),
        reflections=candidate_reflections(db.session, process.id),
        checkbacks=[checkback.results(db.session, r) for r in rounds],
        ratings=[r.value for r in Rating],
        prompts=PromptWithAnswers.dump_all(reversed(fishing.prompts_of(db.session, process))),
        default_question=DEFAULT_QUESTION,
        goals=committee_goals.goals_of(db.session, process),
        api_token=facilitators.issue_token(secret_key(), g.facilitator),
    )
    return body, error.status if error else 200


@blueprint.get("/facilitator/alternatives/<int:alternative_id>")
@managed_page(Alternative, "alternative_id")
def alternative(found: Alternative) -> ResponseReturnValue:
    return render_alternative(found)


def render_alternative(found: Alternative, error: DialogError | None = None,
                       form: dict[str, Any] | None = None) -> ResponseReturnValue:
    """The alternative's page: sources, check-backs, the minority-wisdom loop, history."""
    detail = alternative_detail(db.session, found)
    body = render_template(
        "konkretisering/alternative.html", process=found_process(found), alternative=found,
        detail=detail, history=describe_history(detail["history"]),
        open_vote=majority_vote.open_round_of(found),
        question=majority_vote.QUESTION, error=error, form=form or {},
        api_token=facilitators.issue_token(secret_key(), g.facilitator),
    )
    return body, error.status if error else 200


def describe_history(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each step of an alternative's history as one sentence in the reader's language."""
    lines = []
    for event in events:
        data, tally = event["data"], event["data"].get("tally") or {}
        who = data.get("participant_ids") or data.get("dissent_participant_ids") or []
        params = {
            "number": data.get("number", ""),
            "title": data.get("title") or data.get("round_title") or "",
            "for": tally.get("for", 0), "against": tally.get("against", 0),
            "supports": tally.get("supports", 0), "can_live_with": tally.get("can_live_with", 0),
            "objects": tally.get("objects", 0), "count": len(who),
            "outcome": _(f"konkret.outcomes.{data['outcome']}") if data.get("outcome") else "",
            "text": data.get("text") or data.get("question", ""),
            "reason": data.get("reason", ""),
            "participant": event["participant_id"] or "",
        }
        lines.append({"kind": event["kind"], "created_at": event["created_at"],
                      "text": _(f"konkret.history.{event['kind']}", **params)})
    return lines


def found_process(found: Alternative) -> Process:
    process = db.session.get(Process, found.process_id)
    assert process is not None
    return process


@blueprint.get("/w/<int:workshop_id>/konkret")
def phone(workshop_id: int) -> ResponseReturnValue:
    """The phone's page: rate alternatives, vote, answer "vad skulle krävas…", go fishing."""
    workshop = policy.load(db.session, Workshop, workshop_id)
    return render_template("konkretisering/phone.html", workshop=workshop,
                           process=workshop.process, ratings=[r.value for r in Rating])

"""The whole konkretisering of a process as one JSON document, for records and re-use,
with what happened next (decisions, money, indicators, consequences, conditions).

Texts flagged for personal data, and hidden answers, are left out (marked ``redacted``):
the export may be published; the database keeps everything.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from dialog.models import Process, utcnow
from phases.konkretisering import alternatives, checkback, fishing, follow_up, funding, proposals
from phases.konkretisering import goals as committee_goals
from phases.konkretisering.followup_schemas import FollowUp
from phases.konkretisering.schemas import GoalOut, PromptWithAnswers, ProposalOut
from phases.konkretisering.trace import alternative_full

FORMAT = "dialog.konkretisering/1"


def export(session: Session, process: Process) -> dict[str, Any]:
    """Goals, alternatives with their whole loop, check-backs, fishing and proposals."""
    return {
        "format": FORMAT,
        "generated_at": utcnow().isoformat(),
        "process": {
            "id": process.id, "slug": process.slug, "title": process.title,
            "question": process.question, "owner_organisation": process.owner_organisation,
            "stakeholder_groups": [g.name for g in process.stakeholder_groups],
            "phases": [{"id": p.id, "kind": p.kind.value, "round": p.round,
                        "status": p.status.value} for p in process.phases],
        },
        "committee_goals": GoalOut.dump_all(committee_goals.goals_of(session, process)),
        "alternatives": [_alternative(session, a)
                         for a in alternatives.alternatives_of(session, process)],
        "checkback_rounds": [_checkback(session, r)
                             for r in checkback.rounds_of(session, process)],
        "fishing_prompts": [_fishing(p) for p in fishing.prompts_of(session, process)],
        "proposals": ProposalOut.dump_all(proposals.proposals_of(session, process)),
        "funding": funding.overview(session, process),
        "follow_up": [_follow_up(session, p) for p in proposals.proposals_of(session, process)],
    }


def _follow_up(session: Session, proposal: Any) -> dict[str, Any]:
    """Decisions, budget, indicators, consequences; a flagged condition is redacted."""
    raw = follow_up.of_proposal(session, proposal)
    flagged = {c["amendment_id"] for c in raw["conditions"] if c["personal_data"]}
    body = FollowUp.dump(raw)
    body["conditions"] = [_redacted({**c, "personal_data": c["amendment_id"] in flagged},
                                    "text") for c in body["conditions"]]
    return body


def _alternative(session: Session, alternative: Any) -> dict[str, Any]:
    body = alternative_full(session, alternative)
    body["amendments"] = [_redacted(a, "text") for a in body["amendments"]]
    return body


def _checkback(session: Session, checkback_round: Any) -> dict[str, Any]:
    body = checkback.results(session, checkback_round)
    for item in body["alternatives"]:
        item["reasons"] = [_redacted(r, "reason") for r in item["reasons"]]
    return body


def _fishing(prompt: Any) -> dict[str, Any]:
    body = PromptWithAnswers.dump(prompt)
    body["answers"] = [_redacted(a, "text", hidden=a["hidden"]) for a in body["answers"]]
    return body


def _redacted(item: dict[str, Any], field: str, *, hidden: bool = False) -> dict[str, Any]:
    if hidden or item.get("personal_data"):
        return {**item, field: None, "redacted": True}
    return {**item, "redacted": False}

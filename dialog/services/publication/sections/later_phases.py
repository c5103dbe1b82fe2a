"""Sections of the later phases: learning conversations, alternatives and proposals.

They light up when the lärande samtal and konkretisering features are installed; each
calls those features' own services and republishes their plain data. Hidden alternatives
are never published, and perspectives are only quoted when they are published themselves.
"""

from __future__ import annotations

from typing import Any

from dialog.services.publication.sections.context import SectionContext
from dialog.services.publication.sections.optional import optional_module


def learning_section(ctx: SectionContext) -> list[dict[str, Any]] | None:
    """Learning indicators per conversation round (lärande samtal), when available."""
    rounds = optional_module("dialog.services.conversation_rounds")
    learning = optional_module("dialog.services.learning")
    if rounds is None or learning is None:
        return None
    found = []
    for conversation in rounds.rounds_of_process(ctx.session, ctx.process):
        shown = rounds.round_to_dict(conversation)
        counts = learning.indicators(ctx.session, conversation)
        found.append({
            "id": shown["id"], "number": shown["number"], "title": shown["title"],
            "phase_round": shown["phase_round"], "status": shown["status"],
            "participants": counts["participants"], "understood": counts["understood"],
            "shifted": counts["shifted"], "view_changes": counts["view_changes"],
            "perspectives": [q for p in shown["perspectives"] if (q := ctx.quote(p["id"]))],
            "moved_by": [q for m in counts["moved_by"]
                         if (q := ctx.quote(m["perspective_id"], moved=m["count"]))],
        })
    return found or None


def alternatives_section(ctx: SectionContext) -> list[dict[str, Any]] | None:
    """Alternatives with support, votes, minority conditions and recorded dissent."""
    alternatives = optional_module("dialog.services.alternatives")
    trace = optional_module("dialog.services.trace")
    if alternatives is None or trace is None:
        return None
    found = []
    for alternative in alternatives.alternatives_of(ctx.session, ctx.process,
                                                    include_hidden=False):
        detail = trace.alternative_detail(ctx.session, alternative)
        counted = [c["tally"] for c in detail["checkbacks"] if c["tally"].get("total")]
        support = counted[-1] if counted else None
        found.append({
            "id": detail["id"], "title": detail["title"], "description": detail["description"],
            "outcome": detail["outcome"],
            "support": {k: support.get(k, 0) for k in ("supports", "can_live_with", "objects",
                                                       "total")} if support else None,
            "votes": [{"number": r["number"], "votes_for": r["tally"]["for"],
                       "votes_against": r["tally"]["against"], "majority": r["majority"]}
                      for r in detail["vote_rounds"] if r["status"] == "closed"],
            "conditions": [{"text": a["text"], "included": a["included"]}
                           for a in detail["amendments"]],
            "dissent": {"count": len(detail["dissent"]),
                        "reasons": [d["reason"] for d in detail["dissent"] if d["reason"]]}
            if detail["dissent"] else None,
            "perspectives": [q for pid in detail["perspective_ids"] if (q := ctx.quote(pid))],
        })
    return found or None


def proposals_section(ctx: SectionContext) -> list[dict[str, Any]] | None:
    """Proposals ("ni sa, vi gör") with owner, budget, goal, indicators and status history."""
    proposals = optional_module("dialog.services.proposals")
    trace = optional_module("dialog.services.trace")
    if proposals is None or trace is None:
        return None
    published_alternatives = {a["id"] for a in ctx.results.get("alternatives") or []}
    found = []
    for proposal in proposals.proposals_of(ctx.session, ctx.process):
        body = proposals.proposal_to_dict(proposal)
        chain = trace.trace(ctx.session, proposal)
        goal = body["committee_goal"]
        found.append({
            "id": body["id"], "title": body["title"], "description": body["description"],
            "owner": body["owner"], "budget_tkr": body["budget_tkr"],
            "starts_on": body["starts_on"], "ends_on": body["ends_on"],
            "goal": {"code": goal["code"], "title": goal["title"],
                     "committee": goal["committee"]} if goal else None,
            "indicators": body["indicators"], "status": body["status"],
            "updates": [{"status": u["status"], "note": u["note"], "dated": u["dated"]}
                        for u in body["status_updates"]],
            "alternative_ids": [a for a in body["alternative_ids"]
                                if a in published_alternatives],
            "perspectives": [q for p in chain["perspectives"] if (q := ctx.quote(p["id"]))],
        })
    return found or None

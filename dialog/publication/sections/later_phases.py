"""Sections of the later phases: learning conversations, alternatives and proposals.

Lärande samtal is read through its ``Phase`` contract (what each of its phases produced).
Alternatives and proposals are read from konkretisering's services: they belong to the
process, not to one konkretisering phase (an alternative may be drafted while another
phase is open), so no phase's ``produce()`` holds them all. Hidden alternatives are never
published, and perspectives are only quoted when they are published themselves.
"""

from __future__ import annotations

from typing import Any

from dialog.models import PhaseKind
from dialog.publication.sections.context import SectionContext


def learning_section(ctx: SectionContext) -> list[dict[str, Any]] | None:
    """Learning indicators per conversation round, from what each lärande samtal produced."""
    from phases import phase_for  # lazily: the phases import the kernel

    samtal = phase_for(PhaseKind.LARANDE_SAMTAL)
    found = []
    produced = [samtal.produce(ctx.session, phase) for phase in ctx.process.phases
                if phase.kind is PhaseKind.LARANDE_SAMTAL]
    for shown in (r for made in produced for r in made["rounds"]):
        counts = shown["indicators"]
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
    from phases.konkretisering import alternatives, trace  # lazily: phases import the kernel

    found = []
    for alternative in alternatives.alternatives_of(ctx.session, ctx.process,
                                                    include_hidden=False):
        detail = trace.alternative_detail(ctx.session, alternative)
        found.append({
            "id": detail["id"], "title": detail["title"], "description": detail["description"],
            "outcome": detail["outcome"],
            "support": published_support(detail["checkbacks"]),
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


def published_support(checkbacks: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The support to publish: the round marked decisive, else the one with most answers.

    Among several marked rounds the latest counts; among rounds with as many answers, the
    latest. The result names its round, so a reader knows which answers are counted.
    """
    answered = [c for c in checkbacks if c["tally"].get("total")]
    if not answered:
        return None
    marked = [c for c in answered if c.get("decisive")]
    chosen = (marked[-1] if marked else
              max(reversed(answered), key=lambda c: c["tally"]["total"]))
    tally = chosen["tally"]
    return {**{k: tally.get(k, 0) for k in ("supports", "can_live_with", "objects", "total")},
            "round": {"id": chosen["round_id"], "title": chosen["title"],
                      "decisive": bool(marked), "rounds_with_answers": len(answered)}}


def proposals_section(ctx: SectionContext) -> list[dict[str, Any]] | None:
    """Proposals ("ni sa, vi gör") with owner, budget, goal, indicators and status history."""
    published_alternatives = {a["id"] for a in ctx.results.get("alternatives") or []}
    found = []
    from phases.konkretisering import proposals, trace  # lazily: the phases import the kernel
    from phases.konkretisering.schemas import ProposalOut

    for proposal in proposals.proposals_of(ctx.session, ctx.process):
        body = ProposalOut.dump(proposal)
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

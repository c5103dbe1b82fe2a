"""Sections "mandate", "funding" and "follow_up": what the committee asked, what money there
is, and what became of each proposal (decisions, budget per source, indicators measured,
consequences, the minority's conditions followed up).

The mandate is part of every version from the first. Money is summed per source and never
across sources. A condition whose text the guard flagged is left out, never shown.
"""

from __future__ import annotations

from typing import Any

from dialog.publication.sections.context import SectionContext


def mandate_section(ctx: SectionContext) -> dict[str, Any] | None:
    """The process's mandate and who decides on its proposals, when set."""
    process = ctx.process
    if not (process.mandate or process.decision_maker):
        return None
    return {"mandate": process.mandate, "decision_maker": process.decision_maker}


def funding_section(ctx: SectionContext) -> dict[str, Any] | None:
    """Funding lines with allocated and remaining, totals per source, over-allocations."""
    from phases.konkretisering import funding  # lazily: the phases import the kernel

    found = funding.overview(ctx.session, ctx.process)
    return found if found["lines"] or found["sources"] else None


def follow_up_section(ctx: SectionContext) -> list[dict[str, Any]] | None:
    """Per published proposal: decisions, budget split, indicators, consequences, conditions."""
    from phases.konkretisering import follow_up, proposals  # lazily: phases import the kernel
    from phases.konkretisering.followup_schemas import FollowUp

    names = {line["id"]: line["name"]
             for line in (ctx.results.get("funding") or {}).get("lines", [])}
    found = []
    for proposal in proposals.proposals_of(ctx.session, ctx.process):
        raw = follow_up.of_proposal(ctx.session, proposal)
        shown = [c for c in raw["conditions"] if not c["personal_data"]]
        body = FollowUp.dump({**raw, "conditions": shown})
        consequences = body["consequences"]
        entry = {
            "proposal_id": proposal.id,
            "decisions": [{k: d[k] for k in ("body", "decided_on", "paragraph", "case_number",
                                             "outcome", "note")} for d in body["decisions"]],
            "budget_lines": [{"funding_line": names.get(b["funding_line_id"]),
                              "source": b["source"], "amount": b["amount"], "note": b["note"]}
                             for b in body["budget_lines"]],
            "budget_by_source": body["budget_by_source"],
            "indicators": [{k: i[k] for k in ("id", "name", "unit", "baseline", "target")}
                           | {"measurements": [{k: m[k] for k in ("value", "measured_on",
                                                                   "source")}
                                               for m in i["measurements"]]}
                           for i in body["indicators"]],
            "consequences": {k: consequences[k] for k in ("children", "equality", "ecology")}
            if consequences and any(consequences[k] for k in ("children", "equality",
                                                              "ecology")) else None,
            "conditions": [{k: c[k] for k in ("text", "alternative_title", "from_minority",
                                              "followed_up", "note", "dated")}
                           for c in body["conditions"] if c["included"]],
        }
        if any(entry[k] for k in ("decisions", "budget_lines", "indicators", "consequences",
                                  "conditions")):
            found.append(entry)
    return found or None

"""The report as a committee document: case number, handling officer, proposed decision,
and the summary in words that opens it ("Det här sa ni · det här föreslår vi · det här
händer nu"), built from what the other sections published.
"""

from __future__ import annotations

from typing import Any

from dialog.publication.sections.context import SectionContext

#: How many themes, quotes and proposals the one-page summary names.
SUMMARY_ITEMS = 3


def committee_section(ctx: SectionContext) -> dict[str, Any]:
    from dialog.publication.publishing import settings_of  # lazily: publishing builds us

    settings = settings_of(ctx.session, ctx.process)
    return {
        "case_number": settings.case_number,
        "handling_officer": settings.handling_officer,
        "decision_proposal": settings.decision_proposal,
        "decision_maker": getattr(ctx.process, "decision_maker", "") or "",
        "summary": summary_in_words(ctx.results),
    }


def summary_in_words(results: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """What was said, what is proposed, what happens now: short lists for the first page."""
    themes = [t["label"] for t in (results.get("map") or {}).get("themes") or []
              if not t.get("other")][:SUMMARY_ITEMS]
    proposals = results.get("proposals") or []
    said: list[dict[str, Any]] = [{"theme": label} for label in themes]
    if not said:
        said = [{"quote": q} for q in (results.get("perspectives") or [])[:SUMMARY_ITEMS]]
    proposed = [{"title": p["title"], "owner": p.get("owner") or ""}
                for p in proposals[:SUMMARY_ITEMS * 2]]
    happening = [{"title": p["title"], "status": p["status"],
                  "latest": (p.get("updates") or [{}])[-1]} for p in proposals]
    return {"said": said, "proposed": proposed, "happening": happening}

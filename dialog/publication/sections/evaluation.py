"""Section "evaluation": "Kände du dig lyssnad på?" per meeting, aggregated.

Nothing is published for a meeting with fewer than five answers (the small-number rule):
neither the count nor the scores. Above that, the count per score is suppressed where it
is below five, and the mean is given. Comments are published only when approved and free
of personal data, and only for a meeting that has five answers or more.
"""

from __future__ import annotations

from typing import Any

from dialog.publication.sections.context import SectionContext
from dialog.publication.suppression import THRESHOLD, suppress_why
from dialog.services.evaluations import SCORES, summary


def evaluation_section(ctx: SectionContext) -> list[dict[str, Any]] | None:
    """Per meeting with answers: the count (or "färre än 5"), the scores and the mean."""
    found = []
    for meeting in summary(ctx.session, ctx.process):
        if not meeting["answers"]:
            continue
        enough = meeting["answers"] >= THRESHOLD
        cells = suppress_why([(s, meeting["scores"][str(s)]) for s in SCORES]) if enough else []
        found.append({
            "title": meeting["title"], "answers": meeting["answers"] if enough else None,
            "scores": [{"score": s, "count": c, "hidden": why} for s, c, why in cells],
            "mean": meeting["mean"] if enough else None,
            "comments": meeting["comments"] if enough else [],
        })
    return found or None

"""Section "perspectives": every approved perspective, redacted, without who wrote it."""

from __future__ import annotations

from typing import Any

from dialog.publication.guard import clean_text
from dialog.publication.sections.context import SectionContext


def perspectives_section(ctx: SectionContext) -> list[dict[str, Any]]:
    """Approved perspectives with kind, stakeholder group, phase and date; never an age band.

    A perspective the guard flagged (or any text the patterns find) is published redacted.
    """
    items = []
    for perspective in ctx.perspectives:
        text = clean_text(perspective.text)
        items.append({
            "id": perspective.id,
            "text": text,
            "kind": perspective.kind.value,
            "stakeholder_group": perspective.group_name,
            "phase": perspective.phase.kind.value,
            "round": perspective.phase.round,
            "date": perspective.created_at.date().isoformat(),
            "redacted": text != perspective.text,
            #: Entered by a facilitator (e.g. "interview"); published as "från intervju".
            "source": perspective.source,
        })
    return items

"""Where perspectives ended up: the published proposals built on them ("vad hände sen").

A phone asks about its own perspectives; the answer names only proposals a published
version shows, with the address of the public page, so nothing unpublished leaks.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.models import Process, Proposal, Publication
from dialog.models.alternative import alternative_perspective
from dialog.models.proposal import proposal_alternative
from dialog.publication.feed import published_proposal_ids


def used_in(session: Session, process: Process, perspective_ids: list[int],
            publication: Publication | None) -> dict[int, list[dict[str, Any]]]:
    """For each perspective id: the published proposals (of ``publication``, the latest
    version) whose alternatives were built on it."""
    public = published_proposal_ids(publication)
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if not public or not perspective_ids:
        return found
    rows = session.execute(
        select(alternative_perspective.c.perspective_id, Proposal.id, Proposal.title)
        .join(proposal_alternative,
              proposal_alternative.c.alternative_id == alternative_perspective.c.alternative_id)
        .join(Proposal, Proposal.id == proposal_alternative.c.proposal_id)
        .where(alternative_perspective.c.perspective_id.in_(perspective_ids),
               Proposal.id.in_(public))
        .distinct().order_by(Proposal.id))
    for perspective_id, proposal_id, title in rows:
        found[perspective_id].append({"proposal_id": proposal_id, "title": title,
                                      "url": f"/p/{process.slug}#proposal-{proposal_id}"})
    return found

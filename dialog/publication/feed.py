"""What happened next, as a list of news: published versions and what became of proposals.

Only what is public goes here: every published version, and the status changes of proposals
that a published version shows. The Atom feed (``/p/<slug>/feed.atom``) and the e-mail
notices read the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.models import (
    Process,
    Proposal,
    ProposalDecision,
    ProposalStatusUpdate,
    Publication,
)
from dialog.publication.publishing import latest

#: Entries kept in the feed, newest first.
FEED_LENGTH = 50


@dataclass(frozen=True)
class NewsItem:
    """One piece of news: ``kind`` names its message (``way_back.feed.<kind>``)."""

    kind: str
    key: str
    updated: datetime
    params: dict[str, Any] = field(default_factory=dict)
    summary: str = ""
    #: Path on the public site (``/p/<slug>…``) the news links to.
    path: str = ""


def published_proposal_ids(publication: Publication | None) -> set[int]:
    """The proposals a version shows (by id)."""
    if publication is None:
        return set()
    return {int(p["id"]) for p in publication.snapshot.get("proposals") or []}


def is_public(session: Session, proposal: Proposal) -> bool:
    """Does the latest published version of its process show this proposal?"""
    process = session.get(Process, proposal.process_id)
    return process is not None and proposal.id in published_proposal_ids(
        latest(session, process))


def news(session: Session, process: Process) -> list[NewsItem]:
    """The process's news, newest first."""
    versions = session.execute(
        select(Publication.version, Publication.published_at, Publication.note)
        .where(Publication.process_id == process.id).order_by(Publication.version))
    items = [NewsItem("version", f"version-{version}", published_at, {"version": version},
                      note, f"/p/{process.slug}/v/{version}")
             for version, published_at, note in versions]
    public = published_proposal_ids(latest(session, process))
    if public:
        updates = session.execute(
            select(ProposalStatusUpdate, Proposal).join(Proposal)
            .where(Proposal.id.in_(public)).order_by(ProposalStatusUpdate.id))
        for update, proposal in updates:
            moment = datetime.combine(update.dated, time(12), tzinfo=UTC)
            items.append(NewsItem("status", f"status-{update.id}", max(moment, _utc(
                update.created_at)), {"proposal": proposal.title,
                                      "status": update.status.value}, update.note,
                f"/p/{process.slug}#proposals"))
        decisions = session.execute(
            select(ProposalDecision, Proposal).join(Proposal)
            .where(Proposal.id.in_(public)).order_by(ProposalDecision.id))
        for decision, proposal in decisions:
            moment = datetime.combine(decision.decided_on, time(12), tzinfo=UTC)
            items.append(NewsItem("decision", f"decision-{decision.id}", max(moment, _utc(
                decision.created_at)), {"proposal": proposal.title,
                                        "outcome": decision.outcome.value},
                " ".join(part for part in (decision.body, decision.paragraph,
                                           decision.case_number) if part),
                f"/p/{process.slug}#proposal-{proposal.id}"))
    items.sort(key=lambda item: (item.updated, item.key), reverse=True)
    return items[:FEED_LENGTH]


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)

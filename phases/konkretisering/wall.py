"""Konkretisering on the room's wall: the alternatives being checked back with live support
bars per answer, the vote that is open (or last closed) and the conditions its minority
named. Drawn by the server (``templates/konkretisering/wall.html``) and drawn again after
each of konkretisering's live events; never who answered what."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.models import Amendment, Rating, RoundStatus, VoteRound, Workshop
from dialog.models import Phase as PhaseRecord
from dialog.phasing.contract import WallPart
from phases.konkretisering import checkback, majority_vote

TEMPLATE = "konkretisering/wall.html"
#: The events after which the wall draws this part again.
REFRESH_ON = ("checkback:round", "checkback:tally", "vote:opened", "vote:tally", "vote:closed",
              "amendment:new", "alternative:changed")


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def checking(session: Session, workshop: Workshop) -> dict[str, Any] | None:
    """The check-back that is open (else the latest): per alternative, support per answer."""
    found = checkback.rounds_of(session, workshop.process)
    if not found:
        return None
    opened = [r for r in found if r.status is RoundStatus.OPEN]
    current = (opened or found)[-1]
    results = checkback.results(session, current)
    for item in results["alternatives"]:
        total = item["tally"]["total"]
        item["bars"] = [{"answer": r.value, "count": item["tally"][r.value],
                         "percent": _percent(item["tally"][r.value], total)} for r in Rating]
    return {"title": current.title, "open": current.status is RoundStatus.OPEN,
            "participants": results["participants"], "alternatives": results["alternatives"]}


def voting(session: Session, workshop: Workshop) -> dict[str, Any] | None:
    """The vote that is open, else the one closed last, with its minority's conditions."""
    found = list(session.scalars(
        select(VoteRound).join(VoteRound.alternative)
        .where(VoteRound.alternative.has(process_id=workshop.process_id))
        .order_by(VoteRound.opened_at, VoteRound.id)))
    if not found:
        return None
    opened = [r for r in found if r.status is RoundStatus.OPEN]
    current = (opened or found)[-1]
    tally = majority_vote.tally(session, current)
    conditions = session.scalars(select(Amendment).where(
        Amendment.vote_round_id == current.id, Amendment.participant_id.is_not(None),
        Amendment.included.is_(True)).order_by(Amendment.id))
    return {"title": current.alternative.title, "number": current.number, "text": current.text,
            "open": current.status is RoundStatus.OPEN, "tally": tally,
            "for_percent": _percent(tally["for"], tally["total"]),
            "against_percent": _percent(tally["against"], tally["total"]),
            "majority": current.majority.value if current.majority else None,
            "minority_asked": current.minority_asked,
            # Flagged personal data never reaches the wall.
            "conditions": [a.text for a in conditions if a.text and not a.personal_data]}


def part(session: Session, phase: PhaseRecord, workshop: Workshop) -> WallPart:
    return WallPart(TEMPLATE, {"checking": checking(session, workshop),
                               "voting": voting(session, workshop)},
                    watch=("konkret:watch", {"process_id": workshop.process_id}),
                    refresh_on=REFRESH_ON)

"""Traceability: from a proposal back to alternatives, reflections, perspectives and groups."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.models import Alternative, CheckbackRound, Process, Proposal
from dialog.models.checkback import checkback_round_alternative
from phases.konkretisering import checkback, majority_vote
from phases.konkretisering import sources as alternative_sources
from phases.konkretisering.schemas import (
    AlternativeOut,
    AmendmentOut,
    DissentOut,
    EventOut,
    PerspectiveEntry,
    ProposalOut,
)


def alternative_detail(session: Session, alternative: Alternative) -> dict[str, Any]:
    """An alternative with its sources, check-backs, votes, amendments, dissent and history."""
    return {
        **AlternativeOut.dump(alternative),
        "reflection_ids": alternative_sources.reflection_ids(session, alternative),
        "checkbacks": checkback_history(session, alternative),
        "vote_rounds": [majority_vote.vote_round_out(session, r)
                        for r in alternative.vote_rounds],
        "amendments": AmendmentOut.dump_all(alternative.amendments),
        "dissent": DissentOut.dump_all(alternative.dissents),
        "history": EventOut.dump_all(alternative.events),
    }


def alternative_full(session: Session, alternative: Alternative) -> dict[str, Any]:
    """The detail with the perspectives and reflections behind it spelled out."""
    return {**alternative_detail(session, alternative),
            "perspectives": PerspectiveEntry.dump_all(alternative.perspectives),
            "reflections": alternative_sources.reflections_of(session, alternative)}


def checkback_history(session: Session, alternative: Alternative) -> list[dict[str, Any]]:
    """The alternative's result in every check-back round it was part of."""
    rounds = session.scalars(
        select(CheckbackRound).join(checkback_round_alternative)
        .where(checkback_round_alternative.c.alternative_id == alternative.id)
        .order_by(CheckbackRound.id))
    return [{"round_id": r.id, "title": r.title, "status": r.status.value,
             "after_phase_id": r.after_phase_id, "decisive": r.decisive,
             "tally": checkback.tally(session, r, alternative.id)} for r in rounds]


def trace(session: Session, proposal: Proposal) -> dict[str, Any]:
    """The chain behind a proposal, each perspective with its stakeholder group.

    ``perspectives`` are those its alternatives were built on. Those reached only through a
    linked reflection are listed apart, in ``reflection_perspectives``, each saying how:
    ``moved_by`` (the reflection names it as what moved its writer) or ``shown`` (it was
    one of the perspectives set side by side in the reflection's conversation round).
    """
    perspectives: dict[int, dict[str, Any]] = {}
    reflections: dict[int, dict[str, Any]] = {}
    for alternative in proposal.alternatives:
        for perspective in alternative.perspectives:
            entry = perspectives.setdefault(perspective.id, {
                **PerspectiveEntry.dump(perspective), "alternative_ids": []})
            entry["alternative_ids"].append(alternative.id)
        for reflection in alternative_sources.reflections_of(session, alternative):
            entry = reflections.setdefault(reflection["id"], {**reflection,
                                                              "alternative_ids": []})
            entry["alternative_ids"].append(alternative.id)
    process = session.get(Process, proposal.process_id)
    assert process is not None
    shown = ProposalOut.dump(proposal)
    return {
        "proposal": shown,
        "committee_goal": shown["committee_goal"],
        "alternatives": [alternative_detail(session, a) for a in proposal.alternatives],
        "reflections": list(reflections.values()),
        "perspectives": sorted(perspectives.values(), key=lambda p: p["id"]),
        "reflection_perspectives": through_reflections(session, reflections, perspectives),
        "stakeholder_groups": group_coverage(process, perspectives.values()),
    }


def through_reflections(session: Session, reflections: dict[int, dict[str, Any]],
                        direct: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """Perspectives reached only through reflections, labelled ``moved_by`` or ``shown``."""
    reached: dict[int, dict[str, Any]] = {}
    for reflection_id in reflections:
        mover = alternative_sources.mover_of_reflection(session, reflection_id)
        for perspective in alternative_sources.perspectives_of_reflection(session,
                                                                          reflection_id):
            if perspective.id in direct:
                continue
            via = "moved_by" if mover is not None and perspective.id == mover.id else "shown"
            entry = reached.setdefault(perspective.id, {
                **PerspectiveEntry.dump(perspective), "via": via, "reflection_ids": []})
            if via == "moved_by":
                entry["via"] = via
            entry["reflection_ids"].append(reflection_id)
    return sorted(reached.values(), key=lambda p: (p["via"] != "moved_by", p["id"]))


def group_coverage(process: Process, perspectives: Any) -> list[dict[str, Any]]:
    """How many of the perspectives behind it each stakeholder group voiced (0 = missing)."""
    counts = Counter(p["stakeholder_group"] for p in perspectives)
    rows = [{"name": g.name, "perspectives": counts.get(g.name, 0),
             "missing": counts.get(g.name, 0) == 0} for g in process.stakeholder_groups]
    if counts.get(None):
        rows.append({"name": None, "perspectives": counts[None], "missing": False})
    return rows

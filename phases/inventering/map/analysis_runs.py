"""Run the full analysis of a process (opinion groups and perspective map) and keep it.

The latest result per process is stored as an ``AnalysisSnapshot`` with a fingerprint of its
inputs; a snapshot is served as long as the database gives the same fingerprint, so the map
survives a restart and is only recomputed when something changed.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from dialog.analysis.graph_map import analyze_map
from dialog.analysis.graph_model import OpinionInput
from dialog.analysis.opinion import analyze_opinions
from dialog.analysis.priority import perspective_priorities
from dialog.analysis.votes import VoteMatrix
from dialog.analysis.warmup import load_libraries
from dialog.models import AnalysisSnapshot, Process, utcnow
from dialog.services.exactly_once import insert_once
from phases.inventering.map.analysis_inputs import MapInputs, fingerprint, load_inputs
from phases.inventering.map.themes import ThemeIdentity

#: Lists of perspectives in the result whose entries get the perspective's text added.
_TEXTED = ("consensus", "divisive", "group_informed_consensus", "uncertain")


def analyze_process(
    session: Session, process: Process, seed: int = 0, themes: ThemeIdentity | None = None
) -> tuple[dict[str, Any], dict[str, float]]:
    """Compute the map of a process now; return it and the priorities for the next perspective.

    ``themes`` (default: one that writes at once) gives the themes their stored ids.
    """
    load_libraries()  # before the clock: timing_ms measures the analysis, not imports
    started, cpu_started = time.perf_counter(), time.process_time()
    inputs = load_inputs(session, process)
    loaded, cpu_loaded = time.perf_counter(), time.process_time()
    matrix = VoteMatrix.from_votes(inputs.votes, perspective_ids=inputs.perspective_ids)
    opinion = analyze_opinions(matrix, seed=seed)
    opinion_done, cpu_opinion = time.perf_counter(), time.process_time()
    groups = OpinionInput({g.id: list(g.members) for g in opinion.opinion_groups})
    perspective_map = analyze_map(
        inputs.perspectives, inputs.stakeholder_groups, inputs.links,
        votes=inputs.approved_votes(), opinion=groups if groups.groups else None,
        language=inputs.language, seed=seed, identify=themes or ThemeIdentity(session, process.id),
    )
    finished, cpu_finished = time.perf_counter(), time.process_time()
    priorities = {str(pid): float(weight)
                  for pid, weight in perspective_priorities(matrix, opinion).items()}
    result = _serialise(inputs, matrix, opinion.to_dict(), perspective_map.to_dict(), seed)
    result["timing_ms"] = {
        "load": _ms(loaded - started), "opinion": _ms(opinion_done - loaded),
        "graph": _ms(finished - opinion_done), "total": _ms(finished - started),
        "stages": perspective_map.timing_ms,
        # CPU time of the process (all its threads): on a busy machine the wall-clock
        # times stretch with the load, these much less.
        "cpu": {"load": _ms(cpu_loaded - cpu_started), "opinion": _ms(cpu_opinion - cpu_loaded),
                "graph": _ms(cpu_finished - cpu_opinion),
                "total": _ms(cpu_finished - cpu_started)},
    }
    return result, priorities


def refresh(
    session: Session, process: Process, seed: int = 0, *, force: bool = False
) -> tuple[dict[str, Any], bool]:
    """Return the process's map, recomputing and storing it unless the snapshot is fresh.

    The second value tells whether it was computed now.
    """
    digest = fingerprint(session, process, seed)
    # Compare fingerprints first: the stored result is large and only read when it is fresh.
    stored = session.execute(
        select(AnalysisSnapshot.id, AnalysisSnapshot.fingerprint)
        .where(AnalysisSnapshot.process_id == process.id)).first()
    if not force and stored is not None and stored.fingerprint == digest:
        result = session.scalar(select(AnalysisSnapshot.result)
                                .where(AnalysisSnapshot.id == stored.id))
        return dict(result or {}), False
    load_libraries()  # the stored duration, too, is the analysis's, not the imports'
    started = time.perf_counter()
    result, priorities = analyze_process(session, process, seed)
    result["fingerprint"] = digest
    _store(session, process.id, stored.id if stored is not None else None, seed, digest,
           result, priorities, _ms(time.perf_counter() - started))
    return result, True


def latest_snapshot(session: Session, process_id: int) -> AnalysisSnapshot | None:
    return session.scalar(
        select(AnalysisSnapshot).where(AnalysisSnapshot.process_id == process_id))


def stored_priorities(session: Session, process_id: int) -> dict[str, float]:
    """Return the priorities of the latest analysis (perspective id as a string -> weight)."""
    found = session.scalar(select(AnalysisSnapshot.priorities)
                           .where(AnalysisSnapshot.process_id == process_id))
    return dict(found or {})


def for_projector(result: dict[str, Any]) -> dict[str, Any]:
    """Return the map without who is in which opinion group: the room sees sizes only."""
    shown = {k: v for k, v in result.items() if k not in ("projection", "in_conversation")}
    shown["opinion_groups"] = [
        {k: v for k, v in group.items() if k != "members"}
        for group in result.get("opinion_groups", [])
    ]
    return shown


def _store(session: Session, process_id: int, snapshot_id: int | None, seed: int, digest: str,
           result: dict[str, Any], priorities: dict[str, float], duration_ms: float) -> None:
    values = {"seed": seed, "fingerprint": digest, "result": result, "priorities": priorities,
              "duration_ms": duration_ms, "computed_at": utcnow()}
    if snapshot_id is None:
        stored, raced = insert_once(
            session, AnalysisSnapshot(process_id=process_id, **values),
            winner=lambda: session.scalar(select(AnalysisSnapshot)
                                          .where(AnalysisSnapshot.process_id == process_id)))
        if not raced:
            return
        snapshot_id = stored.id  # another worker stored one first: overwrite it with this
    session.execute(update(AnalysisSnapshot).where(AnalysisSnapshot.id == snapshot_id)
                    .values(**values))


def _serialise(inputs: MapInputs, matrix: VoteMatrix, opinion: dict[str, Any],
               perspective_map: dict[str, Any], seed: int) -> dict[str, Any]:
    texts = inputs.texts

    def texted(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{**e, "text": texts.get(int(e.get("perspective_id") or 0), "")} for e in entries]

    groups = [
        {"id": g["id"], "size": len(g["members"]), "members": g["members"],
         "representative": texted(g["representative"])}
        for g in opinion["opinion_groups"]
    ]
    return {
        "process_id": inputs.process_id,
        "seed": seed,
        "computed_at": utcnow().isoformat(),
        "counts": {"participants": matrix.shape[0], "perspectives": matrix.shape[1],
                   "reactions": matrix.n_votes()},
        "graph": perspective_map["graph"],
        "opinion_groups": groups,
        **{key: texted(opinion[key]) for key in _TEXTED},
        "projection": opinion["projection"],
        "in_conversation": opinion["in_conversation"],
        "themes": perspective_map["themes"],
        "missing_perspectives": perspective_map["missing_perspectives"],
        "bridging": perspective_map["bridging"],
        "coverage": perspective_map["coverage"],
    }


def _ms(seconds: float) -> float:
    return round(seconds * 1000.0, 3)

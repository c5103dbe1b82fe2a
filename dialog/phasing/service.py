"""Move a process through the phases of the method, in rounds, keeping every earlier round.

Inventering, lärande samtal and konkretisering follow each other (the order is
``phases.PHASES``, listed once); a process may return to an earlier phase, which opens a
new round of it. Opening a phase closes the one that was open, and the workshops still
running follow the process into the new phase.

A phase may also open for some meetings only (``workshop_ids``): a digital round can reflect
while a youth centre still collects. Those meetings move into the phase (joining its open
round when there is one); the phases they leave close once no running meeting is left in
them. Each meeting's phone follows its own meeting's phase.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from dialog.errors import Conflict, DialogError
from dialog.events import record
from dialog.models import Phase, PhaseKind, PhaseStatus, Process, Workshop, WorkshopState, utcnow
from dialog.phasing.schemas import ProcessPhaseOut


def order() -> tuple[PhaseKind, ...]:
    """The method's order, each phase building on the one before (``phases.PHASES``)."""
    import phases  # the phase packages import this module: read the list when asked

    return tuple(phases.PHASES)


def parse_kind(kind: Any) -> PhaseKind:
    """Read a phase kind from input, or refuse with ``unknown_phase_kind``."""
    try:
        return PhaseKind(kind)
    except (TypeError, ValueError) as exc:
        raise DialogError("unknown_phase_kind", kind=str(kind)[:40]) from exc


def open_phase(session: Session, process: Process, kind: Any,
               workshop_ids: Any = None) -> Phase:
    """Open the next round of ``kind``, closing the phase that is open now; with
    ``workshop_ids``, open it for those meetings only."""
    kind = parse_kind(kind)
    if workshop_ids is not None:
        return _open_for_meetings(session, process, kind, _meetings(process, workshop_ids))
    current = open_phase_of(process)
    if current is not None and current.kind is kind:
        raise Conflict("phase_already_open", kind=kind.value, round=current.round)
    _check_order(process, kind)
    closed = [_close(p) for p in process.phases if p.status is PhaseStatus.OPEN]
    rounds = [p.round for p in process.phases if p.kind is kind]
    phase = Phase(kind=kind, round=max(rounds, default=0) + 1, status=PhaseStatus.OPEN)
    process.phases.append(phase)
    session.flush()
    for workshop in process.workshops:
        if workshop.state is not WorkshopState.CLOSED:
            # The room follows the process: what is written from now on belongs here.
            workshop.phase = phase
    session.flush()
    _record(session, process, phase, closed)
    return phase


def _check_order(process: Process, kind: PhaseKind) -> None:
    method = order()
    before = method[method.index(kind) - 1] if method.index(kind) > 0 else None
    if before is not None and not any(p.kind is before for p in process.phases):
        raise Conflict("phase_out_of_order", kind=kind.value, before=before.value)


def _meetings(process: Process, workshop_ids: Any) -> list[Workshop]:
    """The process's running meetings named by ``workshop_ids`` (a non-empty list of ids)."""
    if not isinstance(workshop_ids, list) or not workshop_ids:
        raise DialogError("invalid_workshop_ids")
    by_id = {w.id: w for w in process.workshops}
    chosen: list[Workshop] = []
    for raw in workshop_ids:
        try:
            workshop = by_id.get(int(raw)) if not isinstance(raw, bool) else None
        except (TypeError, ValueError):
            workshop = None
        if workshop is None:
            raise DialogError("unknown_workshop", 404, id=str(raw)[:20])
        if workshop.state is WorkshopState.CLOSED:
            raise Conflict("workshop_closed")
        if workshop not in chosen:
            chosen.append(workshop)
    return chosen


def _open_for_meetings(session: Session, process: Process, kind: PhaseKind,
                       chosen: list[Workshop]) -> Phase:
    """Move ``chosen`` into the open round of ``kind`` (a new round when none is open)."""
    _check_order(process, kind)
    phase = next((p for p in reversed(process.phases)
                  if p.kind is kind and p.status is PhaseStatus.OPEN), None)
    if phase is not None and all(w.phase_id == phase.id for w in chosen):
        raise Conflict("phase_already_open", kind=kind.value, round=phase.round)
    if phase is None:
        rounds = [p.round for p in process.phases if p.kind is kind]
        phase = Phase(kind=kind, round=max(rounds, default=0) + 1, status=PhaseStatus.OPEN)
        process.phases.append(phase)
        session.flush()
    left = {w.phase for w in chosen if w.phase is not phase}
    for workshop in chosen:
        workshop.phase = phase
    session.flush()
    running = [w for w in process.workshops if w.state is not WorkshopState.CLOSED]
    closed = [_close(p) for p in left if p.status is PhaseStatus.OPEN
              and not any(w.phase is p for w in running)]
    session.flush()
    _record(session, process, phase, closed, [w.id for w in chosen])
    return phase


def close_phase(session: Session, phase: Phase) -> Phase:
    """Close an open phase; the process then waits until the facilitator opens the next."""
    if phase.status is not PhaseStatus.OPEN:
        raise Conflict("phase_not_open")
    _close(phase)
    session.flush()
    _record(session, phase.process, phase, [phase])
    return phase


#: How long a phase change can be undone.
UNDO_WINDOW = timedelta(seconds=60)
#: A phase that closed this close to another's opening was closed by that change.
_SAME_CHANGE = timedelta(seconds=5)


def proposed_next(process: Process) -> PhaseKind:
    """The phase the console proposes to open next: the one after the running one (else the
    latest), in order. An undone round is history, not where the room is: after an undo the
    phase that was undone is proposed again, not skipped.

    After the last phase of the method it proposes a new round of the one before it (more
    conversation before deciding), never simply the first phase.
    """
    method = order()
    latest = open_phase_of(process) or max(process.phases, key=lambda p: (p.opened_at, p.id),
                                           default=None)
    if latest is None:
        return method[0]
    position = method.index(latest.kind)
    return method[position + 1] if position + 1 < len(method) else method[max(position - 1, 0)]


def undoable(process: Process, now: Any = None) -> tuple[Phase, Phase] | None:
    """The open phase and the one it replaced, while that change can still be undone.

    Only a change from one phase to the next is undone, and only the latest one: once
    anything closed after the open phase opened (an undo, say), there is nothing to undo.
    """
    current = open_phase_of(process)
    now = now or utcnow()
    if current is None or now - current.opened_at > UNDO_WINDOW:
        return None
    others = [p for p in process.phases if p is not current and p.closed_at is not None]
    if any(p.closed_at is not None and p.closed_at > current.opened_at + _SAME_CHANGE
           for p in others):
        return None
    # The phase this one replaced opened before it and closed as it opened.
    replaced = [p for p in others if p.closed_at is not None and p.opened_at < current.opened_at
                and abs(p.closed_at - current.opened_at) <= _SAME_CHANGE]
    if not replaced:
        return None
    return current, max(replaced, key=lambda p: (p.closed_at or p.opened_at, p.id))


def undo_open(session: Session, phase: Phase) -> Phase:
    """Undo opening ``phase`` within a minute: it closes, the phase it replaced reopens.

    Nothing is deleted: the undone round stays in the history, closed. Workshops that moved
    into it move back.
    """
    found = undoable(phase.process)
    if found is None or found[0] is not phase:
        raise Conflict("phase_undo_expired")
    _close(phase)
    previous = found[1]
    previous.status = PhaseStatus.OPEN
    previous.closed_at = None
    for workshop in phase.process.workshops:
        if workshop.phase_id == phase.id:
            workshop.phase = previous
    session.flush()
    _record(session, phase.process, previous, [phase])
    return previous


def open_phase_of(process: Process) -> Phase | None:
    """The open phase of a process, if any (at most one is open)."""
    return next((p for p in reversed(process.phases) if p.status is PhaseStatus.OPEN), None)


def history(process: Process) -> list[Phase]:
    """Every phase round the process has had, oldest first."""
    return list(process.phases)


def _close(phase: Phase) -> Phase:
    phase.status = PhaseStatus.CLOSED
    phase.closed_at = utcnow()
    return phase


def _record(session: Session, process: Process, phase: Phase, closed: list[Phase],
            workshop_ids: list[int] | None = None) -> None:
    record(
        session, "phase-changed",
        process_id=process.id,
        phase=ProcessPhaseOut.dump(phase),
        closed=ProcessPhaseOut.dump_all(p for p in closed if p is not phase),
        workshop_ids=(workshop_ids if workshop_ids is not None
                      else [w.id for w in process.workshops]),
    )

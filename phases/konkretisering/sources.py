"""Link an alternative to what it came from: perspectives and lärande samtal reflections."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import DialogError
from dialog.models import Alternative, ModerationStatus, Perspective, Reflection
from phases.konkretisering.fields import id_list
from phases.konkretisering.schemas import ReflectionEntry


def link(session: Session, alternative: Alternative, *, perspective_ids: Any = None,
         reflection_ids: Any = None, replace: bool = False) -> None:
    """Link perspectives and reflections (approved, of the same process) to an alternative.

    With ``replace`` a given list replaces the links; a list left out (None) is kept.
    """
    if perspective_ids is not None:
        perspectives = _approved(session, Perspective, alternative.process_id,
                                 id_list(perspective_ids, "perspective_ids"), "perspective")
        alternative.perspectives = _merged(alternative.perspectives, perspectives, replace)
    if reflection_ids is not None:
        reflections = _approved(session, Reflection, alternative.process_id,
                                id_list(reflection_ids, "reflection_ids"), "reflection")
        alternative.reflections = _merged(alternative.reflections, reflections, replace)
    session.flush()


def _approved(session: Session, model: Any, process_id: int, ids: list[int],
              name: str) -> list[Any]:
    found = {row.id: row for row in session.scalars(select(model).where(model.id.in_(ids)))
             } if ids else {}
    for wanted in ids:
        row = found.get(wanted)
        if row is None or row.process_id != process_id:
            raise DialogError(f"{name}_not_in_process", id=wanted)
        if row.status is not ModerationStatus.APPROVED:
            raise DialogError(f"{name}_not_approved", id=wanted)
    return [found[i] for i in ids]


def _merged(current: list[Any], wanted: list[Any], replace: bool) -> list[Any]:
    if replace:
        return wanted
    known = {row.id for row in current}
    return [*current, *(row for row in wanted if row.id not in known)]


def reflection_ids(session: Session, alternative: Alternative) -> list[int]:
    """The ids of the reflections behind an alternative."""
    return [r.id for r in alternative.reflections]


def reflections_of(session: Session, alternative: Alternative) -> list[dict[str, Any]]:
    """The reflections behind an alternative, as plain data."""
    return ReflectionEntry.dump_all(alternative.reflections)


def perspectives_of_reflection(session: Session, reflection_id: int) -> list[Perspective]:
    """The perspectives a reflection's conversation round set side by side, and its mover."""
    reflection = session.get(Reflection, reflection_id)
    if reflection is None:
        return []
    found = list(reflection.round.perspectives) if reflection.round else []
    if reflection.moved_by is not None and reflection.moved_by not in found:
        found.append(reflection.moved_by)
    return found


def mover_of_reflection(session: Session, reflection_id: int) -> Perspective | None:
    """The perspective a reflection names as what moved its writer, if any."""
    reflection = session.get(Reflection, reflection_id)
    return reflection.moved_by if reflection is not None else None


def candidate_reflections(session: Session, process_id: int) -> list[Reflection]:
    """Approved reflections of a process, newest round first, to draft alternatives from."""
    return list(session.scalars(
        select(Reflection).where(Reflection.process_id == process_id,
                                 Reflection.status == ModerationStatus.APPROVED)
        .order_by(Reflection.round_id.desc(), Reflection.id)))

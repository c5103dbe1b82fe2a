"""Motståndslinjen: log the room's tension and suggest the Deep Democracy intervention.

The levels are defined once, in order, in ``dialog.models.resistance.RESISTANCE_LINE``.
Each level belongs to a zone; the words (name, signs, intervention, how) are translations
under ``samtal.resistance.levels.<level>``, Swedish first (``phases/larande_samtal/translations``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import DialogError
from dialog.events import record
from dialog.i18n import translate
from dialog.models import (
    RESISTANCE_LINE,
    ConversationRound,
    Facilitator,
    Process,
    ResistanceEntry,
    ResistanceLevel,
)
from dialog.phasing.service import open_phase_of
from phases.larande_samtal.schemas import LevelOut, ResistanceEntryOut

MAX_NOTE = 1000

#: Low: the "no" is still spoken in jest; middle: it has left the room; high: it breaks.
ZONES: dict[ResistanceLevel, str] = {
    ResistanceLevel.JOKES: "low",
    ResistanceLevel.SARCASM: "low",
    ResistanceLevel.YES_BUT: "low",
    ResistanceLevel.GOSSIP: "middle",
    ResistanceLevel.POLARISATION: "middle",
    ResistanceLevel.SABOTAGE: "high",
    ResistanceLevel.BREAKDOWN: "high",
    ResistanceLevel.WAR: "high",
}


def parse_level(level: Any) -> ResistanceLevel:
    try:
        return ResistanceLevel(level)
    except ValueError as exc:
        raise DialogError("unknown_resistance_level", level=str(level)[:40]) from exc


def position(level: ResistanceLevel) -> int:
    """1 (skämt) up to 8 (öppen konflikt)."""
    return RESISTANCE_LINE.index(level) + 1


def describe(level: ResistanceLevel, locale: str = "sv") -> dict[str, Any]:
    """A level with its words and the intervention the method suggests for it."""
    key = f"samtal.resistance.levels.{level.value}"
    return {
        "level": level.value,
        "position": position(level),
        "zone": ZONES[level],
        "name": translate(f"{key}.name", locale),
        "signs": translate(f"{key}.signs", locale),
        "intervention": translate(f"{key}.intervention", locale),
        "how": translate(f"{key}.how", locale),
    }


def levels(locale: str = "sv") -> list[LevelOut]:
    """The whole line, bottom to top."""
    return [LevelOut.model_validate({"level": level, "position": position(level)},
                                    context={"locale": locale}) for level in RESISTANCE_LINE]


def log_entry(
    session: Session, facilitator: Facilitator | None, process: Process, *,
    level: Any, note: Any = "", round_id: Any = None,
) -> ResistanceEntry:
    """Record where the room is on the line now, in the open phase."""
    level = parse_level(level)
    if note is None:
        note = ""
    if not isinstance(note, str):
        raise DialogError("field_required", field="note")
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise DialogError("field_too_long", field="note", max=MAX_NOTE)
    phase = open_phase_of(process)
    if phase is None:
        raise DialogError("no_open_phase", 409)
    conversation = _round_of(session, process, round_id)
    entry = ResistanceEntry(
        process_id=process.id, phase=phase, round=conversation, level=level, note=note,
        facilitator_id=facilitator.id if facilitator else None,
    )
    session.add(entry)
    session.flush()
    record(session, "resistance-logged", process_id=process.id,
           entry=entry_out(entry).model_dump(mode="json"))
    return entry


def entries_of(session: Session, process: Process) -> list[ResistanceEntry]:
    return list(session.scalars(
        select(ResistanceEntry).where(ResistanceEntry.process_id == process.id)
        .order_by(ResistanceEntry.created_at, ResistanceEntry.id)))


def timeline(session: Session, process: Process, locale: str = "sv"
             ) -> list[ResistanceEntryOut]:
    """The log over time, each entry with its trend against the one before."""
    found = entries_of(session, process)
    return [entry_out(entry, locale, _trend(before, entry))
            for before, entry in zip([None, *found], found, strict=False)]


def entry_out(entry: ResistanceEntry, locale: str = "sv",
              trend: str | None = None) -> ResistanceEntryOut:
    """A reading with its level's words in ``locale``."""
    found = ResistanceEntryOut.model_validate(entry, context={"locale": locale})
    found.trend = trend
    return found


def _trend(before: ResistanceEntry | None, entry: ResistanceEntry) -> str:
    if before is None:
        return "first"
    if entry.position == before.position:
        return "same"
    return "up" if entry.position > before.position else "down"


def _round_of(session: Session, process: Process, round_id: Any) -> ConversationRound | None:
    if round_id in (None, ""):
        return None
    try:
        found = session.get(ConversationRound, int(round_id))
    except (TypeError, ValueError):
        found = None
    if found is None or found.process_id != process.id:
        raise DialogError("conversation_round_not_found", 404)
    return found

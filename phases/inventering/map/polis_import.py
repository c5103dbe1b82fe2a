"""Import a Polis export, a folder or a zip (comments.csv, and votes.csv or participants-votes.csv).

Polis knows no stakeholder groups, so the process gets none (the map then has no coverage
or silent-group prompts, only theme prompts). Comments become standpoints written by their
Polis author; rejected ones (``moderated == -1``) are hidden, never dropped, with a logged
moderation event; others are approved unless the personal-data guard holds them. A comment
marked ``is-meta`` (about the conversation, not its question) keeps the mark: it is shown
and reacted to, but the map's analysis leaves it out, as Polis's math does. Votes
become reactions, the latest per voter and comment. Polis ids are kept as ``external_id``
so the analysis can report groups in Polis's own voter-ids. Rows go in bulk. Which variants of
the export are read, and which file wins, is told in :mod:`dialog.analysis.polis_data`.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from dialog.analysis import polis_csv, polis_source
from dialog.analysis.polis_csv import PolisExportError
from dialog.analysis.polis_data import REJECTED, Note, PolisExport, read_polis_export
from dialog.errors import DialogError
from dialog.i18n import translate
from dialog.models import (
    Facilitator,
    ModerationEvent,
    ModerationStatus,
    Participant,
    Perspective,
    PerspectiveKind,
    Phase,
    PhaseKind,
    Process,
    Reaction,
)
from dialog.services import processes
from dialog.services.bulk_rows import insert_rows
from dialog.services.personal_data import personal_data_kinds
from dialog.services.processes import slugify

CHUNK = 5000
Progress = Callable[[int], None]


@dataclass
class ImportResult:
    process_id: int
    participants: int
    perspectives: int
    hidden: int
    reactions: int
    skipped_votes: int
    notes: list[Note]


def read_export(folder: str | Path) -> PolisExport:
    """Read the folder or zip, or refuse with a clear message and the reader's stable code."""
    try:
        return read_polis_export(folder)
    except PolisExportError as exc:
        raise DialogError(exc.code, **{"path": str(folder), **exc.params}) from exc
    except OSError as exc:
        raise DialogError("polis_export_unreadable", path=str(folder),
                          reason=exc.strerror or type(exc).__name__) from exc


def import_polis(
    session: Session, folder: str | Path, *, title: str | None = None,
    owner: Facilitator | None = None, language: str | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Create a process from a Polis export; ``progress`` hears how many votes were stored."""
    export = read_export(folder)
    process = _create_process(session, export, Path(folder), title, owner, language)
    phase_id = process.phases[0].id
    authors = {c.author for c in export.comments}
    people = sorted(authors | {v.participant_id for v in export.votes})
    first_seen = _first_seen(export)
    insert_rows(session, _table(Participant), [
        {"process_id": process.id, "token_hash": secrets.token_hex(32),  # no token matches
         "external_id": str(pid), "created_at": first_seen.get(pid, process.created_at)}
        for pid in people
    ])
    participant_id = {int(ext or 0): pid for pid, ext in session.execute(
        select(Participant.id, Participant.external_id)
        .where(Participant.process_id == process.id))}
    insert_rows(session, _table(Perspective), [
        _perspective_row(process, phase_id, c, participant_id) for c in export.comments])
    perspective_id = {int(ext or 0): pid for pid, ext in session.execute(
        select(Perspective.id, Perspective.external_id)
        .where(Perspective.process_id == process.id))}
    hidden = [c for c in export.comments if c.moderated == REJECTED]
    if hidden:
        reason = translate("map.polis_rejected_reason")
        insert_rows(session, _table(ModerationEvent), [
            {"process_id": process.id, "subject_type": "perspective",
             "subject_id": perspective_id[c.id],
             "perspective_id": perspective_id[c.id], "action": "hide", "reason": reason,
             "from_status": ModerationStatus.PENDING, "to_status": ModerationStatus.HIDDEN,
             "created_at": _time(c.timestamp)} for c in hidden
        ])
    rows, skipped = _reaction_rows(export, process.id, participant_id, perspective_id)
    for start in range(0, len(rows), CHUNK):
        insert_rows(session, _table(Reaction), rows[start:start + CHUNK])
        if progress is not None:
            progress(len(rows[start:start + CHUNK]))
    session.flush()
    notes = list(export.notes)
    if skipped:
        notes.append(("polis_note_unknown_comments", {"count": skipped}))
    meta = sum(1 for c in export.comments if c.is_meta and c.moderated != REJECTED)
    if meta:
        notes.append(("polis_note_meta_comments", {"count": meta}))
    return ImportResult(process.id, len(people), len(export.comments), len(hidden), len(rows),
                        skipped, notes)


def count_votes(folder: str | Path) -> int:
    """Count the votes cheaply, for a progress bar's total (0 when there are none to count).

    The rows of votes.csv, or else the filled comment cells of participants-votes.csv; an
    export that cannot be read counts 0 here and is refused by the import itself.
    """
    try:
        with polis_source.export_files(folder) as files:
            if polis_source.VOTES in files:
                with files[polis_source.VOTES].open("rb") as handle:
                    return max(sum(1 for _ in handle) - 1, 0)
            table = polis_csv.Table(files[polis_source.MATRIX])
            columns = [i for i, name in enumerate(table.header)
                       if name.removeprefix("comment-").isdigit()]
            return sum(1 for _line, row in table.rows() for i in columns
                       if i < len(row) and row[i].strip())
    except (PolisExportError, OSError):
        return 0


def guess_language(texts: list[str]) -> str:
    """Guess "sv", "en" or "zh" from the letters of the texts (the map's stemming needs it)."""
    sample = "".join(texts)[:20000]
    if not sample:
        return "sv"
    if sum("\u4e00" <= ch <= "\u9fff" for ch in sample) > 0.2 * len(sample.replace(" ", "")):
        return "zh"
    return "sv" if sum(ch in "åäöÅÄÖ" for ch in sample) > 0.005 * len(sample) else "en"


def _create_process(session: Session, export: PolisExport, folder: Path, title: str | None,
                    owner: Facilitator | None, language: str | None) -> Process:
    name = folder.stem if folder.is_file() else folder.name  # a zip's name without ".zip"
    topic = (title or export.summary.get("topic") or name).strip()[:200] or name
    question = (export.summary.get("conversation-description") or "").strip() or topic
    slug = _free_slug(session, slugify(topic))
    process = Process(
        slug=slug, title=topic, question=question,
        description=translate("map.polis_default_question") + (
            f": {export.summary['url']}" if export.summary.get("url") else ""),
        language=language or guess_language([c.body for c in export.comments]),
        created_by_id=owner.id if owner else None,
    )
    process.phases = [Phase(kind=PhaseKind.INVENTERING, round=1)]
    session.add(process)
    session.flush()
    if owner is not None:
        processes.add_owner(session, process, owner)
    return process


def _free_slug(session: Session, base: str) -> str:
    taken = set(session.scalars(select(Process.slug).where(Process.slug.like(f"{base}%"))))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _perspective_row(process: Process, phase_id: int, comment: Any,
                     participant_id: dict[int, int]) -> dict[str, Any]:
    found = personal_data_kinds(comment.body)
    if comment.moderated == REJECTED:
        status = ModerationStatus.HIDDEN
    else:
        status = ModerationStatus.PENDING if found else ModerationStatus.APPROVED
    return {
        "process_id": process.id, "phase_id": phase_id,
        "participant_id": participant_id[comment.author], "kind": PerspectiveKind.STANDPOINT,
        "text": comment.body, "client_id": f"polis-{comment.id}", "status": status,
        "personal_data": found, "external_id": str(comment.id),
        "created_at": _time(comment.timestamp), "is_meta": comment.is_meta,
    }


def _reaction_rows(export: PolisExport, process_id: int, participant_id: dict[int, int],
                   perspective_id: dict[int, int]) -> tuple[list[dict[str, Any]], int]:
    latest: dict[tuple[int, int], tuple[int, int, int]] = {}
    skipped = 0
    for vote in export.votes:  # sorted by time: a later vote replaces an earlier one
        if vote.comment_id not in perspective_id:
            skipped += 1
            continue
        key = (vote.participant_id, vote.comment_id)
        first = latest[key][1] if key in latest else vote.timestamp
        latest[key] = ((vote.vote > 0) - (vote.vote < 0), first, vote.timestamp)
    rows = [
        {"process_id": process_id, "participant_id": participant_id[voter],
         "perspective_id": perspective_id[comment], "vote": value,
         "created_at": _time(first), "updated_at": _time(last)}
        for (voter, comment), (value, first, last) in latest.items()
    ]
    return rows, skipped


def _first_seen(export: PolisExport) -> dict[int, datetime]:
    first: dict[int, int] = {}
    for vote in export.votes:
        first.setdefault(vote.participant_id, vote.timestamp)
    for comment in export.comments:
        if comment.timestamp < first.get(comment.author, comment.timestamp + 1):
            first[comment.author] = comment.timestamp
    return {pid: _time(ts) for pid, ts in first.items()}


def _table(model: Any) -> Table:
    return cast(Table, model.__table__)


def _time(milliseconds: int) -> datetime:
    """Polis timestamps are milliseconds since 1970; 0 (unknown) stays 1970-01-01."""
    return datetime.fromtimestamp(max(milliseconds, 0) / 1000.0, UTC)

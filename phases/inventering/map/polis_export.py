"""Write a process in Polis's export format: comments, votes, participants-votes, summary.

Ids: a process imported from Polis keeps its Polis comment-ids and voter-ids, so an export
of an import gives the same ids back; perspectives and participants without an imported
integer id get fresh ones after the largest. Hidden perspectives are written with
``moderated = -1`` (as Polis writes rejected comments), pending ones with 0; a meta
perspective with ``is-meta = true``, so it stays meta on a round trip. Text that the
personal-data guard flagged is written redacted. Only the latest reaction exists, so
votes.csv holds one row per voter and comment, stamped with its time.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.models import ModerationStatus, Participant, Perspective, Process, Reaction
from dialog.services.csv_cells import safe_row
from dialog.services.personal_data import redact
from phases.inventering.map import analysis_runs

MODERATED = {ModerationStatus.APPROVED: 1, ModerationStatus.PENDING: 0,
             ModerationStatus.HIDDEN: -1}
PARTICIPANT_COLUMNS = ["participant", "group-id", "n-comments", "n-votes", "n-agree",
                       "n-disagree"]


def export_ids(rows: Iterable[tuple[int, str | None]]) -> dict[int, int]:
    """Map database ids to Polis ids: imported integer ids kept, the rest numbered after."""
    pairs = sorted(rows)
    taken: dict[int, int] = {}
    used: set[int] = set()
    for db_id, external in pairs:
        if external is not None and external.isdigit() and int(external) not in used:
            taken[db_id] = int(external)
            used.add(int(external))
    following = max(used, default=-1) + 1
    for db_id, _external in pairs:
        if db_id not in taken:
            taken[db_id] = following
            following += 1
    return taken


def export_polis(session: Session, process: Process, folder: Path, *,
                 seed: int = 0) -> dict[str, int]:
    """Write the four CSV files into ``folder`` (created if needed); return counts."""
    folder.mkdir(parents=True, exist_ok=True)
    perspectives = list(session.scalars(select(Perspective).where(
        Perspective.process_id == process.id).order_by(Perspective.id)))
    comment_id = export_ids((p.id, p.external_id) for p in perspectives)
    voter_id = export_ids(session.execute(select(Participant.id, Participant.external_id)
                                          .where(Participant.process_id == process.id)).all())
    reactions = session.execute(
        select(Reaction.participant_id, Reaction.perspective_id, Reaction.vote,
               Reaction.updated_at)
        .where(Reaction.process_id == process.id)
        .order_by(Reaction.perspective_id, Reaction.participant_id)).all()
    agrees = Counter(pid for _who, pid, vote, _at in reactions if vote > 0)
    disagrees = Counter(pid for _who, pid, vote, _at in reactions if vote < 0)
    _write(folder / "comments.csv",
           ["timestamp", "datetime", "comment-id", "author-id", "agrees", "disagrees",
            "moderated", "is-meta", "comment-body"],
           ([_ms(p.created_at), _polis_time(p.created_at), comment_id[p.id],
             voter_id.get(p.participant_id, "") if p.participant_id else "",
             agrees[p.id], disagrees[p.id], MODERATED[p.status],
             "true" if p.is_meta else "false",
             redact(p.text) if p.personal_data else p.text] for p in perspectives))
    _write(folder / "votes.csv", ["timestamp", "datetime", "comment-id", "voter-id", "vote"],
           ([_ms(at), _polis_time(at), comment_id[pid], voter_id[who], vote]
            for who, pid, vote, at in reactions))
    result, _computed = analysis_runs.refresh(session, process, seed)
    group_of = {member: g["id"] for g in result["opinion_groups"] for member in g["members"]}
    rows = _participant_rows(perspectives, reactions, voter_id, group_of)
    columns = [comment_id[p.id] for p in perspectives]
    _write(folder / "participants-votes.csv", PARTICIPANT_COLUMNS + columns, rows)
    voters = {who for who, *_ in reactions}
    commenters = {p.participant_id for p in perspectives if p.participant_id}
    _write(folder / "summary.csv", None, [
        ["topic", process.title], ["url", ""], ["views", len(voters)],
        ["voters", len(voters)], ["voters-in-conv", len(result["in_conversation"])],
        ["commenters", len(commenters)], ["comments", len(perspectives)],
        ["groups", len(result["opinion_groups"])],
        ["conversation-description", process.question],
    ])
    return {"comments": len(perspectives), "votes": len(reactions), "participants": len(rows)}


def _participant_rows(perspectives: list[Perspective], reactions: Sequence[Any],
                      voter_id: dict[int, int], group_of: dict[Any, int]) -> list[list[Any]]:
    votes: dict[int, dict[int, int]] = {}
    for who, pid, vote, _at in reactions:
        votes.setdefault(who, {})[pid] = vote
    written = Counter(p.participant_id for p in perspectives if p.participant_id)
    people = sorted(set(votes) | set(written), key=lambda who: voter_id[who])
    order = [p.id for p in perspectives]
    rows = []
    for who in people:
        mine = votes.get(who, {})
        rows.append([voter_id[who], group_of.get(who, ""), written[who], len(mine),
                     sum(v > 0 for v in mine.values()), sum(v < 0 for v in mine.values()),
                     *(mine.get(pid, "") for pid in order)])
    return rows


def _write(path: Path, header: list[Any] | None, rows: Iterable[list[Any]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        if header is not None:
            writer.writerow(header)
        # Texts that would start a spreadsheet formula get a "'"; our importer (and
        # analysis.polis_data) takes it off again, so the export imports back unchanged.
        writer.writerows(safe_row(row) for row in rows)


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def _polis_time(moment: datetime) -> str:
    return moment.strftime("%a %b %d %H:%M:%S UTC %Y")

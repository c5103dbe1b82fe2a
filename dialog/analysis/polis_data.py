"""Read a Polis export (a folder or a zip of comments.csv, votes.csv, participants-votes.csv,
summary.csv) into plain data.

Polis exports come two ways: with ``votes.csv`` (the vote log) or without it, when only
``participants-votes.csv`` holds each participant's final vote on each comment (one column
per comment id: 1 agree, -1 disagree, 0 pass, blank not seen). Either is read; the variants of
the files themselves are read in :mod:`dialog.analysis.polis_read`.

When both are there, **votes.csv wins**: it is the log Polis keeps, with a time on every vote,
so the latest vote per voter and comment is Polis's final state; participants-votes.csv is
derived from it (from the math's last snapshot in older exports, and one Polis version writes a
pass as a blank cell there). The matrix is only compared with the log: a log whose signs are
the matrix's reversed (one Polis version wrote the database's -1 for agree) is turned round,
and how many final votes differ is reported as a note. A votes.csv whose voter-ids are all
missing (another Polis version) gives way to the matrix. Groups always come from the matrix.
Read alone, the matrix cannot tell a pass written as a blank cell from "not seen"; how many
votes its ``n-votes`` counts beyond its filled cells is reported as a note.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dialog.analysis import polis_source
from dialog.analysis.polis_csv import PolisExportError
from dialog.analysis.polis_read import (
    PolisComment,
    PolisVote,
    read_comment_rows,
    read_matrix,
    read_summary_rows,
    read_vote_rows,
)
from dialog.analysis.votes import VoteMatrix

REJECTED = -1
#: A remark on how an export was read: a translation key under ``map.`` and its params.
Note = tuple[str, dict[str, Any]]

__all__ = ["REJECTED", "PolisComment", "PolisExport", "PolisExportError", "PolisVote",
           "read_polis_export"]


@dataclass
class PolisExport:
    """A Polis conversation export as plain Python data."""

    path: Path
    comments: list[PolisComment]
    votes: list[PolisVote]
    groups: dict[int, int | None] = field(default_factory=dict)
    summary: dict[str, str] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)

    @property
    def accepted_comment_ids(self) -> list[int]:
        """Return the ids of comments that moderators did not reject, in id order."""
        return sorted(c.id for c in self.comments if c.moderated != REJECTED)

    @property
    def analysed_comment_ids(self) -> list[int]:
        """Return the ids of the comments Polis's math reads: not rejected, not meta.

        Polis puts meta comments in ``mod-out`` with the rejected ones (``mod-update`` in
        math/src/polismath/math/conversation.clj): shown to voters, left out of the
        projection, the groups, the representative comments and consensus.
        """
        return sorted(c.id for c in self.comments if c.moderated != REJECTED and not c.is_meta)

    def vote_triples(self) -> list[tuple[int, int, int]]:
        """Return the vote log as (participant, comment, vote) in time order."""
        return [(v.participant_id, v.comment_id, v.vote) for v in self.votes]

    def vote_matrix(self, include_rejected: bool = False) -> VoteMatrix:
        """Build the vote matrix, leaving rejected and meta comments out unless asked to keep
        them (as Polis's math does)."""
        if include_rejected:
            return VoteMatrix.from_votes(self.votes)
        # Listing the analysed comments drops votes on the others and counts those comments.
        return VoteMatrix.from_votes(self.votes, perspective_ids=self.analysed_comment_ids)

    def polis_groups(self) -> dict[int, int]:
        """Return Polis's own group per participant, leaving out the ones it did not cluster."""
        return {pid: gid for pid, gid in self.groups.items() if gid is not None}


def read_polis_export(path: str | Path) -> PolisExport:
    """Read a Polis export folder or zip: comments.csv, and votes.csv or participants-votes.csv.

    summary.csv is optional, and so is either votes file when the other is there. What cannot
    be read raises :class:`PolisExportError` with a stable code.
    """
    with polis_source.export_files(path) as files:
        comments = read_comment_rows(files[polis_source.COMMENTS])
        matrix, groups, unseen = (({}, {}, 0) if polis_source.MATRIX not in files
                                  else read_matrix(files[polis_source.MATRIX]))
        summary = (read_summary_rows(files[polis_source.SUMMARY])
                   if polis_source.SUMMARY in files else {})
        notes: list[Note] = []
        log: list[PolisVote] | None = None
        if polis_source.VOTES in files:
            try:
                log = read_vote_rows(files[polis_source.VOTES])
            except PolisExportError as exc:
                if exc.code != "polis_export_votes_without_voters" or not groups:
                    raise
                notes.append(("polis_note_votes_without_voters", {}))
    if log is None:
        votes = _matrix_votes(matrix, comments)
        if unseen:
            notes.append(("polis_note_matrix_unseen_votes", {"count": unseen}))
    else:
        votes = _reconciled(log, matrix, notes) if groups else log
    return PolisExport(path=Path(path), comments=comments, votes=votes, groups=groups,
                       summary=summary, notes=notes)


def _matrix_votes(matrix: dict[tuple[int, int], int],
                  comments: list[PolisComment]) -> list[PolisVote]:
    """The matrix's final votes as a log; each is stamped with its comment's time (a vote cannot
    come before its comment), since the matrix has no times."""
    stamped = {c.id: c.timestamp for c in comments}
    votes = [PolisVote(p, c, v, stamped.get(c, 0)) for (p, c), v in matrix.items()]
    votes.sort(key=lambda v: v.timestamp)
    return votes


def _reconciled(log: list[PolisVote], matrix: dict[tuple[int, int], int],
                notes: list[Note]) -> list[PolisVote]:
    """The log, turned round if its signs are the matrix's reversed; differences noted."""
    final = {(v.participant_id, v.comment_id): v.vote for v in log}  # in time order
    same = sum(1 for key, value in final.items() if value and matrix.get(key) == value)
    reversed_ = sum(1 for key, value in final.items() if value and matrix.get(key) == -value)
    if reversed_ > same:
        log = [v._replace(vote=-v.vote) for v in log]
        final = {key: -value for key, value in final.items()}
        notes.append(("polis_note_votes_reversed", {"count": reversed_}))
    differ = sum(1 for key in final.keys() | matrix.keys() if final.get(key) != matrix.get(key))
    if differ:
        notes.append(("polis_note_votes_differ", {"count": differ}))
    return log

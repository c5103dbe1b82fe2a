"""Read a Polis export folder (comments.csv, votes.csv, participants-votes.csv) into plain data.

Polis exports come two ways: with ``votes.csv`` (the vote log) or without it, when only
``participants-votes.csv`` holds each participant's final vote on each comment (one column
per comment id: 1 agree, -1 disagree, 0 pass, blank not seen). Either is read.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from dialog.analysis.votes import VoteMatrix
from dialog.services.csv_cells import restore_cell

REJECTED = -1


@dataclass(frozen=True)
class PolisComment:
    """One comment from comments.csv; moderated is -1 rejected, 0 unmoderated, 1 accepted."""

    id: int
    author: int
    moderated: int
    body: str
    timestamp: int = 0

    def __getitem__(self, key: str) -> int | str:
        """Return a field by name, so a comment also reads like a dict."""
        value: int | str = getattr(self, key)
        return value


class PolisVote(NamedTuple):
    """One vote from votes.csv: 1 agree, -1 disagree, 0 pass.

    The first three fields are (participant, perspective, vote), so the log can go straight
    into VoteMatrix.from_votes.
    """

    participant_id: int
    comment_id: int
    vote: int
    timestamp: int


@dataclass
class PolisExport:
    """A Polis conversation export as plain Python data."""

    path: Path
    comments: list[PolisComment]
    votes: list[PolisVote]
    groups: dict[int, int | None] = field(default_factory=dict)
    summary: dict[str, str] = field(default_factory=dict)

    @property
    def accepted_comment_ids(self) -> list[int]:
        """Return the ids of comments that moderators did not reject, in id order."""
        return sorted(c.id for c in self.comments if c.moderated != REJECTED)

    def vote_triples(self) -> list[tuple[int, int, int]]:
        """Return the vote log as (participant, comment, vote) in time order."""
        return [(v.participant_id, v.comment_id, v.vote) for v in self.votes]

    def vote_matrix(self, include_rejected: bool = False) -> VoteMatrix:
        """Build the vote matrix, leaving rejected comments out unless asked to keep them."""
        if include_rejected:
            return VoteMatrix.from_votes(self.votes)
        # Listing the accepted comments drops votes on rejected ones and counts those comments.
        return VoteMatrix.from_votes(self.votes, perspective_ids=self.accepted_comment_ids)

    def polis_groups(self) -> dict[int, int]:
        """Return Polis's own group per participant, leaving out the ones it did not cluster."""
        return {pid: gid for pid, gid in self.groups.items() if gid is not None}


def _int(text: str | None, default: int = 0) -> int:
    """Parse an integer cell that may be blank or written as a float."""
    if text is None or text.strip() == "":
        return default
    return int(float(text))


def _read_rows(path: Path, columns: tuple[str, ...] | None = None) -> list[dict[str, str]]:
    """Read a CSV file into dictionaries, tolerating a UTF-8 byte order mark.

    With ``columns``, each dictionary holds only those of them the file has: a
    participants-votes.csv of 10,000 perspectives has 10,000 columns per row, and a
    dictionary of all of them per participant would cost more than the rest of the import.
    """
    with path.open(newline="", encoding="utf-8-sig") as handle:
        if columns is None:
            return list(csv.DictReader(handle))
        reader = csv.reader(handle)
        header = next(reader, [])
        wanted = [(name, header.index(name)) for name in columns if name in header]
        return [{name: row[i] for name, i in wanted if i < len(row)} for row in reader]


def read_comments(path: Path) -> list[PolisComment]:
    """Read comments.csv, sorted by comment id."""
    comments = [
        PolisComment(
            id=_int(row["comment-id"]),
            author=_int(row.get("author-id")),
            moderated=_int(row.get("moderated")),
            body=restore_cell(row.get("comment-body") or ""),
            timestamp=_int(row.get("timestamp")),
        )
        for row in _read_rows(path)
    ]
    return sorted(comments, key=lambda c: c.id)


def read_votes(path: Path) -> list[PolisVote]:
    """Read votes.csv as a log sorted by time, so later votes replace earlier ones."""
    votes = [
        PolisVote(
            participant_id=_int(row["voter-id"]),
            comment_id=_int(row["comment-id"]),
            vote=_int(row["vote"]),
            timestamp=_int(row.get("timestamp")),
        )
        for row in _read_rows(path, ("voter-id", "comment-id", "vote", "timestamp"))
    ]
    # The export is sorted by comment, not time; a stable sort keeps file order for equal times.
    votes.sort(key=lambda v: v.timestamp)
    return votes


def read_vote_matrix(path: Path, comments: list[PolisComment]) -> list[PolisVote]:
    """Read the final votes from participants-votes.csv when there is no votes.csv.

    The matrix has no times, so each vote is stamped with its comment's time (a vote cannot
    come before its comment); the columns named by a comment id are the votes.
    """
    stamped = {c.id: c.timestamp for c in comments}
    votes: list[PolisVote] = []
    for row in _read_rows(path):
        participant = _int(row["participant"])
        for column, cell in row.items():
            if column is None or not column.strip().isdigit() or not (cell or "").strip():
                continue
            comment = int(column)
            votes.append(PolisVote(participant, comment, _int(cell), stamped.get(comment, 0)))
    votes.sort(key=lambda v: v.timestamp)
    return votes


def read_groups(path: Path) -> dict[int, int | None]:
    """Read Polis's group per participant from participants-votes.csv (None when unclustered)."""
    # Looked up by column name because some exports put an xid column before group-id.
    return {
        _int(row["participant"]): (
            None if not (row.get("group-id") or "").strip() else _int(row["group-id"])
        )
        for row in _read_rows(path, ("participant", "group-id"))
    }


def read_summary(path: Path) -> dict[str, str]:
    """Read summary.csv key,value rows."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return {row[0]: restore_cell(row[1]) for row in csv.reader(handle) if len(row) >= 2}


def read_polis_export(path: str | Path) -> PolisExport:
    """Read a Polis export folder: comments.csv, and votes.csv or participants-votes.csv.

    summary.csv is optional, and so is participants-votes.csv when votes.csv is there.
    """
    folder = Path(path)
    votes_file = folder / "votes.csv"
    groups_file = folder / "participants-votes.csv"
    if not (folder / "comments.csv").is_file() or not (
            votes_file.is_file() or groups_file.is_file()):
        raise FileNotFoundError(
            f"{folder} lacks comments.csv or votes (votes.csv or participants-votes.csv)")
    summary_file = folder / "summary.csv"
    comments = read_comments(folder / "comments.csv")
    return PolisExport(
        path=folder,
        comments=comments,
        votes=(read_votes(votes_file) if votes_file.is_file()
               else read_vote_matrix(groups_file, comments)),
        groups=read_groups(groups_file) if groups_file.is_file() else {},
        summary=read_summary(summary_file) if summary_file.is_file() else {},
    )

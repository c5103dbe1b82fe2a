"""Read each file of a Polis export: comments.csv, votes.csv, participants-votes.csv, summary.csv.

Columns are looked up by name (see :mod:`dialog.analysis.polis_csv`), so their order and any
extra columns (``xid``, ``passes`` ...) do not matter; ``is-meta`` (newer exports) is read.
participants-votes.csv names its comment columns by the bare id (``12``, older exports) or
``comment-12`` (newer).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from dialog.analysis.polis_csv import (
    PolisExportError,
    Table,
    cell,
    decode,
    flag,
    identifier,
    milliseconds,
    vote,
    whole_number,
)
from dialog.services.csv_cells import restore_cell

_COMMENT_COLUMN = re.compile(r"(?:comment-)?(\d+)")
_VOTES = {"1": 1, "-1": -1, "0": 0}


@dataclass(frozen=True)
class PolisComment:
    """One comment from comments.csv; moderated is -1 rejected, 0 unmoderated, 1 accepted.

    ``is_meta`` (newer exports' ``is-meta`` column) marks a comment about the conversation
    itself rather than its question; Polis leaves such comments out of its math.
    """

    id: int
    author: int
    moderated: int
    body: str
    timestamp: int = 0
    is_meta: bool = False

    def __getitem__(self, key: str) -> int | str:
        """Return a field by name, so a comment also reads like a dict."""
        value: int | str = getattr(self, key)
        return value


class PolisVote(NamedTuple):
    """One vote: 1 agree, -1 disagree, 0 pass; the timestamp in milliseconds (0 unknown).

    The first three fields are (participant, perspective, vote), so the log can go straight
    into VoteMatrix.from_votes.
    """

    participant_id: int
    comment_id: int
    vote: int
    timestamp: int


def read_comment_rows(path: Path) -> list[PolisComment]:
    """comments.csv, sorted by comment id (Polis sorts it by "velocity").

    One Polis version wrote comment-body unquoted; it is the last column, so a body cut at its
    commas is joined again. A comment id twice is refused: which text would be the comment?
    """
    table = Table(path)
    cid, body = table.index("comment-id"), table.index("comment-body")
    author, moderated = table.optional("author-id"), table.optional("moderated")
    stamp, meta = table.optional("timestamp"), table.optional("is-meta")
    spill = body == len(table.header) - 1
    comments: dict[int, PolisComment] = {}
    for line, row in table.rows():
        comment = identifier(table, line, "comment-id", cell(row, cid))
        if comment in comments:
            raise PolisExportError("polis_export_duplicate_comment", file=table.name,
                                   comment_id=comment)
        text = _joined(row[body:], table.delimiter) if spill else (
            row[body] if body < len(row) else "")
        writer = cell(row, author)
        comments[comment] = PolisComment(
            id=comment,
            author=identifier(table, line, "author-id", writer) if writer else 0,
            moderated=_sign(whole_number(cell(row, moderated)) or 0),
            body=restore_cell(text),
            timestamp=milliseconds(cell(row, stamp)),
            is_meta=flag(table, line, "is-meta", cell(row, meta)),
        )
    return [comments[c] for c in sorted(comments)]


def read_vote_rows(path: Path) -> list[PolisVote]:
    """votes.csv as a log sorted by time (a stable sort: file order among equal times).

    One Polis version wrote ``undefined`` for every voter-id; such a file has votes without
    voters and is refused with its own code, so the caller can fall back on the matrix.
    """
    table = Table(path)
    voter, comment = table.index("voter-id"), table.index("comment-id")
    value, stamp = table.index("vote"), table.optional("timestamp")
    votes: list[PolisVote] = []
    nameless: list[tuple[int, str]] = []
    for line, row in table.rows():
        try:  # the common case, plain integers, without a call per cell
            votes.append(PolisVote(int(row[voter]), int(row[comment]), _VOTES[row[value]],
                                   milliseconds(row[stamp]) if stamp is not None else 0))
            continue
        except (ValueError, KeyError, IndexError):
            pass
        who = cell(row, voter)
        if whole_number(who) is None:
            nameless.append((line, who))
            continue
        cast = vote(table, line, "vote", cell(row, value))
        votes.append(PolisVote(identifier(table, line, "voter-id", who),
                          identifier(table, line, "comment-id", cell(row, comment)),
                          0 if cast is None else cast, milliseconds(cell(row, stamp))))
    if nameless and not votes:
        raise PolisExportError("polis_export_votes_without_voters", file=table.name)
    if nameless:
        line, who = nameless[0]
        identifier(table, line, "voter-id", who)  # refuses the first bad voter-id by line
    votes.sort(key=lambda v: v.timestamp)
    return votes


class Matrix(NamedTuple):
    """participants-votes.csv read: final votes, groups, and votes ``n-votes`` counts unseen."""

    votes: dict[tuple[int, int], int]
    groups: dict[int, int | None]
    unseen: int


def read_matrix(path: Path) -> Matrix:
    """participants-votes.csv: each participant's final vote per comment, and Polis's group.

    A blank vote cell is a comment the participant did not vote on; a blank group-id is a
    participant Polis did not cluster (everyone's is blank when Polis formed no groups).
    A participant listed twice: the later row's filled cells replace the earlier row's.
    ``unseen`` counts the votes a row's ``n-votes`` has beyond its filled cells: one Polis
    version wrote a pass as a blank cell, so its passes cannot be told from "not seen".
    """
    table = Table(path)
    who, group = table.index("participant"), table.optional("group-id")
    counted = table.optional("n-votes")
    unseen = 0
    columns = [(i, int(m.group(1))) for i, name in enumerate(table.header)
               if (m := _COMMENT_COLUMN.fullmatch(name))]
    ids = [comment for _i, comment in columns]
    pick = itemgetter(*[i for i, _c in columns]) if columns else None
    width = max((i for i, _c in columns), default=-1) + 1
    votes: dict[tuple[int, int], int] = {}
    groups: dict[int, int | None] = {}
    for line, row in table.rows():
        participant = identifier(table, line, "participant", cell(row, who))
        groups[participant] = whole_number(cell(row, group))
        said = whole_number(cell(row, counted)) or 0
        if pick is None:
            unseen += said
            continue
        if len(row) < width:
            row = row + [""] * (width - len(row))
        cells = pick(row) if len(ids) > 1 else (pick(row),)
        # Most cells are blank (not seen): compress skips them without a Python step each.
        filled = 0
        for comment, text in compress(zip(ids, cells, strict=True), cells):
            cast = _VOTES.get(text)
            if cast is None:
                cast = vote(table, line, f"comment {comment}", text.strip())
            if cast is not None:
                votes[(participant, comment)] = cast
                filled += 1
        unseen += max(said - filled, 0)
    return Matrix(votes, groups, unseen)


def read_summary_rows(path: Path) -> dict[str, str]:
    """summary.csv's key,value rows (no header); a value may span lines when quoted."""
    reader = csv.reader(io.StringIO(decode(path), newline=""))
    return {row[0].strip(): restore_cell(row[1]) for row in reader if len(row) >= 2}


def _joined(cells: list[str], delimiter: str) -> str:
    """An unquoted body cut at its commas, joined again (empty cells a spreadsheet added at the
    end of the row are not part of it)."""
    while len(cells) > 1 and not cells[-1]:
        cells = cells[:-1]
    return delimiter.join(cells)


def _sign(value: int) -> int:
    return (value > 0) - (value < 0)

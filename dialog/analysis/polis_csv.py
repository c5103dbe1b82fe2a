"""The cells and tables of a Polis export's CSV files, as the exports in the wild write them.

Every version of Polis writes comma-separated UTF-8 with a header row, but the files that reach
us differ: a byte order mark or CRLF line ends (a spreadsheet saved them again), semicolons
instead of commas (a Swedish spreadsheet), Windows-1252 instead of UTF-8, columns in another
order or unknown extra columns, timestamps in milliseconds (older exports) or seconds (newer
ones). Columns are found by name, never by position. What cannot be read raises
:class:`PolisExportError`, whose stable ``code`` and ``params`` the importer turns into a
Swedish message; nothing here knows about the web or the database.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

#: Below this a timestamp is in seconds (newer exports), above it in milliseconds: 10^11 ms is
#: March 1973, before Polis; 10^11 s is the year 5138.
SECONDS_BELOW = 10**11


class PolisExportError(ValueError):
    """An export that cannot be read: a stable ``code`` (``errors.<code>``) and its params."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(f"{code}: {params}")
        self.code = code
        self.params = params


class Table:
    """One CSV file: its header (names trimmed and lower-cased) and its rows as lists."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = path.name
        text = decode(path)
        first = text.split("\n", 1)[0]
        # A header has one kind of separator: a Swedish spreadsheet saves with semicolons.
        self.delimiter = max((",", ";", "\t"), key=first.count)
        # Lines end only at CR/LF: a U+2028 inside an unquoted comment is text, not a new row.
        self._reader = csv.reader(io.StringIO(text, newline=""), delimiter=self.delimiter)
        self.header = [cell.strip().strip('"').lower() for cell in next(self._reader, [])]

    def index(self, column: str) -> int:
        """The required column's position; a missing one is refused by name."""
        if column not in self.header:
            raise PolisExportError("polis_export_missing_column", file=self.name, column=column)
        return self.header.index(column)

    def optional(self, column: str) -> int | None:
        """The column's position, or None when the file does not have it."""
        return self.header.index(column) if column in self.header else None

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(line number, cells) per non-blank row; the header is line 1."""
        for row in self._reader:
            # any(row) first: in C, and true at the first filled cell of a real row.
            if any(row) and any(cell.strip() for cell in row):
                yield self._reader.line_num, row


def decode(path: Path) -> str:
    """The file's text: UTF-8 (with or without a byte order mark), else Windows-1252."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise PolisExportError("polis_export_bad_encoding", file=path.name) from exc


def cell(row: list[str], index: int | None) -> str:
    """The row's cell at ``index``, blank when the column is absent or the row is short."""
    if index is None or index >= len(row):
        return ""
    return row[index].strip()


def whole_number(text: str) -> int | None:
    """An integer cell ("12", "12.0"), or None when blank or not a number."""
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if math.isfinite(value) and value == int(value) else None


def identifier(table: Table, line: int, column: str, text: str) -> int:
    """A Polis id (comment-id, voter-id, participant): a whole number, or a clear refusal."""
    value = whole_number(text)
    if value is None:
        raise PolisExportError("polis_export_bad_value", file=table.name, line=line,
                               column=column, value=text[:40])
    return value


_TRUE, _FALSE = frozenset({"true", "t", "1", "yes"}), frozenset({"false", "f", "0", "no", ""})


def flag(table: Table, line: int, column: str, text: str) -> bool:
    """A yes/no cell (``is-meta``): true/false as Polis writes it, t/f or 1/0; blank is no."""
    folded = text.strip().lower()
    if folded in _TRUE or folded in _FALSE:
        return folded in _TRUE
    raise PolisExportError("polis_export_bad_value", file=table.name, line=line,
                           column=column, value=text[:40])


def vote(table: Table, line: int, column: str, text: str) -> int | None:
    """A vote cell: 1 agree, -1 disagree, 0 pass, None when blank (not seen)."""
    if text == "":
        return None
    value = whole_number(text)
    if value not in (-1, 0, 1):
        raise PolisExportError("polis_export_bad_value", file=table.name, line=line,
                               column=column, value=text[:40])
    return value


def milliseconds(text: str) -> int:
    """A timestamp in milliseconds since 1970, from milliseconds or seconds; 0 when unknown.

    The time only orders votes and dates rows, so a blank or broken one ("NaN") is unknown,
    not a reason to refuse the export.
    """
    try:
        value: float = int(text)
    except ValueError:
        try:
            value = float(text)
        except ValueError:
            return 0
    if not math.isfinite(value) or value <= 0:
        return 0
    return int(value * 1000) if value < SECONDS_BELOW else int(value)

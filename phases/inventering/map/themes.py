"""Themes that keep their id and name from one analysis to the next.

The analysis finds themes afresh every time. Each is matched to a stored ``MapTheme`` of the
process by member overlap (Jaccard of the perspective ids, best pairs first, at least
``MATCH_AT_LEAST``): a match keeps the stored id and the facilitator's name, a new theme gets
a new id. The label everyone sees is the facilitator's name, else the suggested one.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from dialog.errors import DialogError
from dialog.models import MapTheme, Process

#: Least Jaccard overlap of members for a new theme to be "the same" as a stored one.
MATCH_AT_LEAST = 0.3
#: Longest name a facilitator can give a theme.
MAX_NAME_LENGTH = 120


def _overlaps(real: list[dict[str, Any]], stored: list[MapTheme]) -> list[tuple[float, int, int]]:
    """Return ``(jaccard, theme index, stored id)`` for every pair sharing a member.

    Linear in the members: each perspective points at the stored themes that hold it, so
    hundreds of themes do not mean hundreds x hundreds set comparisons.
    """
    holders: dict[int, list[int]] = {}
    sizes: dict[int, int] = {}
    for row in stored:
        members = set(row.members)
        sizes[row.id] = len(members)
        for pid in members:
            holders.setdefault(pid, []).append(row.id)
    pairs: list[tuple[float, int, int]] = []
    for index, theme in enumerate(real):
        members = {int(pid) for pid in theme["perspective_ids"]}
        shared = Counter(sid for pid in members for sid in holders.get(pid, ()))
        for sid, common in shared.items():
            pairs.append((common / (len(members) + sizes[sid] - common), index, sid))
    return pairs


class ThemeIdentity:
    """Give the analysis's themes their stored ids and names (a ``ThemeIdentity`` callable).

    ``deferred``: write nothing now (the analysis child computes in a transaction that only
    reads); new themes get the ids that follow the newest stored one, and ``store`` writes
    them later, in the transaction that stores the snapshot.
    """

    def __init__(self, session: Session, process_id: int, *, deferred: bool = False) -> None:
        self.session = session
        self.process_id = process_id
        self.deferred = deferred
        #: (theme id, new?, members, suggested name) still to write when deferred.
        self.writes: list[tuple[int, bool, list[int], str]] = []

    def __call__(self, themes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        stored = list(self.session.scalars(
            select(MapTheme).where(MapTheme.process_id == self.process_id).order_by(MapTheme.id)))
        real = [t for t in themes if not t.get("other")]
        pairs = sorted(_overlaps(real, stored), key=lambda pair: (-pair[0], pair[1], pair[2]))
        matched: dict[int, MapTheme] = {}
        taken: set[int] = set()
        by_id = {s.id: s for s in stored}
        for overlap, index, stored_id in pairs:
            if overlap < MATCH_AT_LEAST:
                break
            if index in matched or stored_id in taken:
                continue
            matched[index] = by_id[stored_id]
            taken.add(stored_id)
        entries: list[tuple[MapTheme | None, list[int], str]] = [
            (matched.get(index), [int(pid) for pid in theme["perspective_ids"]],
             str(theme.get("suggested_name") or theme["label"])[:200])
            for index, theme in enumerate(real)]
        found: list[tuple[int, str | None, str]] = []
        if self.deferred:
            newest = self.session.scalar(select(func.max(MapTheme.id))) or 0
            for row, members, suggested in entries:
                if row is None:
                    newest += 1
                theme_id = row.id if row is not None else newest
                self.writes.append((theme_id, row is None, members, suggested))
                found.append((theme_id, row.name if row is not None else None, suggested))
        else:
            rows: list[MapTheme] = []
            for row, members, suggested in entries:
                if row is None:
                    row = MapTheme(process_id=self.process_id)
                    self.session.add(row)
                row.members, row.suggested_name = members, suggested
                rows.append(row)
            self.session.flush()  # one flush: new rows get their ids in the order added
            found = [(row.id, row.name, row.suggested_name) for row in rows]
        for theme, (theme_id, name, suggested) in zip(real, found, strict=True):
            theme["analysis_id"] = theme["id"]
            theme["id"] = theme_id
            theme["name"] = name
            theme["label"] = name or suggested
        return themes

    def store(self, session: Session) -> None:
        """Write what a deferred identity found (in the transaction storing the snapshot)."""
        for theme_id, new, members, suggested in self.writes:
            if new:
                session.add(MapTheme(id=theme_id, process_id=self.process_id, members=members,
                                     suggested_name=suggested))
            else:
                session.execute(update(MapTheme).where(MapTheme.id == theme_id)
                                .values(members=members, suggested_name=suggested))
        session.flush()
        if any(new for _, new, _, _ in self.writes) and \
                session.get_bind().dialect.name == "postgresql":
            # Ids given explicitly do not move PostgreSQL's sequence: move it past them.
            table = MapTheme.__tablename__
            session.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                 f"(SELECT max(id) FROM {table}))"))


def rename(session: Session, process: Process, theme_id: int, name: Any) -> MapTheme:
    """Give a theme of the process the facilitator's name (an empty name is refused)."""
    theme = session.get(MapTheme, theme_id)
    if theme is None or theme.process_id != process.id:
        raise DialogError("map_theme_not_found", 404)
    if not isinstance(name, str) or not name.strip():
        raise DialogError("theme_name_required")
    cleaned = " ".join(name.split())
    if len(cleaned) > MAX_NAME_LENGTH:
        raise DialogError("theme_name_too_long", max=MAX_NAME_LENGTH, length=len(cleaned))
    theme.name = cleaned
    session.flush()
    return theme

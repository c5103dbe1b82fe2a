"""Themes that keep their id and name from one analysis to the next.

The analysis finds themes afresh every time. Each is matched to a stored ``MapTheme`` of the
process by member overlap (Jaccard of the perspective ids, best pairs first, at least
``MATCH_AT_LEAST``): a match keeps the stored id and the facilitator's name, a new theme gets
a new id. The label everyone sees is the facilitator's name, else the suggested one.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import select
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
    """Give the analysis's themes their stored ids and names (a ``ThemeIdentity`` callable)."""

    def __init__(self, session: Session, process_id: int) -> None:
        self.session = session
        self.process_id = process_id

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
        rows: list[MapTheme] = []
        for index, theme in enumerate(real):
            row = matched.get(index)
            if row is None:
                row = MapTheme(process_id=self.process_id)
                self.session.add(row)
            row.members = [int(pid) for pid in theme["perspective_ids"]]
            row.suggested_name = str(theme.get("suggested_name") or theme["label"])[:200]
            rows.append(row)
        self.session.flush()  # one flush: new rows get their ids in the order added
        for theme, row in zip(real, rows, strict=True):
            theme["analysis_id"] = theme["id"]
            theme["id"] = row.id
            theme["name"] = row.name
            theme["label"] = row.name or row.suggested_name
        return themes


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

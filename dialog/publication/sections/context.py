"""What every section provider gets: the session, the process and what is publishable."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from dialog.models import Perspective, Process


@dataclass
class SectionContext:
    """Shared input of the section providers; ``results`` holds earlier sections' output."""

    session: Session
    process: Process
    #: Approved perspectives only: nothing else is ever published.
    perspectives: list[Perspective]
    now: datetime
    results: dict[str, Any] = field(default_factory=dict)

    @property
    def published_ids(self) -> set[int]:
        return {p.id for p in self.perspectives}

    def published(self, perspective_id: Any) -> dict[str, Any] | None:
        """Return the published form of a perspective, or None if it is not published."""
        for item in self.results.get("perspectives") or []:
            if item["id"] == perspective_id:
                return dict(item)
        return None

    def quote(self, perspective_id: Any, **extra: Any) -> dict[str, Any] | None:
        """Return a short published reference (id, text, kind, group) plus ``extra`` fields."""
        found = self.published(perspective_id)
        if found is None:
            return None
        keys = ("id", "text", "kind", "stakeholder_group")
        return {**{k: found[k] for k in keys}, **extra}

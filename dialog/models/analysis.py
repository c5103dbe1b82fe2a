"""The latest analysis of a process, kept so the map survives a restart."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from dialog.models.base import Base, UTCDateTime, utcnow


class AnalysisSnapshot(Base):
    """One row per process, replaced by every new analysis run."""

    __tablename__ = "analysis_snapshot"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("process.id", ondelete="CASCADE"), unique=True)
    seed: Mapped[int] = mapped_column(Integer, default=0)
    #: Digest of what the analysis read (approved perspectives, reactions, links); a
    #: snapshot is fresh while the database still gives the same digest.
    fingerprint: Mapped[str] = mapped_column(String(64))
    #: The map as the API serves it (graph as node-link JSON, groups, prompts, ...).
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: Perspective id (as a string) -> priority for choosing what a phone shows next.
    priorities: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)
    duration_ms: Mapped[float] = mapped_column(Float, default=0.0)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

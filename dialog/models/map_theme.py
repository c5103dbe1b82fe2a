"""A theme of the perspective map, kept so its id and the facilitator's name survive analyses."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from dialog.models.base import Base, UTCDateTime, utcnow


class MapTheme(Base):
    """One theme the analysis found in a process; matched again by its members."""

    __tablename__ = "map_theme"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("process.id", ondelete="CASCADE"), index=True)
    #: The name the facilitator gave; console, wall and publication show it when set.
    name: Mapped[str | None] = mapped_column(String(120))
    #: A readable name suggested by the latest analysis (a short central phrase or words).
    suggested_name: Mapped[str] = mapped_column(String(200), default="")
    #: Perspective ids of the theme at the latest analysis that found it; a new analysis
    #: gives a theme this id when it shares most of these members.
    members: Mapped[list[int]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

"""An explicit relation someone drew between two perspectives on the map."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from dialog.models.base import Base, StrEnumType, UTCDateTime, utcnow


class LinkRelation(enum.StrEnum):
    BUILDS_ON = "builds_on"
    CONTRASTS_WITH = "contrasts_with"
    SAME_AS = "same_as"

    @property
    def symmetric(self) -> bool:
        """Whether the relation reads the same both ways (stored with source < target)."""
        return self is not LinkRelation.BUILDS_ON


class PerspectiveLink(Base):
    """``source`` builds on, contrasts with or says the same as ``target``."""

    __tablename__ = "perspective_link"
    __table_args__ = (UniqueConstraint("source_id", "target_id", "relation"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("process.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("perspective.id", ondelete="CASCADE"))
    target_id: Mapped[int] = mapped_column(ForeignKey("perspective.id", ondelete="CASCADE"))
    relation: Mapped[LinkRelation] = mapped_column(StrEnumType(LinkRelation))
    #: Who drew it: a facilitator or a participant of the process (one of the two).
    facilitator_id: Mapped[int | None] = mapped_column(ForeignKey("facilitator.id"))
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

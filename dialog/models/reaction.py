"""A participant's reaction to a perspective: agree, disagree or pass; only the latest counts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, SmallInteger, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from dialog.models.base import Base, UTCDateTime, utcnow

AGREE = 1
DISAGREE = -1
PASS = 0

#: The words a phone sends, and the number each is stored as (Polis's convention).
VOTE_VALUES = {"agree": AGREE, "disagree": DISAGREE, "pass": PASS}
VOTE_NAMES = {value: name for name, value in VOTE_VALUES.items()}


class Reaction(Base):
    """The current reaction of one participant to one perspective (an upsert, not a log)."""

    __tablename__ = "reaction"
    __table_args__ = (
        #: One row per participant and perspective: reacting again replaces the vote.
        UniqueConstraint("participant_id", "perspective_id"),
        CheckConstraint("vote IN (-1, 0, 1)", name="vote_range"),
        Index("ix_reaction_process_perspective", "process_id", "perspective_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Denormalised from the perspective so a process's vote matrix loads with one index scan.
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"))
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"))
    perspective_id: Mapped[int] = mapped_column(ForeignKey("perspective.id", ondelete="CASCADE"))
    #: +1 agree, -1 disagree, 0 pass.
    vote: Mapped[int] = mapped_column(SmallInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    @property
    def vote_name(self) -> str:
        return VOTE_NAMES[self.vote]

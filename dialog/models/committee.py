"""A committee's goals and focus areas, kept per process so proposals can say what they serve."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialog.models.base import Base, StrEnumType, UTCDateTime, utcnow


class GoalKind(enum.StrEnum):
    #: "Fokusområde", e.g. "Stärkt delaktighet".
    FOCUS_AREA = "focus_area"
    #: "Regiongemensamt uppdrag/mål" under a focus area.
    GOAL = "goal"
    #: "Förvaltningens uppdrag": what the committee itself sets out to do.
    ASSIGNMENT = "assignment"


class CommitteeGoal(Base):
    """One focus area, goal or assignment of the committee that reads the process's results."""

    __tablename__ = "committee_goal"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"),
                                            index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("committee_goal.id"))
    kind: Mapped[GoalKind] = mapped_column(StrEnumType(GoalKind), default=GoalKind.GOAL)
    #: The committee's own numbering, e.g. "3.2.1".
    code: Mapped[str] = mapped_column(String(20), default="")
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    #: Development funds set aside for it, in tkr (thousands of kronor), if any.
    budget_tkr: Mapped[int | None] = mapped_column(Integer)
    #: Whose goal it is, e.g. "Lokal nämnd Varberg".
    committee: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    parent: Mapped[CommitteeGoal | None] = relationship(remote_side="CommitteeGoal.id")

    @property
    def label(self) -> str:
        """Its code and title, e.g. "3.2.1 Arbeta för goda uppväxtvillkor"."""
        return f"{self.code} {self.title}".strip()

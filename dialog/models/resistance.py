"""Motståndslinjen: the facilitator's log of the room's tension (Deep Democracy)."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialog.models.base import Base, StrEnumType, UTCDateTime, utcnow
from dialog.models.conversation import ConversationRound
from dialog.models.process import Phase


class ResistanceLevel(enum.StrEnum):
    """The resistance line, in order: the one place its levels are defined.

    Unhandled tension climbs the line; the further up, the more it takes to bring the
    conversation back (see ``dialog.services.resistance_line`` for the interventions).
    """

    JOKES = "jokes"  # skämt
    SARCASM = "sarcasm"  # sarkasm, spydiga kommentarer
    YES_BUT = "yes_but"  # "ja, men ..."
    GOSSIP = "gossip"  # skvaller, samtalet i korridoren
    POLARISATION = "polarisation"  # vi mot dem
    SABOTAGE = "sabotage"  # sabotage, uteblivande
    BREAKDOWN = "breakdown"  # sammanbrott: samtalet går inte längre
    WAR = "war"  # öppen konflikt, krig


#: The levels from the bottom of the line to the top.
RESISTANCE_LINE: tuple[ResistanceLevel, ...] = tuple(ResistanceLevel)


class ResistanceEntry(Base):
    """One reading of the room on the resistance line, with the facilitator's note."""

    __tablename__ = "resistance_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("process.id", ondelete="CASCADE"), index=True)
    phase_id: Mapped[int] = mapped_column(ForeignKey("phase.id"))
    round_id: Mapped[int | None] = mapped_column(ForeignKey("conversation_round.id"))
    level: Mapped[ResistanceLevel] = mapped_column(StrEnumType(ResistanceLevel))
    note: Mapped[str] = mapped_column(Text, default="")
    facilitator_id: Mapped[int | None] = mapped_column(ForeignKey("facilitator.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    phase: Mapped[Phase] = relationship()
    round: Mapped[ConversationRound | None] = relationship()

    @property
    def position(self) -> int:
        """1 for jokes up to 8 for open conflict."""
        return RESISTANCE_LINE.index(self.level) + 1

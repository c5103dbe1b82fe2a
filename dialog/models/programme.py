"""A programme groups processes (e.g. several local committees asking the same question)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialog.models.base import Base, UTCDateTime, utcnow
from dialog.models.process import Process

programme_process = Table(
    "programme_process",
    Base.metadata,
    Column("programme_id", ForeignKey("programme.id", ondelete="CASCADE"), primary_key=True),
    Column("process_id", ForeignKey("process.id", ondelete="CASCADE"), primary_key=True),
)


class Programme(Base):
    __tablename__ = "programme"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    #: The account that made it; only it adds processes (each of which it must own).
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("facilitator.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    processes: Mapped[list[Process]] = relationship(secondary=programme_process,
                                                    order_by=Process.id)

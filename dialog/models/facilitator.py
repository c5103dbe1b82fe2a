"""Facilitator accounts: the only people in dialog with a login."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from dialog.models.base import Base, UTCDateTime, utcnow


class Facilitator(Base):
    __tablename__ = "facilitator"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    #: ``scrypt$n$r$p$salt$hash``; see ``dialog.services.passwords``.
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: Raised at logout: every login cookie and bearer token issued before it stops working.
    session_generation: Mapped[int] = mapped_column(default=0, server_default="0")

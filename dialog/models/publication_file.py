"""Files of a publication, stored once for every serving process to read.

A version's report (PDF, per language) and its open data (ZIP) are built by a background
job after the version is published; the parts the public page reads (its summary and the
list of perspectives, both JSON) are stored by ``publish`` itself. A request only reads
rows here, it never builds one.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from dialog.models.base import Base, UTCDateTime, utcnow


class PublicationFile(Base):
    """One built file of one publication: ``report.pdf`` in ``sv``, ``data.zip`` ..."""

    __tablename__ = "publication_file"
    __table_args__ = (UniqueConstraint("publication_id", "name", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    publication_id: Mapped[int] = mapped_column(
        ForeignKey("publication.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    #: The language it was rendered in; "" when it has none (the ZIP, the JSON parts).
    locale: Mapped[str] = mapped_column(String(8), default="")
    data: Mapped[bytes] = mapped_column(LargeBinary)
    #: SHA-256 of ``data`` (hex): the file's ETag.
    digest: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    #: What rendered it (templates, translations, release, link base): a file whose
    #: renderer differs from the running one is served and rebuilt in the background.
    renderer: Mapped[str] = mapped_column(String(64), default="")
    built_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

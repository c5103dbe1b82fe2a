"""Publishing once: a version is only stored when its content is new.

Two facilitators (or one double click) publishing the same process at the same moment must
not store two identical versions. ``publish`` holds the process's publishing lock
(:func:`hold`) before it reads the latest version, and stores nothing when that version
already has the same content (:func:`content_key`); it answers with that version instead.

The lock: on PostgreSQL a transaction-scoped advisory lock per process (it blocks only
another publish of the same process, and ends with the transaction); on SQLite the
database's one write lock, which the faces take when the request begins
(``Database.begin_writing``: ``BEGIN IMMEDIATE``), so a second publisher waits for the
first to commit and then reads its version. ``UNIQUE(process_id, version)`` remains the
backstop: a publisher that lost the race without the lock finds the winner's version.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from dialog.models import Publication

#: The advisory lock's first key ("PUBL"): keeps these locks apart from any other use.
LOCK_SPACE = 0x5055424C
#: Meta fields that differ between two publishings of the same content.
MOMENT_FIELDS = frozenset({"generated_at", "version", "published_at"})


def hold(session: Session, process_id: int) -> None:
    """Hold the process's publishing lock until the transaction ends (PostgreSQL).

    SQLite has one writer at a time: a transaction begun as a writer holds the lock.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(CAST(:space AS integer), "
                             "CAST(:process AS integer))"),
                        {"space": LOCK_SPACE, "process": process_id})


def content_key(snapshot: dict[str, Any]) -> str:
    """A digest of what a version shows, leaving out when and as what number it was
    published and what changed since the version before it.

    The note and the licence count: publishing the same data with new words for the readers
    is a new version.
    """
    meta = {key: value for key, value in (snapshot.get("meta") or {}).items()
            if key not in MOMENT_FIELDS}
    content = {key: value for key, value in snapshot.items() if key not in ("meta", "changes")}
    canonical = json.dumps({"meta": meta, **content}, sort_keys=True, ensure_ascii=False,
                           separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def same_content(stored: dict[str, Any], new: dict[str, Any]) -> bool:
    """Does the stored version's snapshot show exactly what ``new`` would?"""
    return content_key(stored) == content_key(new)


@dataclass(frozen=True)
class Outcome:
    """What publishing did: the version readers now see, and whether it was there before."""

    publication: Publication
    #: The newest version already had exactly this content: nothing new was stored.
    duplicate: bool

    @property
    def process_id(self) -> int:
        return self.publication.process_id

    @property
    def version(self) -> int:
        return self.publication.version

    @property
    def published_at(self) -> datetime:
        return self.publication.published_at

    @property
    def licence(self) -> str:
        return self.publication.licence

"""The world the corpus is sent to: the full demo process, with a token for each caller.

Building the demo takes seconds, so one app and one demo serve a whole test module (the
corpus only asks "never a 500", which what an earlier request changed cannot spoil).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from flask import Flask
from sqlalchemy import text

from dialog.config import Settings
from dialog.demo import DEMO_EMAIL, build_demo
from dialog.extensions import db
from dialog.models import Base
from dialog.services import facilitators, participants
from dialog.web.app import create_app
from tests.conftest import TEST_SECRET


@dataclass(frozen=True)
class Demo:
    """The demo process (every phase has objects, most with id 1) and its callers."""

    app: Flask
    process_id: int
    workshop_id: int
    join_code: str
    slug: str
    facilitator_token: str
    participant_token: str


def demo_app(folder: Path, postgres_url: str | None) -> Iterator[Demo]:
    """An app on a fresh database (SQLite in ``folder``, or PostgreSQL truncated) with the demo."""
    url = postgres_url or f"sqlite:///{folder / 'corpus.sqlite3'}"
    app = create_app(Settings(database_url=url, secret_key=TEST_SECRET,
                              instance_dir=folder / "instance"),
                     TESTING=True, SERVER_NAME="dialog.test")
    if postgres_url:
        tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
        with db.engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    else:
        Base.metadata.create_all(db.engine)
    with app.app_context():
        with db.transaction() as session:
            result = build_demo(session)
            account = facilitators.find_by_email(session, DEMO_EMAIL)
            assert account is not None
            _participant, token = participants.join(session, result.join_code)
            demo = Demo(app, result.process_id, result.workshop_id, result.join_code,
                        result.slug, facilitators.issue_token(TEST_SECRET, account), token)
        yield demo
    db.dispose()

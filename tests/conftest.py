"""Shared fixtures: a real database per test, the app, HTTP and Socket.IO clients, factories.

Tests run against SQLite by default and against PostgreSQL when
``DIALOG_TEST_DATABASE_URL`` points at one (``.ci/run`` does both).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_socketio import SocketIOTestClient
from sqlalchemy import text

from dialog.config import Settings
from dialog.extensions import db, socketio
from dialog.models import Base
from dialog.services import facilitators, participants, processes, workshops
from dialog.web.app import create_app

POSTGRES_URL = os.environ.get("DIALOG_TEST_DATABASE_URL")
# A publish leaves its report to the first reader (tests that want it built at publishing say
# so): a PDF for every publish in the suite would cost many minutes.
os.environ.setdefault("DIALOG_PREBUILD_REPORT", "0")
#: ``../shared`` next to the repository, or ``$DIALOG_SHARED_DIR`` (e.g. from a git worktree);
#: absent on machines without the shared data, where the tests that read it skip.
SHARED_DIR = Path(os.environ.get("DIALOG_SHARED_DIR")
                  or Path(__file__).resolve().parents[1].parent / "shared")
POLIS_DIR = SHARED_DIR / "data" / "polis-opendata"
TEST_SECRET = "test-secret-key"
PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def _postgres_schema() -> Iterator[str | None]:
    """On PostgreSQL, create the tables once per run; each test then truncates them."""
    if not POSTGRES_URL:
        yield None
        return
    db.init(POSTGRES_URL)
    Base.metadata.drop_all(db.engine)
    Base.metadata.create_all(db.engine)
    yield POSTGRES_URL
    db.dispose()


@pytest.fixture
def database_url(tmp_path: Path, _postgres_schema: str | None) -> Iterator[str]:
    if _postgres_schema is None:
        yield f"sqlite:///{tmp_path / 'test.sqlite3'}"
        return
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    db.init(_postgres_schema)
    with db.engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    db.dispose()
    yield _postgres_schema


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(database_url=database_url, secret_key=TEST_SECRET,
                    instance_dir=tmp_path / "instance")


@pytest.fixture
def app(settings: Settings) -> Iterator[Flask]:
    app = create_app(settings, TESTING=True, SERVER_NAME="dialog.test")
    if POSTGRES_URL is None:
        Base.metadata.create_all(db.engine)
    with app.app_context():
        yield app
    db.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def socket_client(app: Flask, client: FlaskClient) -> Callable[..., SocketIOTestClient]:
    """Factory: a real Socket.IO round trip on ``/live`` with the given token."""
    made: list[SocketIOTestClient] = []

    def connect(token: str | None, lang: str | None = None, **kwargs: Any
                ) -> SocketIOTestClient:
        auth: dict[str, str] | None = {"token": token} if token is not None else None
        if auth is not None and lang is not None:
            auth["lang"] = lang  # as a phone says its page's language
        sio = socketio.test_client(app, namespace="/live", auth=auth, flask_test_client=client,
                                   **kwargs)
        made.append(sio)
        return sio

    yield connect
    for sio in made:
        if sio.is_connected("/live"):
            sio.disconnect("/live")


@dataclass
class World:
    """A small process ready for a workshop: one facilitator, one open workshop."""

    facilitator_id: int
    facilitator_email: str
    facilitator_token: str
    process_id: int
    workshop_id: int
    join_code: str


@pytest.fixture
def make_facilitator(app: Flask) -> Callable[..., tuple[int, str]]:
    """Factory: create a facilitator; returns (id, bearer token)."""

    def make(email: str = "samtalsledare@varberg.se", password: str = PASSWORD) -> tuple[int, str]:
        with db.transaction() as session:
            account = facilitators.create_facilitator(session, email, password)
            return account.id, facilitators.issue_token(TEST_SECRET, account)

    return make


@pytest.fixture
def make_world(
    app: Flask, make_facilitator: Callable[..., tuple[int, str]]
) -> Callable[..., World]:
    """Factory: a facilitator, a process with stakeholder groups and an open workshop."""

    def make(*, email: str = "samtalsledare@varberg.se", pre_moderation: bool = False,
             groups: tuple[str, ...] = ("unga", "vårdnadshavare", "skola", "polis")) -> World:
        facilitator_id, token = make_facilitator(email)
        with db.transaction() as session:
            account = facilitators.find_by_email(session, email)
            process = processes.create_process(
                session, account, title="Trygghet i Varberg",
                question="Vad gör Varberg tryggt?", stakeholder_groups=list(groups))
            workshop = workshops.open_workshop(session, process, title="Workshop 1",
                                               pre_moderation=pre_moderation)
            return World(facilitator_id, email, token, process.id, workshop.id,
                         workshop.join_code)

    return make


@pytest.fixture
def world(make_world: Callable[..., World]) -> World:
    return make_world()


@pytest.fixture
def join_participant(app: Flask) -> Callable[..., str]:
    """Factory: join a workshop by code; returns the participant's bearer token."""

    def join(code: str, stakeholder_group: str | None = None) -> str:
        with db.transaction() as session:
            _participant, token = participants.join(session, code,
                                                    stakeholder_group=stakeholder_group)
            return token

    return join


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}

"""`Database.reading()`: a session that only reads, never waits for a writer, never writes."""

from __future__ import annotations

import sqlite3
import time

import pytest
from sqlalchemy import Integer, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from dialog.database import Database, ReadOnlyError


class _Base(DeclarativeBase):
    pass


class Note(_Base):
    __tablename__ = "note"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)


@pytest.fixture(params=["file", "memory"])
def database(request, tmp_path):
    url = f"sqlite:///{tmp_path / 'reading.sqlite3'}" if request.param == "file" else "sqlite://"
    db = Database()
    db.init(url)
    _Base.metadata.create_all(db.engine)
    with db.transaction() as session:
        session.add(Note(id=1))
    yield db
    db.dispose()


def test_a_read_only_session_reads_what_was_committed(database):
    with database.reading() as session:
        assert session.get(Note, 1) is not None


def test_an_orm_write_in_a_read_only_session_fails_loudly(database):
    with database.reading() as session:
        session.add(Note(id=2))
        with pytest.raises(ReadOnlyError):
            session.flush()


def test_a_statement_that_writes_fails_in_a_read_only_session(database):
    with pytest.raises(OperationalError, match="readonly"), database.reading() as session:
        session.execute(text("INSERT INTO note (id) VALUES (3)"))
    with database.reading() as session:
        assert session.scalar(text("SELECT COUNT(*) FROM note")) == 1


def test_writers_still_write_after_a_read_only_session(database):
    with database.reading() as session:
        session.execute(text("SELECT 1"))
    with database.transaction() as session:
        session.add(Note(id=4))
    with database.reading() as session:
        assert session.scalar(text("SELECT COUNT(*) FROM note")) == 2


def test_a_read_does_not_wait_for_another_connection_holding_the_write_lock(tmp_path):
    path = tmp_path / "locked.sqlite3"
    db = Database()
    db.init(f"sqlite:///{path}")
    _Base.metadata.create_all(db.engine)
    with db.transaction() as session:
        session.add(Note(id=1))
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO note (id) VALUES (2)")
    try:
        started = time.monotonic()
        with db.reading() as session:
            seen = session.scalar(text("SELECT COUNT(*) FROM note"))
        assert time.monotonic() - started < 1.0  # a writer would wait up to 30 s
        assert seen == 1  # what was committed before the read began
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        db.dispose()


def test_without_a_server_a_batched_unit_runs_in_its_own_transaction(tmp_path):
    db = Database()
    db.init(f"sqlite:///{tmp_path / 'alone.sqlite3'}")
    _Base.metadata.create_all(db.engine)

    def store(session):
        session.add(Note(id=7))
        session.flush()
        return "stored"

    def refuse(session):
        session.add(Note(id=8))
        session.flush()
        raise ValueError("refused")

    assert db.batched(store) == "stored"
    with pytest.raises(ValueError, match="refused"):
        db.batched(refuse)
    with db.reading() as session:
        assert session.scalars(text("SELECT id FROM note")).all() == [7]
    db.dispose()

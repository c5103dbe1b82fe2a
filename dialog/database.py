"""Engine and session handling, independent of Flask.

The web app, the Socket.IO handlers and the CLI each own one commit boundary:
they open a session, call services (which only flush) and commit once. Reads that change
nothing take a read-only session (:meth:`Database.reading`), which never waits for the
writer's turn; the reactions of a busy room commit together (:mod:`dialog.group_commit`).
"""

from __future__ import annotations

import select
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, scoped_session, sessionmaker

from dialog.sqlite_engine import (
    WRITE_EARLY,
    make_read_engine,
    make_sqlite_engine,
    takes_turns,
    writer_turn,
)

__all__ = ["Database", "ReadOnlyError", "make_engine", "writer_turn"]

T = TypeVar("T")

#: PostgreSQL connections per process: twenty, all kept open. With ten kept and ten more in
#: a burst a busy server process opened and closed connections all the time (a 300-phone
#: room, two processes: about 80 in a minute), each a new PostgreSQL backend whose prepared
#: statements start cold; the most a process holds is the same.
POOL_SIZE, POOL_OVERFLOW = 20, 0
#: How long an event or request waits for a pooled connection before it fails.
POOL_WAIT_SECONDS = 60.0


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine; SQLite gets WAL mode, foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        return make_sqlite_engine(url, **kwargs)
    # A server process serves many greenlets at once on one CPU thread (psycopg waits for
    # PostgreSQL cooperatively under gevent: tests/cluster/test_pg_gevent.py). More open
    # transactions than a few per process add no throughput, only interleaving: a process
    # that is behind (more events than its share of a CPU carries) lets an event wait its
    # turn for a connection, as long as a phone waits for its ack, instead of failing it
    # with ``internal_error`` after ten seconds. A connection broken by a database restart
    # is noticed and replaced on checkout, without a round trip (``_still_open``).
    kwargs.setdefault("pool_size", POOL_SIZE)
    kwargs.setdefault("max_overflow", POOL_OVERFLOW)
    kwargs.setdefault("pool_timeout", POOL_WAIT_SECONDS)
    engine = create_engine(url, **kwargs)
    if not kwargs.get("pool_pre_ping"):
        event.listen(engine, "checkout", _still_open)
    if engine.dialect.name == "postgresql":
        dialect: Any = engine.dialect  # this engine's own
        dialect.do_release_savepoint = _kept
    return engine


def _kept(_connection: Any, _name: str) -> None:
    """PostgreSQL: a SAVEPOINT whose work is kept is not released (a round trip saved for
    every exactly-once insert and every unit of a group commit). ``RELEASE`` only makes a
    savepoint unavailable as a rollback point ("it has no other user visible behavior",
    PostgreSQL's manual); SQLAlchemy never rolls back to one it released, and rolling back
    to a later one keeps the work of those before it. The transaction's end ends them all.
    """


def _still_open(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """Refuse a pooled PostgreSQL connection the server has closed (a restart), so that
    the pool opens a new one. SQLAlchemy's ``pool_pre_ping`` asks the server (a round trip
    per transaction, a seventh of a reaction's); an idle connection has nothing to read,
    and one the server closed is readable (its farewell, then end of file) or hung up, so
    a poll of its socket that does not wait tells the two apart."""
    if dbapi_connection.closed or dbapi_connection.broken:
        raise DisconnectionError("connection closed")
    poller = _poll()
    poller.register(dbapi_connection.fileno(), select.POLLIN | select.POLLPRI)
    if poller.poll(0):
        raise DisconnectionError("the server closed the connection")


def _poll() -> Any:
    """select.poll as the C library has it: gevent's would switch to the hub even for a
    poll that does not wait."""
    monkey = sys.modules.get("gevent.monkey")  # not imported: nothing is patched
    if monkey is None:
        return select.poll()
    return monkey.get_original("select", "poll")()


class ReadOnlyError(RuntimeError):
    """Something tried to write in a read-only transaction (:meth:`Database.reading`)."""


def _refuse_flush(session: Session, _context: Any, _instances: Any) -> None:
    raise ReadOnlyError("a read-only transaction may not write (use Database.transaction)")


def _guard_begin(session: Session, _transaction: Any, connection: Any) -> None:
    """Make the main engine's transaction of a reading session refuse writes too."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA query_only=ON")
        session.info["dialog.query_only"] = True  # to be switched off again: one connection
    # PostgreSQL: ``SET TRANSACTION READ ONLY`` would cost a round trip per read; the
    # flush guard refuses the ORM's writes, and the SQLite suite any statement's.


def _reader(engine: Engine) -> Engine:
    """What a PostgreSQL read-only session reads through: the same pool, in autocommit.

    Under PostgreSQL's READ COMMITTED every statement sees what was committed when it began,
    inside a transaction or not, so a reading session needs none: without it psycopg sends
    no ``BEGIN`` before the first statement and the session ends without a ``ROLLBACK``,
    two round trips less for every ``vote:next``, the next card of a reaction and every
    other read. A statement that writes would commit at once here, so it is refused before
    it is sent (:func:`_refuse_write`). SQLite keeps its own engines (:meth:`Database.init`).
    """
    if engine.dialect.name != "postgresql":
        return engine
    reader = engine.execution_options(isolation_level="AUTOCOMMIT")
    event.listen(reader, "before_cursor_execute", _refuse_write)
    return reader


_WRITES = ("INSERT", "UPDATE", "DELETE", "MERGE", "CREATE", "DROP", "ALTER", "TRUNCATE")


def _refuse_write(_connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
    if statement.lstrip()[:8].upper().startswith(_WRITES):
        raise ReadOnlyError("a read-only session may not write (use Database.transaction)")


class Database:
    """Holds the engine and a thread/greenlet-scoped session, bound late."""

    def __init__(self) -> None:
        self._engine: Engine | None = None
        self._read_engine: Engine | None = None
        self._factory: sessionmaker[Session] | None = None
        self._read_factory: sessionmaker[Session] | None = None
        self.scoped: scoped_session[Session] | None = None

    def init(self, url: str, **engine_kwargs: Any) -> None:
        """Bind to a database URL (called by the app factory or the CLI)."""
        self.dispose()
        self._engine = make_engine(url, **engine_kwargs)
        self._factory = sessionmaker(bind=self._engine, expire_on_commit=False)
        self.scoped = scoped_session(self._factory)
        self._read_engine = None if "poolclass" in engine_kwargs else make_read_engine(url)
        self._read_factory = sessionmaker(bind=self._read_engine or _reader(self._engine),
                                          expire_on_commit=False, autoflush=False)
        event.listen(self._read_factory, "before_flush", _refuse_flush)
        if self._read_engine is None:
            event.listen(self._read_factory, "after_begin", _guard_begin)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError("Database.init() has not been called")
        return self._engine

    @property
    def session(self) -> Session:
        """The session of the current request, thread or greenlet."""
        if self.scoped is None:
            raise RuntimeError("Database.init() has not been called")
        return self.scoped()

    def new_session(self) -> Session:
        if self._factory is None:
            raise RuntimeError("Database.init() has not been called")
        return self._factory()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Open a fresh session, commit on success, roll back on error, always close.

        Under a server on SQLite the process's turn to write is taken before the session
        takes a connection: events waiting for their turn then hold none (a room of
        waiting events once held hundreds, and the pool opened and closed connections,
        each with its pragmas and a schema read, all the time).
        """
        with writer_turn(self.engine):
            session = self.new_session()
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
            finally:
                session.close()

    @staticmethod
    def begin_writing(session: Session) -> None:
        """Begin ``session``'s transaction as a writer, before it reads anything.

        On SQLite it takes the write lock now (``BEGIN IMMEDIATE``, waiting up to the busy
        timeout for another writer) instead of at its first write, which fails at once with
        "database is locked" when another connection wrote since this one first read. Under
        a server every transaction begins so already; PostgreSQL needs nothing (its row
        locks wait). A session whose transaction has begun is left as it is.
        """
        if not session.in_transaction():
            session.connection(execution_options={WRITE_EARLY: True})

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session that only reads: it never waits for the writer's turn, never commits.

        On a SQLite file it reads through a second engine in WAL mode (a plain ``BEGIN``,
        ``PRAGMA query_only``), so a read runs while another connection writes and sees
        what was committed before it began. Any write in it fails loudly
        (:class:`ReadOnlyError` on a flush, the database's own error for a statement).
        """
        if self._read_factory is None:
            raise RuntimeError("Database.init() has not been called")
        session = self._read_factory()
        session.info["dialog.read_only"] = True
        try:
            yield session
        finally:
            session.close()  # rolls back: nothing to keep
            if session.info.pop("dialog.query_only", False):
                with self.engine.connect() as shared:  # the in-memory database's one
                    shared.exec_driver_sql("PRAGMA query_only=OFF")

    def commits_in_groups(self) -> bool:
        """Whether :meth:`batched` gathers units (a server process, on a SQLite file or
        on PostgreSQL)."""
        from dialog.group_commit import batcher_for

        return batcher_for(self) is not None

    def writes_take_turns(self) -> bool:
        """Whether this process's transactions take turns (a server on a SQLite file):
        then what only reads is best read outside the turn, after the commit."""
        return takes_turns(self.engine)

    def batched(self, unit: Callable[[Session], T]) -> T:
        """Run ``unit`` (it only flushes) and commit it; return its result after the commit.

        Under a server the units of many waiting events share one transaction
        (:mod:`dialog.group_commit`); anywhere else ``unit`` runs in its own.
        """
        from dialog.group_commit import batcher_for

        batcher = batcher_for(self)
        if batcher is None:
            with self.transaction() as session:
                return unit(session)
        return batcher.run(unit)

    def remove(self) -> None:
        if self.scoped is not None:
            self.scoped.remove()

    def dispose(self) -> None:
        self.remove()
        if self._engine is not None:
            self._engine.dispose()
        if self._read_engine is not None:
            self._read_engine.dispose()
            self._read_engine = None

"""Engine and session handling, independent of Flask.

The web app, the Socket.IO handlers and the CLI each own one commit boundary:
they open a session, call services (which only flush) and commit once.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, scoped_session, sessionmaker
from sqlalchemy.pool import StaticPool

#: How long a SQLite writer waits for another before giving up ("database is locked").
_BUSY_SECONDS = 30.0
#: Under gevent, how long one SQLite call may wait for another process's lock while the
#: whole loop waits with it; longer waits for the write lock happen cooperatively.
_LOOP_BUSY_SECONDS = 0.05


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine; SQLite gets WAL mode, foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        connect_args = {"check_same_thread": False, "timeout": _BUSY_SECONDS}
        if url in ("sqlite://", "sqlite:///:memory:"):
            kwargs.setdefault("poolclass", StaticPool)
        if "poolclass" in kwargs or not _under_gevent():
            engine = create_engine(url, connect_args=connect_args, **kwargs)
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
            return engine
        # A server: transactions take turns (_OneWriter), waiting cooperatively. Sqlite's
        # own busy wait would stop the whole gevent loop, so it is kept short and the turn
        # itself waits for another process's write. Every greenlet waiting for its turn holds
        # a connection: the pool never refuses one (a room reconnecting at once after a
        # restart queues hundreds of transactions; a pool limit would fail them after its
        # timeout as "internal_error").
        connect_args["timeout"] = _LOOP_BUSY_SECONDS
        kwargs.setdefault("pool_size", 20)
        kwargs.setdefault("max_overflow", -1)
        engine = create_engine(url, connect_args=connect_args, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        one_at_a_time = _OneWriter()
        event.listen(engine, "begin", one_at_a_time.begin)
        event.listen(engine, "commit", one_at_a_time.end)
        event.listen(engine, "rollback", one_at_a_time.end)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin, so that
    # SAVEPOINTs (used for exactly-once inserts) behave as on PostgreSQL.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _under_gevent() -> bool:
    """A server (``dialog serve``) runs with gevent's monkey patching; tests and the CLI not."""
    try:
        from gevent import monkey
    except ImportError:
        return False
    return bool(monkey.is_module_patched("threading"))


def _sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


class _OneWriter:
    """One transaction at a time per server process (gevent) on a SQLite file.

    Under gevent every greenlet has its own connection, but SQLite allows one writer, and a
    transaction that read before it writes fails at once ("database is locked") when another
    connection wrote in between; its busy wait also blocks the whole gevent loop. Taking
    turns inside the process avoids both (one process runs one statement at a time anyway);
    the lock is cooperative under gevent, reentrant for nested transactions of one greenlet
    or thread. Since transactions take turns anyway, each begins IMMEDIATE: it holds
    SQLite's write lock from its start. When another process (the analysis child, the CLI)
    holds that lock, the turn waits for it cooperatively, never in SQLite's busy wait, which
    would stop the loop and with it the greenlet that holds the turn.

    A transaction that cannot have its turn within the busy timeout fails as SQLite would
    ("database is locked"); it never runs without its turn.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._owner: int | None = None
        self._depth = 0

    def begin(self, connection: Any) -> None:
        me = threading.get_ident()
        deadline = time.monotonic() + _BUSY_SECONDS
        if self._owner == me:
            # A transaction nested in one already open (another connection) only reads.
            self._depth += 1
            connection.info["dialog.one_writer"] = True
            connection.exec_driver_sql("BEGIN")
            return
        if not self._lock.acquire(timeout=_BUSY_SECONDS):
            raise sqlite3.OperationalError("database is locked (no turn within the busy "
                                           "timeout)")
        self._owner, self._depth = me, 1
        connection.info["dialog.one_writer"] = True
        try:
            self._begin_immediate(connection, deadline)
        except BaseException:
            self.end(connection)
            raise

    @staticmethod
    def _begin_immediate(connection: Any, deadline: float) -> None:
        # IMMEDIATE: take SQLite's write lock now, so another process's write (the analysis
        # child's snapshot) can never invalidate what this transaction read before it writes.
        pause = 0.001
        while True:
            try:
                connection.exec_driver_sql("BEGIN IMMEDIATE")
                return
            except OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
            time.sleep(pause)  # cooperative under gevent: the loop goes on meanwhile
            pause = min(pause * 2, 0.05)

    def end(self, connection: Any) -> None:
        if not connection.info.pop("dialog.one_writer", False):
            return
        self._depth -= 1
        if self._depth <= 0:
            self._owner, self._depth = None, 0
            self._lock.release()


class Database:
    """Holds the engine and a thread/greenlet-scoped session, bound late."""

    def __init__(self) -> None:
        self._engine: Engine | None = None
        self._factory: sessionmaker[Session] | None = None
        self.scoped: scoped_session[Session] | None = None

    def init(self, url: str, **engine_kwargs: Any) -> None:
        """Bind to a database URL (called by the app factory or the CLI)."""
        self.dispose()
        self._engine = make_engine(url, **engine_kwargs)
        self._factory = sessionmaker(bind=self._engine, expire_on_commit=False)
        self.scoped = scoped_session(self._factory)

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
        """Open a fresh session, commit on success, roll back on error, always close."""
        session = self.new_session()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def remove(self) -> None:
        if self.scoped is not None:
            self.scoped.remove()

    def dispose(self) -> None:
        self.remove()
        if self._engine is not None:
            self._engine.dispose()

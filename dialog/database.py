"""Engine and session handling, independent of Flask.

The web app, the Socket.IO handlers and the CLI each own one commit boundary:
they open a session, call services (which only flush) and commit once. Reads that change
nothing take a read-only session (:meth:`Database.reading`), which never waits for the
writer's turn; the reactions of a busy room commit together (:mod:`dialog.group_commit`).
"""

from __future__ import annotations

import select
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DisconnectionError, OperationalError
from sqlalchemy.orm import Session, scoped_session, sessionmaker
from sqlalchemy.pool import StaticPool

T = TypeVar("T")

#: How long a SQLite writer waits for another before giving up ("database is locked").
_BUSY_SECONDS = 30.0
#: Under a server, SQLite connections kept open: events wait their turn holding one, and a
#: connection opened beyond the pool (and closed again) costs its pragmas and a schema read.
_SERVER_POOL_SIZE = 40
#: Under gevent, how long one SQLite call may wait for another process's lock while the
#: whole loop waits with it; longer waits for the write lock happen cooperatively.
_LOOP_BUSY_SECONDS = 0.05

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
        connect_args = {"check_same_thread": False, "timeout": _BUSY_SECONDS}
        if url in ("sqlite://", "sqlite:///:memory:"):
            kwargs.setdefault("poolclass", StaticPool)
        elif _under_gevent():
            # Every greenlet waiting for its turn holds a connection: the pool never refuses
            # one (a room reconnecting at once after a restart queues hundreds of
            # transactions; a pool limit would fail them after its timeout). SQLite's own
            # busy wait would stop the whole loop, so it is kept short and the turn itself
            # waits cooperatively for another process's write lock.
            connect_args["timeout"] = _LOOP_BUSY_SECONDS
            kwargs.setdefault("pool_size", _SERVER_POOL_SIZE)
            kwargs.setdefault("max_overflow", -1)
        engine = create_engine(url, connect_args=connect_args, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        if "poolclass" in kwargs or not _under_gevent():
            event.listen(engine, "begin", _sqlite_begin)
        else:
            one_at_a_time = _writers[engine] = _OneWriter()
            event.listen(engine, "begin", one_at_a_time.begin)
            event.listen(engine, "commit", one_at_a_time.end)
            event.listen(engine, "rollback", one_at_a_time.end)
        return engine
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
    return engine


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


def make_read_engine(url: str) -> Engine | None:
    """A second engine for a SQLite file whose connections can only read, or None.

    In WAL mode a reader needs no lock: its transactions begin with a plain deferred
    ``BEGIN`` and never take the process's writer turn. ``PRAGMA query_only`` makes any
    write in them fail loudly. An in-memory database has one connection, shared with the
    writers, and PostgreSQL readers never waited for a turn: both read through the main
    engine (:meth:`Database.reading` guards those sessions itself).
    """
    if not url.startswith("sqlite") or url in ("sqlite://", "sqlite:///:memory:"):
        return None
    gevent = _under_gevent()
    connect_args = {"check_same_thread": False,
                    "timeout": _LOOP_BUSY_SECONDS if gevent else _BUSY_SECONDS}
    pool: dict[str, Any] = {"pool_size": _SERVER_POOL_SIZE, "max_overflow": -1} if gevent else {}
    engine = create_engine(url, connect_args=connect_args, **pool)
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "connect", _query_only)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _query_only(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA query_only=ON")


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
    another process (the CLI, the analysis runner) still meets the busy timeout. The lock is
    cooperative under gevent, reentrant for nested transactions of one greenlet or thread,
    and never waited on for longer than the busy timeout: a transaction that waited longer
    fails (the event is refused and resent) rather than begin without its turn. Since
    transactions take turns anyway, each begins IMMEDIATE: it holds SQLite's write lock
    from its start.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._owner: int | None = None
        self._depth = 0
        #: Transactions open in the holder's turn (the turn may be taken before the first:
        #: :meth:`Database.transaction`, :func:`writer_turn`).
        self._open = 0

    def take(self) -> bool:
        """Wait for this process's turn (or the busy timeout); True if it is ours now."""
        me = threading.get_ident()
        if self._owner == me:
            self._depth += 1
        # Untimed first: a timed acquire starts a gevent Timeout, measurable per event.
        elif self._lock.acquire(blocking=False) or self._lock.acquire(timeout=_BUSY_SECONDS):
            self._owner, self._depth = me, 1
        return self._owner == me

    def give(self) -> None:
        self._depth -= 1
        if self._depth <= 0:
            self._owner, self._depth = None, 0
            self._lock.release()

    def begin(self, connection: Any) -> None:
        if not self.take():
            # Never go on without the turn: this greenlet would wait in SQLite's busy
            # handler, blocking the whole loop, the turn's holder included.
            raise TimeoutError(f"no turn to write within {_BUSY_SECONDS:.0f} s")
        connection.info["dialog.one_writer"] = True
        self._open += 1
        if self._open > 1:
            # A transaction nested in one already open (another connection) only reads.
            connection.exec_driver_sql("BEGIN")
            return
        try:
            _begin_immediate(connection, time.monotonic() + _BUSY_SECONDS)
        except BaseException:
            self.end(connection)
            raise

    def end(self, connection: Any) -> None:
        if connection.info.pop("dialog.one_writer", False):
            self._open -= 1
            self.give()


def _begin_immediate(connection: Any, deadline: float) -> None:
    """BEGIN IMMEDIATE: take SQLite's write lock now, so another process's write (the
    analysis child's snapshot) can never invalidate what this transaction read before it
    writes. While another process holds the lock, wait cooperatively (the loop goes on)."""
    pause = 0.001
    while True:
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(pause)  # cooperative under gevent
        pause = min(pause * 2, 0.05)


_writers: WeakKeyDictionary[Engine, _OneWriter] = WeakKeyDictionary()


@contextmanager
def writer_turn(engine: Engine) -> Iterator[None]:
    """Hold this process's turn to write, with no transaction open, while another writes.

    The analysis child stores its snapshot inside such a turn: the server's events wait for
    it cooperatively (the gevent loop goes on) instead of each in SQLite's busy handler,
    whose sleeps would block the whole loop, and the child never starves behind a steady
    stream of the server's writes. Nothing to wait for without the one-writer lock.
    """
    writer = _writers.get(engine)
    if writer is None:
        yield
        return
    if not writer.take():
        raise TimeoutError(f"no turn to write within {_BUSY_SECONDS:.0f} s")
    try:
        yield
    finally:
        writer.give()


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
        self._read_factory = sessionmaker(bind=self._read_engine or self._engine,
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
        """Whether :meth:`batched` gathers units (a server process on a SQLite file)."""
        from dialog.group_commit import batcher_for

        return batcher_for(self) is not None

    def batched(self, unit: Callable[[Session], T]) -> T:
        """Run ``unit`` (it only flushes) and commit it; return its result after the commit.

        Under a server on SQLite the units of many waiting events share one transaction
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

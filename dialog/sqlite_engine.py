"""SQLite engines: WAL, pragmas, and one writer at a time in a server process.

Under ``dialog serve`` (gevent) every greenlet has its own connection but SQLite allows one
writer: transactions take turns inside the process (:class:`_OneWriter`), each beginning
``IMMEDIATE``; reads go through a second engine whose connections can only read and never
wait for the turn (:func:`make_read_engine`). Used by :mod:`dialog.database`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import StaticPool

#: How long a SQLite writer waits for another before giving up ("database is locked").
_BUSY_SECONDS = 30.0
#: Under a server, SQLite connections kept open: events wait their turn holding one, and a
#: connection opened beyond the pool (and closed again) costs its pragmas and a schema read.
_SERVER_POOL_SIZE = 40
#: Under gevent, how long one SQLite call may wait for another process's lock while the
#: whole loop waits with it; longer waits for the write lock happen cooperatively.
_LOOP_BUSY_SECONDS = 0.05
#: Execution option of a connection whose transaction must hold the write lock from its
#: start (``BEGIN IMMEDIATE``) outside a server too: :meth:`Database.begin_writing`.
WRITE_EARLY = "dialog_write_early"


def make_sqlite_engine(url: str, **kwargs: Any) -> Engine:
    """A SQLite engine: WAL mode, foreign keys, a busy timeout; under a server, one
    writer at a time (:class:`_OneWriter`)."""
    connect_args = {"check_same_thread": False, "timeout": _BUSY_SECONDS}
    if url in ("sqlite://", "sqlite:///:memory:"):
        kwargs.setdefault("poolclass", StaticPool)
    elif under_gevent():
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
    if "poolclass" in kwargs or not under_gevent():
        event.listen(engine, "begin", _sqlite_begin)
    else:
        one_at_a_time = _writers[engine] = _OneWriter()
        event.listen(engine, "begin", one_at_a_time.begin)
        event.listen(engine, "commit", one_at_a_time.end)
        event.listen(engine, "rollback", one_at_a_time.end)
    return engine


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
    gevent = under_gevent()
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


def under_gevent() -> bool:
    """A server (``dialog serve``) runs with gevent's monkey patching; tests and the CLI not."""
    try:
        from gevent import monkey
    except ImportError:
        return False
    return bool(monkey.is_module_patched("threading"))


def _sqlite_begin(connection: Any) -> None:
    """A plain deferred ``BEGIN``, or ``BEGIN IMMEDIATE`` for a connection that asked to
    write early (:data:`WRITE_EARLY`).

    A deferred transaction takes the write lock at its first write; if another connection
    wrote since its first read, that write fails at once with "database is locked" (a
    stale WAL snapshot), whatever the busy timeout. A transaction that reads what it then
    writes on (publishing reads the latest version) asks for the lock before it reads.
    """
    if connection.get_execution_options().get(WRITE_EARLY):
        _begin_immediate(connection, time.monotonic() + _BUSY_SECONDS)
    else:
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


def takes_turns(engine: Engine) -> bool:
    """Whether ``engine``'s transactions take turns (a server process on a SQLite file)."""
    return engine in _writers

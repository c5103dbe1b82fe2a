"""Group commit: the reactions of many waiting events stored in one transaction.

Under ``dialog serve`` on SQLite every transaction takes the process's writer turn
(``dialog.sqlite_engine._OneWriter``) and pays ``BEGIN IMMEDIATE``, a commit and a session of
its own inside it. At a room's peaks (a couple of hundred reactions a second) that queue is
the acknowledgements' tail. Here an event hands its unit of work (a function of a session
that only flushes) to its engine's :class:`Batcher` and waits:

* the first event to arrive while no batch is being gathered leads: it waits for the turn
  while others arrive, then takes every unit waiting (at most :data:`MAX_UNITS`);
* it runs each unit in a SAVEPOINT of one session, so a unit that fails (a refused token,
  an unknown perspective) is rolled back alone and raises its own error in its own event,
  and the domain events it recorded are dropped with it;
* it commits once, gives the turn back and wakes every event of the batch with its result
  (or the commit's error: then nothing of the batch was stored and nothing is
  acknowledged), and the next waiting event (if any) leads the next batch.

The batcher is the commit boundary of these events: units only flush, as operations do;
each event acknowledges only after the commit that stored its unit. A unit runs in the
leading event's greenlet, so it may use the app (the same for every event of a process)
but never the request (which event's it is, is not its own).

On PostgreSQL under ``dialog serve`` (gevent) there is no writer turn: the first event
leads at once, and the events that arrive while its batch is being stored (its statements
and its commit are round trips, each a wait) form the next batch. The units waiting hold
no connection; only the leader holds one, for its batch. There a batch stores at most
:data:`MAX_UNITS_POSTGRESQL` units, and a unit's SAVEPOINT costs one round trip, not two
(PostgreSQL's savepoints are not released: :func:`dialog.database.make_engine`).

Without gevent (tests, the CLI) there is no batcher:
:meth:`dialog.database.Database.batched` runs the unit in its own transaction.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar
from weakref import WeakKeyDictionary

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from dialog import events
from dialog.sqlite_engine import takes_turns, under_gevent, writer_turn

if TYPE_CHECKING:
    from dialog.database import Database

T = TypeVar("T")

#: The most units one transaction stores; more wait for the next one.
MAX_UNITS = 200
#: On PostgreSQL: a backend caches 64 subtransaction ids per transaction (a SAVEPOINT
#: that writes takes one); past that every other backend's snapshots slow down.
MAX_UNITS_POSTGRESQL = 60


@dataclass(eq=False)
class _Unit(Generic[T]):
    work: Callable[[Session], T]
    #: Made only when the unit has to wait (a unit that leads at once never does).
    wake: threading.Event | None = None
    finished: bool = False
    result: Any = None
    error: BaseException | None = None


class Batcher:
    """Gathers the units of one engine's waiting events and commits them together."""

    def __init__(self, database: Database) -> None:
        self._database = database
        self._postgresql = database.engine.dialect.name == "postgresql"
        self.max_units = MAX_UNITS_POSTGRESQL if self._postgresql else MAX_UNITS
        self._waiting: list[_Unit[Any]] = []
        self._leading = False
        #: The thread or greenlet running a batch's units now.
        self._leader: int | None = None
        #: Transactions committed, and units stored in them (for tests and measurements).
        self.commits = 0
        self.units = 0

    def run(self, work: Callable[[Session], T]) -> T:
        """Run ``work`` in a batch; return its result once the batch has committed."""
        if self._leader == threading.get_ident():
            # It would wait for its own batch for ever.
            raise RuntimeError("a unit of a group commit may not hand over another unit")
        unit: _Unit[T] = _Unit(work)
        self._waiting.append(unit)
        if not self._leading:
            self._leading = True
            self._lead(unit)
        while not unit.finished:
            if unit.wake is None:
                unit.wake = threading.Event()
            try:
                unit.wake.wait()
            except BaseException:  # killed while waiting: never leave the others waiting
                self._abandon(unit)
                raise
            unit.wake.clear()
            if not unit.finished:
                self._lead(unit)  # woken to lead the next batch
        if unit.error is not None:
            raise unit.error
        return unit.result  # type: ignore[no-any-return]

    def _lead(self, own: _Unit[Any]) -> None:
        batch: list[_Unit[Any]] = []
        try:
            with writer_turn(self._database.engine):
                batch = self._waiting[:self.max_units]
                del self._waiting[:self.max_units]
                self._leader = threading.get_ident()
                try:
                    self._commit(batch)
                finally:
                    self._leader = None
        except TimeoutError as exc:
            if not batch:  # no turn: the units waiting now would wait as long
                batch = self._waiting[:]
                self._waiting.clear()
            for unit in batch:
                unit.error = exc
        except BaseException as exc:
            if not batch:  # killed while waiting for the turn: the others wait on
                self._waiting.remove(own)
                batch = [own]
            for unit in batch:
                unit.error = exc
        finally:
            for unit in batch:
                unit.finished = True
                if unit.wake is not None:
                    unit.wake.set()
            if self._waiting:
                self._wake_next()
            else:
                self._leading = False

    def _abandon(self, unit: _Unit[Any]) -> None:
        if unit in self._waiting:
            handed_the_lead = unit is self._waiting[0] and unit.wake is not None \
                and unit.wake.is_set()
            self._waiting.remove(unit)
            if handed_the_lead:
                if self._waiting:
                    self._wake_next()
                else:
                    self._leading = False

    def _wake_next(self) -> None:
        """Hand the lead to the first unit waiting (it made its event before it waited)."""
        following = self._waiting[0]
        if following.wake is None:
            following.wake = threading.Event()
        following.wake.set()

    def _commit(self, batch: list[_Unit[Any]]) -> None:
        session = self._database.new_session()
        try:
            if len(batch) == 1:  # no queue: no SAVEPOINT either
                alone = batch[0]
                try:
                    alone.result = alone.work(session)
                except Exception as exc:
                    alone.error = exc
                    session.rollback()
                    return
            else:
                for unit in batch:
                    try:
                        with events.set_apart(session), session.begin_nested():
                            unit.result = unit.work(session)
                    except Exception as exc:  # the unit's own error, for its own event
                        unit.error = exc
            session.commit()
            self.commits += 1
            self.units += len(batch)
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()


_batchers: WeakKeyDictionary[Engine, Batcher] = WeakKeyDictionary()


#: Whether a server on PostgreSQL gathers units too (``DIALOG_PG_GROUP_COMMIT=1``). Off by
#: default: in the 2,000-phone cluster room one leader per process storing every reaction
#: over one connection became the queue (reaction ack p50 42 -> 137 ms, p99 1.1 -> 5.0 s),
#: where events in transactions of their own overlap their round trips on the pool's
#: connections. On where the commit itself is the cost (a disk slow to flush).
ON_POSTGRESQL = os.environ.get("DIALOG_PG_GROUP_COMMIT", "") == "1"


def batcher_for(database: Database) -> Batcher | None:
    """The batcher of ``database``'s engine: only in a server process (gevent), on a SQLite
    file (where transactions take turns) or, when :data:`ON_POSTGRESQL`, on PostgreSQL."""
    engine = database.engine
    if not takes_turns(engine) and not (
            ON_POSTGRESQL and engine.dialect.name == "postgresql" and under_gevent()):
        return None
    found = _batchers.get(engine)
    if found is None:
        found = _batchers[engine] = Batcher(database)
    return found

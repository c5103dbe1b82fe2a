"""Group commit on PostgreSQL under `dialog serve`: reactions arriving during a commit
are stored in one transaction, once each, and each is acknowledged after that commit.

On PostgreSQL there is no writer turn: the first event leads at once, and the events that
arrive while its batch is being stored form the next batch (a SAVEPOINT each, never
released, one COMMIT). A unit that fails, in Python or in the database, fails alone.
Reads that change nothing (``Database.reading``) send no ``BEGIN`` and no ``ROLLBACK``.

Each scenario runs in a child process started as `dialog serve` starts, against a private
PostgreSQL (``tests/cluster/services.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.cluster.services import Postgres, free_port, missing
from tests.cluster.test_pg_gevent import run_as_server

pytestmark = pytest.mark.skipif(
    any(name.startswith("PostgreSQL") for name in missing()),
    reason="needs PostgreSQL 15 (apt-get install postgresql)")

#: A batch led by a slow unit while 40 more events arrive, one of them refused by the
#: handler, one a second insert of a row (the unique constraint), then a lone event.
ROOM = """
import psycopg
from dialog import events, group_commit
by_default = group_commit.batcher_for(db) is not None
group_commit.ON_POSTGRESQL = True  # DIALOG_PG_GROUP_COMMIT=1
from dialog.errors import DialogError
with db.transaction() as session:
    session.execute(text("DROP TABLE IF EXISTS t"))
    session.execute(text("CREATE TABLE t (x INTEGER UNIQUE)"))
sent = []
execute = psycopg.Connection._exec_command
def exec_command(self, command, *args, **kwargs):
    sent.append((command if isinstance(command, bytes) else str(command).encode())
                .decode().split()[0])
    return execute(self, command, *args, **kwargs)
psycopg.Connection._exec_command = exec_command
cursor_execute = psycopg.Cursor.execute
def traced(self, query, *args, **kwargs):
    if self.connection is not globals().get("other"):  # not the test's own checks
        sent.append(str(query).split()[0].upper())
    return cursor_execute(self, query, *args, **kwargs)
psycopg.Cursor.execute = traced
other = psycopg.connect(sys_url, autocommit=True)
heard, acked, refused = [], {}, {}
events.signals.signal("t-stored").connect(lambda _s, x: heard.append(x), weak=False)
FAILING, TWICE, SLOW = 13, 21, -1

def work(x):
    def unit(session):
        if x == SLOW:
            session.execute(text("SELECT pg_sleep(0.5)"))
        session.execute(text("INSERT INTO t VALUES (:x)"), {"x": 21 if x == 1021 else x})
        events.record(session, "t-stored", x=x)
        if x == FAILING:
            raise DialogError("perspective_not_found", 404)
        return x * 10
    return unit

def event(x):
    try:
        result = db.batched(work(x))
    except DialogError as exc:
        refused[x] = exc.code
    except Exception as exc:
        refused[x] = type(exc).__name__
    else:
        # Acknowledged: the row must be committed, as another connection sees it.
        stored = other.execute("SELECT COUNT(*) FROM t WHERE x = %s",
                               (21 if x == 1021 else x,)).fetchone()[0]
        acked[x] = (result, stored)

leader = gevent.spawn(event, SLOW)
gevent.sleep(0.1)  # its batch is in flight: these wait for the next
gevent.joinall([leader, *[gevent.spawn(event, x) for x in [*range(40), 1021]]],
               raise_error=True)
batcher = group_commit.batcher_for(db)
batched = {"commits": batcher.commits, "units": batcher.units, "max": batcher.max_units,
           "releases": sent.count("RELEASE"), "savepoints": sent.count("SAVEPOINT")}
sent.clear()
gevent.spawn(event, 100).join()
alone = list(sent)
sent.clear()
with db.reading() as session:
    session.execute(text("SELECT COUNT(*) FROM t")).scalar()
reading = list(sent)
from dialog.database import ReadOnlyError
try:
    with db.reading() as session:  # autocommit: a write would be stored at once
        session.execute(text("INSERT INTO t VALUES (999)"))
    write = "sent"
except ReadOnlyError:
    write = "refused"
rows = other.execute("SELECT x, COUNT(*) FROM t GROUP BY x").fetchall()
print(json.dumps({**batched, "by_default": by_default, "acked": acked, "refused": refused,
                  "heard": heard, "rows": dict(rows), "alone": alone, "reading": reading,
                  "write": write}))
"""


@pytest.fixture(scope="module")
def postgres() -> Iterator[Postgres]:
    server = Postgres(free_port())
    server.start()
    server.create_database("batches")
    yield server
    server.remove()


@pytest.fixture(scope="module")
def room(postgres: Postgres) -> dict[str, Any]:
    url = postgres.url("batches")
    plain = url.replace("postgresql+psycopg://", "postgresql://")
    return run_as_server(url, ROOM.replace("sys_url", repr(plain)))


def test_by_default_each_event_on_postgresql_is_a_transaction_of_its_own(room):
    # One leader per process storing every reaction over one connection was the queue of
    # the 2,000-phone room; it is on only with DIALOG_PG_GROUP_COMMIT=1.
    assert room["by_default"] is False


def test_reactions_arriving_during_a_commit_are_stored_in_one_transaction(room):
    # The slow leader's batch alone, then the 41 that arrived meanwhile together: two
    # commits for 42 units (at most 60 a transaction).
    assert room["max"] == 60
    assert room["units"] == 42, room  # the refused ones count in their batch's units
    assert room["commits"] == 2, room


def test_each_is_stored_once_and_acknowledged_only_after_its_commit(room):
    stored = {int(x): n for x, n in room["rows"].items()}
    assert set(stored) == {x for x in range(-1, 40) if x != 13} | {100}, stored
    assert set(stored.values()) == {1}
    for x, (result, seen) in room["acked"].items():
        assert seen == 1, (x, "acknowledged before another connection could see it")
        assert result == int(x) * 10


def test_a_failing_unit_fails_alone_in_python_or_in_the_database(room):
    assert room["refused"] == {"13": "perspective_not_found", "1021": "IntegrityError"}
    assert sorted(room["heard"]) == sorted(int(x) for x in room["acked"])


def test_a_lone_event_commits_alone_without_a_savepoint(room):
    # (psycopg sends its BEGIN inside the statement's execute, after it is traced)
    assert room["alone"] == ["INSERT", "BEGIN", "COMMIT"], room["alone"]


def test_savepoints_of_a_batch_are_not_released_one_by_one(room):
    assert room["savepoints"] == 41, room  # one per unit of the batch of 41
    assert room["releases"] == 0, room


def test_a_read_only_session_sends_no_begin_and_no_rollback(room):
    assert room["reading"] == ["SELECT"], room["reading"]


def test_a_write_in_a_read_only_session_is_refused_before_it_is_sent(room):
    assert room["write"] == "refused"
    assert "999" not in room["rows"]

"""PostgreSQL under `dialog serve`: a query waits cooperatively, and a busy process queues.

`dialog serve` runs on gevent: one OS thread serves every phone. If the driver waited for
PostgreSQL in C (psycopg's ``wait_c``, a blocking poll()), one slow query would stop every
other event in the process. psycopg picks a cooperative wait only when gevent patched
``select`` before psycopg was imported, which `dialog serve` does first thing. And when the
process is behind (more events than its share of a CPU can carry), an event waits its turn
for a pooled connection rather than failing after the pool's timeout with ``internal_error``.

Each scenario runs in a child process started as `dialog serve` starts (``dialog.cli``
with ``serve`` in its arguments), against a private PostgreSQL.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator

import pytest

from tests.cluster.services import Postgres, free_port, missing
from tests.realserver import ROOT

pytestmark = pytest.mark.skipif(
    any(name.startswith("PostgreSQL") for name in missing()),
    reason="needs PostgreSQL 15 (apt-get install postgresql)")

#: Imported as `dialog serve` imports it; then the engine is made as the app makes it.
PRELUDE = """
import sys
sys.argv = ["dialog", "serve"]
import dialog.cli  # noqa: F401  (gevent patches the standard library here)
import json, time
import gevent
from sqlalchemy import text
from dialog.database import Database
db = Database()
db.init(sys.argv_url)
"""


@pytest.fixture(scope="module")
def postgres() -> Iterator[Postgres]:
    server = Postgres(free_port())
    server.start()
    server.create_database("gevent")
    yield server
    server.remove()


@pytest.fixture(scope="module")
def postgres_url(postgres: Postgres) -> str:
    return postgres.url("gevent")


def run_as_server(url: str, body: str) -> dict[str, float]:
    script = PRELUDE.replace("sys.argv_url", repr(url)) + body
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-3000:]
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def test_a_slow_query_does_not_stop_the_other_greenlets(postgres_url: str) -> None:
    figures = run_as_server(postgres_url, """
import psycopg.waiting
gaps = []
def ticker(until):
    last = time.monotonic()
    while last < until:
        gevent.sleep(0.01)
        now = time.monotonic()
        gaps.append(now - last)
        last = now
def slow():
    with db.transaction() as session:
        session.execute(text("SELECT pg_sleep(2)"))
started = time.monotonic()
gevent.joinall([gevent.spawn(slow), gevent.spawn(ticker, started + 2.5)])
print(json.dumps({"longest_gap": max(gaps), "ticks": len(gaps),
                  "wait_c": psycopg.waiting.wait is getattr(psycopg.waiting, "wait_c", None)}))
""")
    assert not figures["wait_c"], "psycopg chose its blocking C wait under gevent"
    # Blocked, the loop would stand still for the whole two-second query.
    assert figures["longest_gap"] < 1.0, figures


def test_a_process_behind_queues_for_a_connection_instead_of_failing(
        postgres_url: str) -> None:
    figures = run_as_server(postgres_url, """
size = db.engine.pool.size() + db.engine.pool._max_overflow
failures = []
def event(n):
    try:
        with db.transaction() as session:
            session.execute(text("SELECT pg_sleep(0.5)"))
    except Exception as exc:
        failures.append(repr(exc))
# Four times as many transactions at once as the pool holds, each half a second long.
gevent.joinall([gevent.spawn(event, n) for n in range(4 * size)])
print(json.dumps({"connections": size, "failures": len(failures),
                  "timeout": db.engine.pool._timeout}))
""")
    assert figures["failures"] == 0, figures
    # An event waits for a connection about as long as a phone waits for its ack.
    assert figures["timeout"] >= 60, figures


def test_a_burst_leaves_the_connections_it_opened_open_for_the_next(
        postgres_url: str) -> None:
    """A pool that opens connections for a burst and closes them after it starts a new
    PostgreSQL backend (with cold prepared statements) for every burst of a busy room."""
    figures = run_as_server(postgres_url, """
from sqlalchemy import event as sa_event
opened = []
sa_event.listen(db.engine, "connect", lambda *_: opened.append(1))
def event(n):
    with db.transaction() as session:
        session.execute(text("SELECT pg_sleep(0.2)"))
size = db.engine.pool.size() + db.engine.pool._max_overflow
for burst in range(3):
    gevent.joinall([gevent.spawn(event, n) for n in range(2 * size)])
print(json.dumps({"connections": size, "opened": len(opened)}))
""")
    assert figures["opened"] == figures["connections"], figures


def test_a_connection_closed_by_a_restart_is_replaced_without_a_ping(
        postgres: Postgres) -> None:
    """Checkout looks at the pooled connection's socket instead of asking the server: the
    statements a transaction sends are its own, and a restart costs no event."""
    url = postgres.url("gevent")
    script = PRELUDE.replace("sys.argv_url", repr(url)) + """
pings = []
ping = db.engine.dialect.do_ping
db.engine.dialect.do_ping = lambda connection: pings.append(1) or ping(connection)
def backend():
    with db.transaction() as session:
        return session.execute(text("SELECT pg_backend_pid()")).scalar_one()
first = backend()
again = backend()
print(json.dumps({"first": first, "again": again}), flush=True)
sys.stdin.readline()  # the test restarts PostgreSQL meanwhile
after = backend()
print(json.dumps({"first": first, "again": again, "after": after, "pings": len(pings)}))
"""
    child = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    assert child.stdout is not None
    assert child.stdin is not None
    try:
        json.loads(child.stdout.readline())
        postgres.stop()
        postgres.start()
        out, err = child.communicate("go\n", timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0, err[-3000:]
    figures = json.loads(out.strip().splitlines()[-1])
    assert figures["again"] == figures["first"], "the pool kept its connection"
    assert figures["after"] != figures["first"], "a new backend after the restart"
    # No round trip before each checkout (SQLAlchemy's pool_pre_ping would ask each time).
    assert figures["pings"] == 0, figures

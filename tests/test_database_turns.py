"""Under `dialog serve` (gevent) on SQLite, transactions take turns without stopping the loop.

Run in a fresh interpreter with gevent's monkey patching, as `dialog serve` runs: another
process holds SQLite's write lock (as the analysis child does while it stores a map) while
greenlets write. The loop goes on meanwhile and every write is stored once the lock is free.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HOLD_SECONDS = 5.0
WRITERS = 8

SCRIPT = """
from gevent import monkey; monkey.patch_all()
import json, sqlite3, subprocess, sys, time
import gevent
from sqlalchemy import text
from dialog.database import Database

path, WRITERS = sys.argv[1], int(sys.argv[3])
with sqlite3.connect(path) as setup:
    setup.execute("PRAGMA journal_mode=WAL")
    setup.execute("CREATE TABLE t (x INTEGER)")
db = Database()
db.init("sqlite:///" + path)
holder = subprocess.Popen([sys.executable, "-c", '''
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE"); c.execute("INSERT INTO t VALUES (-1)")
print("held", flush=True); time.sleep(float(sys.argv[2])); c.execute("COMMIT")
''', path, sys.argv[2]], stdout=subprocess.PIPE, text=True)
holder.stdout.readline()
ticks, errors, held = [], [], []

def tick():
    while holder.poll() is None:
        ticks.append(time.monotonic())
        held.append(db.engine.pool.checkedout())
        gevent.sleep(0.05)

def write(i):
    try:
        with db.transaction() as session:
            session.execute(text("INSERT INTO t VALUES (:i)"), {"i": i})
    except Exception as exc:
        errors.append(type(exc).__name__)

gevent.joinall([gevent.spawn(tick)] + [gevent.spawn(write, i) for i in range(WRITERS)])
holder.wait()
with db.transaction() as session:
    stored = session.execute(text("SELECT COUNT(*) FROM t WHERE x >= 0")).scalar()
gap = max((b - a for a, b in zip(ticks, ticks[1:])), default=0.0)
print(json.dumps({"stored": stored, "errors": errors, "gap": gap, "held": max(held)}))
"""


def test_writes_wait_for_another_process_without_stopping_the_loop(tmp_path):
    arguments = [str(tmp_path / "turns.sqlite3"), str(HOLD_SECONDS), str(WRITERS)]
    done = subprocess.run([sys.executable, "-c", SCRIPT, *arguments], cwd=ROOT,
                          capture_output=True, text=True, check=True, timeout=120)
    result = json.loads(done.stdout.strip().splitlines()[-1])

    assert result["errors"] == []
    assert result["stored"] == WRITERS
    # SQLite's own busy wait would have stopped the loop for the whole hold.
    assert result["gap"] < HOLD_SECONDS / 2
    # Only the writer whose turn it is holds a connection; the others wait without one.
    assert result["held"] <= 1

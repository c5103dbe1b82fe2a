"""Under `dialog serve` (gevent) on SQLite, waiting events' units commit together.

Run in a fresh interpreter with gevent's monkey patching, as `dialog serve` runs. The
process's writer turn is held while events arrive (as a busy room's queue does), so they
all wait; then one transaction stores them. Each event gets its own result or its own
error, and only after the commit that stored it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = """
from gevent import monkey; monkey.patch_all()
import json, sqlite3, sys
import gevent
from sqlalchemy import text
from sqlalchemy.orm import Session
from dialog import events, group_commit
from dialog.database import Database, writer_turn
from dialog.errors import DialogError

path, scenario = sys.argv[1], sys.argv[2]
with sqlite3.connect(path) as setup:
    setup.execute("PRAGMA journal_mode=WAL")
    setup.execute("CREATE TABLE t (x INTEGER UNIQUE)")
db = Database()
db.init("sqlite:///" + path)
heard, acked, refused, log = [], {}, {}, []
events.signals.signal("t-stored").connect(lambda _s, x: heard.append(x), weak=False)
FAILING, TWICE = 13, 21

def work(x):
    def unit(session):
        session.execute(text("INSERT INTO t VALUES (:x)"), {"x": x})
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
        with sqlite3.connect(path) as other:
            stored = other.execute("SELECT COUNT(*) FROM t WHERE x = ?", (x,)).fetchone()[0]
        acked[x] = (result, stored)

def hold_turn():
    # Hold the turn (a long transaction) while the events arrive, then let them go.
    holding = gevent.event.Event()
    def hold():
        with writer_turn(db.engine):
            holding.set()
            gevent.sleep(0.3)
    holder = gevent.spawn(hold)
    holding.wait()
    return holder

def queued(xs):
    holder = hold_turn()
    greenlets = [gevent.spawn(event, x) for x in xs]
    gevent.joinall([holder, *greenlets], raise_error=True)

if scenario == "batch":
    queued(list(range(40)) + [TWICE])
elif scenario == "killed":
    # The leader (waiting for the turn) and another waiting event are killed: the rest
    # still commit, led by the next one waiting.
    holder = hold_turn()
    greenlets = [gevent.spawn(event, x) for x in range(6)]
    gevent.sleep(0.05)
    gevent.killall([greenlets[0], greenlets[3]])
    gevent.joinall([holder, *greenlets])
elif scenario == "nested":
    def nesting(session):
        return db.batched(work(5))
    try:
        db.batched(nesting)
    except RuntimeError as exc:
        refused["nested"] = str(exc)
elif scenario == "alone":
    event(FAILING)  # nothing waits: each is a batch of one
    event(99)
elif scenario == "small_batches":
    group_commit.MAX_UNITS = 7
    queued(range(30))
elif scenario == "commit_fails":
    real_commit = Session.commit
    def failing_commit(self):
        raise RuntimeError("disk gone")
    Session.commit = failing_commit
    queued(range(10))
    Session.commit = real_commit
    queued(range(100, 103))  # the next batch goes on as before
batcher = group_commit.batcher_for(db)
with sqlite3.connect(path) as other:
    stored = sorted(r[0] for r in other.execute("SELECT x FROM t"))
print(json.dumps({"acked": acked, "refused": refused, "heard": sorted(heard),
                  "stored": stored, "commits": batcher.commits, "units": batcher.units}))
"""


def run(tmp_path: Path, scenario: str) -> dict:
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "batch.sqlite3"),
                           scenario], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return run(tmp_path_factory.mktemp("batch"), "batch")


def test_waiting_units_commit_in_fewer_transactions_than_units(batch):
    assert batch["units"] == 41
    assert batch["commits"] < 41
    assert batch["commits"] <= 2  # all of them waited for the same turn


def test_a_failing_unit_gets_its_own_error_and_the_others_are_stored(batch):
    assert batch["refused"]["13"] == "perspective_not_found"
    assert 13 not in batch["stored"]
    assert batch["stored"] == [x for x in range(40) if x != 13]
    # Its domain event is dropped with it; the others' go out after the commit.
    assert batch["heard"] == batch["stored"]


def test_a_second_insert_of_the_same_row_fails_alone_on_the_unique_constraint(batch):
    # Exactly once: x=21 was sent twice; the second is refused by the UNIQUE constraint.
    assert batch["refused"]["21"] == "IntegrityError"
    assert batch["acked"]["21"] == [210, 1]


def test_every_event_is_acknowledged_with_its_own_result_after_the_commit(batch):
    assert set(batch["acked"]) == {str(x) for x in range(40) if x != 13}
    for x, (result, stored) in batch["acked"].items():
        assert result == int(x) * 10
        assert stored == 1  # visible to another connection when the event returned


def test_an_event_alone_commits_alone_and_fails_alone(tmp_path):
    result = run(tmp_path, "alone")
    assert result["refused"] == {"13": "perspective_not_found"}
    assert result["acked"] == {"99": [990, 1]}
    assert result["stored"] == [99]
    assert result["heard"] == [99]
    assert result["commits"] == 1


def test_events_killed_while_waiting_leave_the_others_to_commit(tmp_path):
    result = run(tmp_path, "killed")
    assert set(result["acked"]) == {"1", "2", "4", "5"}
    assert result["stored"] == [1, 2, 4, 5]


def test_a_unit_that_hands_over_another_fails_instead_of_waiting_for_ever(tmp_path):
    result = run(tmp_path, "nested")
    assert "may not hand over" in result["refused"]["nested"]
    assert result["stored"] == []


def test_a_long_queue_commits_in_batches_each_led_by_a_waiting_event(tmp_path):
    result = run(tmp_path, "small_batches")
    assert result["refused"] == {"13": "perspective_not_found"}
    assert result["stored"] == [x for x in range(30) if x != 13]
    assert 5 <= result["commits"] < 30


def test_when_the_commit_fails_nothing_of_the_batch_is_acknowledged_or_stored(tmp_path):
    result = run(tmp_path, "commit_fails")
    assert set(result["refused"]) == {str(x) for x in range(10)}
    assert set(result["refused"].values()) <= {"RuntimeError", "perspective_not_found"}
    assert set(result["acked"]) == {"100", "101", "102"}
    assert result["stored"] == [100, 101, 102]
    assert result["heard"] == [100, 101, 102]

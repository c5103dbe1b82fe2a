"""The analysis runs in a child process; a child killed mid-job is replaced and the job retried."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import select

from dialog.extensions import db
from dialog.models import MapTheme
from phases.inventering.map import analysis_runs
from phases.inventering.map.analysis_child import NICENESS, PAUSE_ENV, ChildRunner
from tests.conftest import bearer
from tests.map.test_people_themes import themed as themed  # a fixture

ROOT = Path(__file__).resolve().parents[2]


def react_to_all(client, room):
    for reader in room.readers:
        for index, perspective_id in enumerate(room.perspective_ids):
            response = client.post(f"/api/v1/perspectives/{perspective_id}/votes",
                                   headers=bearer(reader),
                                   json={"vote": ("agree", "disagree", "pass")[index % 3]})
            assert response.status_code in (200, 201)


def snapshot_of(process_id):
    with db.transaction() as session:
        return analysis_runs.latest_snapshot(session, process_id)


def test_the_child_computes_and_stores_the_map(client, room, database_url):
    react_to_all(client, room)
    runner = ChildRunner(database_url)
    try:
        answer = runner.run(room.world.process_id)
    finally:
        runner.close()

    assert answer["ok"]
    assert answer["computed"]
    stored = snapshot_of(room.world.process_id)
    assert stored is not None
    assert stored.result["counts"]["reactions"] == len(room.readers) * len(room.perspective_ids)


def test_the_child_gives_way_to_the_server_for_a_core(client, room, database_url):
    react_to_all(client, room)
    runner = ChildRunner(database_url)
    try:
        assert runner.run(room.world.process_id)["ok"]
        child = runner.child
        assert child is not None
        niceness = os.getpriority(os.PRIO_PROCESS, child.pid)
    finally:
        runner.close()

    assert niceness == min(os.getpriority(os.PRIO_PROCESS, 0) + NICENESS, 19)  # 19: the most


def test_a_child_killed_mid_job_is_replaced_and_the_job_retried(client, room, database_url):
    react_to_all(client, room)
    runner = ChildRunner(database_url, env={PAUSE_ENV: "1.5"})
    answers = []
    job = threading.Thread(target=lambda: answers.append(runner.run(room.world.process_id)))
    job.start()
    deadline = time.monotonic() + 30
    while runner.child is None and time.monotonic() < deadline:
        time.sleep(0.01)
    first = runner.child
    assert first is not None
    time.sleep(0.3)  # the job is on its way to the child, which waits before computing
    os.kill(first.pid, signal.SIGKILL)
    job.join(timeout=120)
    runner.close()

    assert runner.starts == 2
    assert len(answers) == 1
    assert answers[0]["ok"]
    assert answers[0]["computed"]
    assert snapshot_of(room.world.process_id) is not None


def test_a_job_that_fails_in_the_child_is_answered_as_failed(room):
    runner = ChildRunner("sqlite:////nonexistent/dir/at/all.sqlite3")
    try:
        answer = runner.run(room.world.process_id)
    finally:
        runner.close()

    assert answer["ok"] is False
    assert runner.starts == 1  # a failed job is an answer, not a dead child: no retry


def test_the_child_stores_only_inside_the_turn_the_parent_gives(client, room, database_url):
    react_to_all(client, room)
    turns = []

    @contextmanager
    def turn():
        # While the parent holds the turn the snapshot is not stored yet; after it, it is.
        turns.append(snapshot_of(room.world.process_id))
        yield
        turns.append(snapshot_of(room.world.process_id))

    runner = ChildRunner(database_url, turn=turn)
    try:
        first = runner.run(room.world.process_id)
        again = runner.run(room.world.process_id)
    finally:
        runner.close()

    assert first["computed"]
    assert not again["computed"]
    assert len(turns) == 2  # one turn for the one snapshot stored; a fresh one asks none
    assert turns[0] is None
    assert turns[1] is not None


def test_the_child_writes_the_themes_it_found_with_the_snapshot(themed, world, database_url):
    runner = ChildRunner(database_url)
    try:
        first = runner.run(world.process_id)
    finally:
        runner.close()

    assert first["computed"]
    themes = [t for t in snapshot_of(world.process_id).result["themes"] if not t.get("other")]
    with db.transaction() as session:
        stored = {t.id: t for t in session.scalars(select(MapTheme))}
    assert len(themes) == 2
    for theme in themes:
        assert sorted(stored[theme["id"]].members) == sorted(theme["perspective_ids"])
#: A server in miniature: starts a child, gives it a job it pauses before, says the child's pid.
SERVER = """
import os, threading, time
from phases.inventering.map.analysis_child import ChildRunner
runner = ChildRunner(os.environ["DIALOG_DATABASE_URL"])
threading.Thread(target=runner.run, args=(1,), daemon=True).start()
while runner.child is None:
    time.sleep(0.01)
print(runner.child.pid, flush=True)
time.sleep(600)
"""


def running(pid: int) -> bool:
    """Whether the process is there and not a zombie (an orphan's reaper may be slow)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
def test_a_child_whose_server_was_killed_ends_mid_job(tmp_path):
    env = {**os.environ, "DIALOG_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
           PAUSE_ENV: "300"}
    server = subprocess.Popen([sys.executable, "-c", SERVER], env=env, cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    child = int(server.stdout.readline())
    server.kill()  # as SIGKILL kills `dialog serve`: the child is not told
    server.wait(timeout=30)
    server.stdout.close()
    deadline = time.monotonic() + 60
    while running(child) and time.monotonic() < deadline:
        time.sleep(0.1)

    assert not running(child)  # it stopped mid-job, not after 300 s of pause and a job

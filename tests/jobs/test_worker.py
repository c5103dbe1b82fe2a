"""`dialog worker` over a real Redis: jobs run in the worker, coalesce, survive a SIGKILL,
and the map a worker computes reaches a console of a real `dialog serve` (gevent, WebSocket)
through the Socket.IO message queue.

All tests that use the job tests' Redis database live in this one file, so that parallel
runs (``--dist loadfile``) never share it.

Skipped with a reason when no Redis answers at ``DIALOG_TEST_JOBS_REDIS_URL``
(default ``redis://127.0.0.1:6379/3``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import pytest
import socketio
from rq import Queue
from rq.job import Job
from rq.registry import FinishedJobRegistry, ScheduledJobRegistry, StartedJobRegistry

from dialog.extensions import db
from dialog.extensions import socketio as app_socketio
from dialog.jobs import enqueue
from dialog.jobs.redis_queue import QUEUE
from dialog.models import Process
from phases.inventering.map import analysis_requests
from phases.inventering.map.analysis_jobs import analyse_process
from phases.inventering.map.analysis_requests import TARGET
from phases.inventering.map.scheduler import BUSY_SHARE, INTERVAL_SECONDS, scheduler_for
from tests.jobs.conftest import REDIS_URL, lines, wait_for
from tests.realserver import ROOT, seed_demo, server_env, start_server
from tests.test_real_server import connect, post_json

RETITLE = "tests.jobs.sample_jobs:retitle"


def title_of(process_id: int) -> str:
    with db.transaction() as session:
        process = session.get(Process, process_id)
        assert process is not None
        return process.title


def test_a_job_runs_in_the_worker_and_commits(app, world, job_log, jobs_mode, redis_db,
                                              start_worker):
    jobs_mode(mode="redis", redis_url=REDIS_URL)
    enqueue(RETITLE, process_id=world.process_id, title="Arbetaren", log=str(job_log))
    assert len(Queue(QUEUE, connection=redis_db)) == 1

    worker = start_worker("--burst")
    assert worker.process.wait(timeout=120) == 0, worker.log.read_text()

    [line] = lines(job_log)
    title, pid, app_name = line.split()
    assert (title, app_name) == ("Arbetaren", "dialog")  # in the worker's app context
    assert int(pid) not in (os.getpid(), worker.process.pid)  # in a forked work horse
    assert title_of(world.process_id) == "Arbetaren"
    assert FinishedJobRegistry(QUEUE, connection=redis_db).count == 1


def test_jobs_with_the_same_id_coalesce_while_queued(app, world, job_log, jobs_mode, redis_db,
                                                     start_worker):
    jobs_mode(mode="redis", redis_url=REDIS_URL)
    for title in ("Ett", "Två", "Tre"):
        enqueue(RETITLE, job_id=f"retitle:{world.process_id}", process_id=world.process_id,
                title=title, log=str(job_log))
    enqueue(RETITLE, job_id="another", process_id=world.process_id, title="Annan",
            log=str(job_log))
    assert len(Queue(QUEUE, connection=redis_db)) == 2

    worker = start_worker("--burst")
    assert worker.process.wait(timeout=120) == 0, worker.log.read_text()

    assert [line.split()[0] for line in lines(job_log)] == ["Ett", "Annan"]
    # Started, the job gave its id back: the same request now queues a new job.
    enqueue(RETITLE, job_id=f"retitle:{world.process_id}", process_id=world.process_id,
            title="Fyra", log=str(job_log))
    assert len(Queue(QUEUE, connection=redis_db)) == 1


@pytest.mark.slow
@pytest.mark.parametrize("when", ["as soon as it is taken", "mid-job"])
def test_a_job_whose_worker_is_killed_is_retried_by_the_next_worker(
        app, world, job_log, jobs_mode, redis_db, start_worker, when):
    jobs_mode(mode="redis", redis_url=REDIS_URL)
    enqueue(RETITLE, job_id="kill-me", process_id=world.process_id, title="Överlevde",
            log=str(job_log))
    doomed = start_worker(DIALOG_JOBS_PAUSE="60")
    started = StartedJobRegistry(QUEUE, connection=redis_db)
    wait_for(lambda: started.get_job_ids(cleanup=False), seconds=120)
    if when == "mid-job":  # in the work horse, pausing before the function
        [job_id] = started.get_job_ids(cleanup=False)
        wait_for(lambda: Job.fetch(job_id, connection=redis_db).get_status() == "started")

    doomed.kill()  # the worker and its work horse, mid-job (SIGKILL, no goodbye)
    assert lines(job_log) == []

    start_worker()
    wait_for(lambda: lines(job_log), seconds=40)
    wait_for(lambda: FinishedJobRegistry(QUEUE, connection=redis_db).count == 1)
    [line] = lines(job_log)  # done once, by the new worker
    assert line.split()[0] == "Överlevde"
    assert title_of(world.process_id) == "Överlevde"
    assert started.get_job_ids(cleanup=False) == []


def test_with_redis_a_stale_map_is_served_as_stored_and_the_worker_asked(
        app, client, world, jobs_mode, redis_db):
    jobs_mode(mode="redis", redis_url=REDIS_URL)
    url = f"/api/v1/processes/{world.process_id}/map"
    auth = {"Authorization": f"Bearer {world.facilitator_token}"}
    first = client.get(url, headers=auth)
    assert first.status_code == 200
    assert len(Queue(QUEUE, connection=redis_db)) == 0  # never computed: computed here, once

    with db.transaction() as session:  # the inputs change: the stored map is stale
        session.get(Process, world.process_id).language = "en"
    again = [client.get(url, headers=auth) for _ in range(3)]

    assert [answer.get_json() for answer in again] == [first.get_json()] * 3
    queued = Queue(QUEUE, connection=redis_db)
    assert len(queued) == 1  # three views, one job
    assert queued.jobs[0].args[:1] == (TARGET,)


def test_the_worker_tells_every_server_how_long_a_map_kept_it_busy(
        app, client, world, jobs_mode, redis_db):
    jobs_mode(mode="redis", redis_url=REDIS_URL)
    with db.transaction() as session:  # what the worker runs for the job
        analyse_process(session, world.process_id)
    busy = analysis_requests.last_busy_seconds(world.process_id)
    assert busy > 0

    scheduler = scheduler_for(app_socketio)
    scheduler.reset()
    clock, interval, settle = scheduler.clock, scheduler.interval, scheduler.settle
    scheduler.clock, scheduler.interval, scheduler.settle = (lambda: 1000.0), 0.0, 0.0
    try:
        scheduler.request(world.process_id)
        assert scheduler.run_pending() == [world.process_id]  # queued for the worker
        scheduler.request(world.process_id)
        assert scheduler.due_in(world.process_id) == pytest.approx(busy / BUSY_SHARE, abs=1e-3)
    finally:
        scheduler.reset()
        scheduler.clock, scheduler.interval, scheduler.settle = clock, interval, settle


def test_a_map_asked_for_sooner_than_the_pace_allows_is_put_off_until_then(
        app, world, jobs_mode, redis_db):
    jobs_mode(mode="redis", redis_url=REDIS_URL)
    with db.transaction() as session:  # a map computed now
        analyse_process(session, world.process_id)
    busy = analysis_requests.last_busy_seconds(world.process_id)
    began = time.time()
    with db.transaction() as session:  # another server's request, run at once
        analyse_process(session, world.process_id)

    scheduled = ScheduledJobRegistry(QUEUE, connection=redis_db)
    [put_off] = scheduled.get_job_ids()
    due = scheduled.get_scheduled_time(put_off).timestamp()
    assert 0 < due - began <= max(INTERVAL_SECONDS, busy / BUSY_SHARE) + 1
    assert len(Queue(QUEUE, connection=redis_db)) == 0
    analysis_requests.request(world.process_id)  # asked again meanwhile: the same job
    assert len(Queue(QUEUE, connection=redis_db)) == 0
    assert scheduled.get_job_ids() == [put_off]


def test_the_worker_needs_redis(tmp_path):
    env = server_env(tmp_path)
    done = subprocess.run([sys.executable, "-m", "dialog", "worker", "--burst"], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert "DIALOG_REDIS_URL" in done.stderr


@pytest.fixture
def cluster(tmp_path, redis_db):
    env = server_env(tmp_path, DIALOG_REDIS_URL=REDIS_URL)
    demo = seed_demo(env)
    server = start_server(env)
    with (tmp_path / "worker.log").open("wb") as sink:
        worker = subprocess.Popen([sys.executable, "-m", "dialog", "worker"], env=env,
                                  cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    yield server, demo
    os.killpg(worker.pid, 15)
    worker.wait(timeout=15)
    server.stop()


@pytest.mark.slow
def test_a_reaction_reaches_the_map_through_the_worker(cluster, redis_db):
    server, demo = cluster
    token = post_json(f"{server.url}/api/v1/auth/token", demo["facilitator"])["token"]
    updates: list[dict] = []
    arrived = threading.Event()
    console = socketio.Client(reconnection=False)

    @console.on("map:update", namespace="/live")
    def _on_update(data: dict) -> None:
        updates.append(data)
        arrived.set()

    console.connect(server.url, namespaces=["/live"], auth={"token": token},
                    transports=["websocket"], wait_timeout=10)
    watched = console.call("map:watch", {"process_id": demo["process_id"]}, namespace="/live",
                           timeout=30)
    assert watched["ok"] is True, watched
    before = watched["map"]["counts"]["reactions"]

    joined = post_json(f"{server.url}/api/v1/join", {"join_code": demo["join_code"]})
    phone = connect(server.url, joined["participant_token"])
    card = phone.call("vote:next", {}, namespace="/live", timeout=30)
    assert card["ok"] is True, card
    ack = phone.call("vote:submit", {"perspective_id": card["perspective"]["id"],
                                     "vote": "agree"}, namespace="/live", timeout=30)
    assert ack["ok"] is True, ack

    assert arrived.wait(90), "no map:update arrived"
    wait_for(lambda: any(u["map"]["counts"]["reactions"] == before + 1 for u in updates), 90)
    assert {u["process_id"] for u in updates} == {demo["process_id"]}
    # The job sends map:update before it returns, and RQ files it as finished only after:
    # wait for the registry rather than race it.
    done = FinishedJobRegistry(QUEUE, connection=redis_db)

    def made_by_the_worker() -> bool:
        jobs = [done.job_class.fetch(job_id, connection=redis_db)
                for job_id in done.get_job_ids()]
        return any(job.args[0] == TARGET for job in jobs)

    wait_for(made_by_the_worker, 30)  # the worker made it, not the server
    phone.disconnect()
    console.disconnect()

"""`dialog worker` over a real Redis: jobs run in the worker, coalesce, survive a SIGKILL.

Skipped with a reason when no Redis answers at ``DIALOG_TEST_JOBS_REDIS_URL``
(default ``redis://127.0.0.1:6379/3``).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from rq import Queue
from rq.job import Job
from rq.registry import FinishedJobRegistry, StartedJobRegistry

from dialog.extensions import db
from dialog.jobs import enqueue
from dialog.jobs.redis_queue import QUEUE
from dialog.models import Process
from tests.jobs.conftest import REDIS_URL, lines, wait_for
from tests.realserver import ROOT, server_env

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


def test_the_worker_needs_redis(tmp_path):
    env = server_env(tmp_path)
    done = subprocess.run([sys.executable, "-m", "dialog", "worker", "--burst"], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert "DIALOG_REDIS_URL" in done.stderr

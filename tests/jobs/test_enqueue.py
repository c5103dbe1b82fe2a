"""`enqueue` without Redis: checked arguments, inline runs after the commit, the job child."""

from __future__ import annotations

import os
import time

import pytest

from dialog.extensions import db
from dialog.jobs import embedded, enqueue
from dialog.models import Process
from tests.jobs.conftest import lines, wait_for

RETITLE = "tests.jobs.sample_jobs:retitle"


def title_of(process_id: int) -> str:
    with db.transaction() as session:
        process = session.get(Process, process_id)
        assert process is not None
        return process.title


def test_the_public_api_is_enqueue():
    import dialog.jobs

    assert dialog.jobs.__all__ == ["enqueue"]


@pytest.mark.parametrize(("target", "kwargs", "error"), [
    ("tests.jobs.sample_jobs.retitle", {}, ValueError),
    ("not a module:fn", {}, ValueError),
    (RETITLE, {"title": 1.5}, TypeError),
    (RETITLE, {"flag": True}, TypeError),
    (RETITLE, {"title": None}, TypeError),
])
def test_a_malformed_job_is_refused_when_enqueued(app, target, kwargs, error):
    with pytest.raises(error):
        enqueue(target, **kwargs)


def test_inline_a_job_runs_at_once_in_the_app_and_commits(app, world, job_log):
    enqueue(RETITLE, process_id=world.process_id, title="Klart", log=str(job_log))

    assert title_of(world.process_id) == "Klart"
    assert lines(job_log) == [f"Klart {os.getpid()} dialog"]


def test_a_job_enqueued_inside_a_transaction_waits_for_its_commit(app, world, job_log):
    with db.transaction() as session:
        session.get(Process, world.process_id).title = "Först"
        enqueue(RETITLE, process_id=world.process_id, title="Sedan", log=str(job_log))
        assert lines(job_log) == []  # not yet: the rows it needs are not committed

    assert lines(job_log) == [f"Sedan {os.getpid()} dialog"]
    assert title_of(world.process_id) == "Sedan"


def test_a_job_of_a_transaction_that_rolls_back_is_dropped(app, world, job_log):
    def failing_request() -> None:
        with db.transaction() as session:
            session.get(Process, world.process_id)
            enqueue(RETITLE, process_id=world.process_id, title="Aldrig", log=str(job_log))
            raise RuntimeError("the request failed")

    with pytest.raises(RuntimeError):
        failing_request()

    assert lines(job_log) == []
    assert title_of(world.process_id) == "Trygghet i Varberg"


def test_inline_a_failing_job_is_tried_three_times_and_logged(app, job_log, caplog):
    enqueue("tests.jobs.sample_jobs:fail", log=str(job_log))
    assert len(lines(job_log)) == 3
    assert "failed (attempt 3 of 3)" in caplog.text


def child_jobs(settings, **env: str) -> embedded.EmbeddedJobs:
    from dialog.jobs.runner import child_environment

    return embedded.EmbeddedJobs({**child_environment(settings), "PYTHONPATH": os.getcwd(),
                                  **env})


def test_the_embedded_fallback_runs_a_job_in_a_child_process(app, settings, world, job_log,
                                                              jobs_mode):
    from dialog.jobs.runner import child_environment

    env = {**child_environment(settings), "PYTHONPATH": os.getcwd()}
    jobs_mode(mode="child", child_env=env)
    enqueue(RETITLE, process_id=world.process_id, title="Barnet", log=str(job_log))
    jobs = embedded.for_environment(env)

    assert jobs.drain(60)
    [line] = lines(job_log)
    title, pid, _app = line.split()
    assert title == "Barnet"
    assert int(pid) not in (os.getpid(), 0)
    assert int(pid) == jobs.runner.child.pid
    assert title_of(world.process_id) == "Barnet"


def test_a_killed_job_child_is_restarted_and_the_job_retried(app, settings, world, job_log):
    from dialog.jobs import queue

    queue.configure(mode="inline")
    jobs = child_jobs(settings, DIALOG_JOBS_PAUSE="3")
    try:
        from dialog.jobs.targets import make

        jobs.submit(make(RETITLE, None, {"process_id": world.process_id, "title": "Igen",
                                         "log": str(job_log)}))
        wait_for(lambda: jobs.runner.child is not None)
        first = jobs.runner.child
        time.sleep(1.0)  # the job is in the child, pausing before it starts
        first.kill()

        assert jobs.drain(60)
        assert jobs.runner.starts == 2
        assert jobs.done == 1
        [line] = lines(job_log)  # ran to the end once: in the second child
        assert line.split()[:2] == ["Igen", str(jobs.runner.child.pid)]
        assert title_of(world.process_id) == "Igen"
    finally:
        jobs.close()


def test_the_embedded_queue_coalesces_jobs_with_the_same_id(app, settings, world, job_log):
    from dialog.jobs.targets import make

    jobs = child_jobs(settings, DIALOG_JOBS_PAUSE="0.5")
    try:
        def retitle(title: str, job_id: str):
            return make(RETITLE, job_id, {"process_id": world.process_id, "title": title,
                                          "log": str(job_log)})

        jobs.submit(retitle("A", "a"))  # taken at once by the worker thread
        for title in ("B1", "B2", "B3"):
            jobs.submit(retitle(title, "b"))  # waiting: one job "b"

        assert jobs.drain(60)
        assert [line.split()[0] for line in lines(job_log)] == ["A", "B1"]
    finally:
        jobs.close()


GEVENT_PROBE = """
from gevent import monkey
monkey.patch_all()
import sys
from dialog.config import Settings
from dialog.jobs import embedded, enqueue, queue
from dialog.web.app import create_app

settings = Settings(database_url=sys.argv[1], secret_key="probe", instance_dir=__import__(
    "pathlib").Path(sys.argv[2]))
create_app(settings, async_mode="gevent")
print(queue.configuration().mode)
enqueue("tests.jobs.sample_jobs:retitle", process_id=int(sys.argv[3]), title="Gevent",
        log=sys.argv[4])
[jobs] = embedded._instances.values()
print(jobs.drain(120), jobs.done)
embedded.close_all()
"""


def test_under_a_gevent_server_jobs_go_to_the_child_by_default(app, settings, world, job_log,
                                                                tmp_path):
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("DIALOG_")}
    done = subprocess.run(
        [sys.executable, "-c", GEVENT_PROBE, settings.database_url, str(tmp_path / "i"),
         str(world.process_id), str(job_log)],
        env={**env, "PYTHONPATH": os.getcwd()}, capture_output=True, text=True, timeout=180,
        check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["child", "True", "1"]
    [line] = lines(job_log)
    assert line.split()[0] == "Gevent"
    assert title_of(world.process_id) == "Gevent"


def test_a_job_asked_for_before_a_savepoint_waits_for_the_outer_commit(app):
    """Releasing a SAVEPOINT is not the commit the job waits for."""
    from sqlalchemy import text

    from dialog.jobs import transactions

    with app.app_context(), db.transaction() as session:
        session.execute(text("SELECT 1"))
        with session.begin_nested():
            session.execute(text("SELECT 1"))
        assert transactions.open_session() is session

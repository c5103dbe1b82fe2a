"""Fixtures for the job tests: a log file jobs write to, the job mode, Redis, `dialog worker`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from dialog.jobs import embedded, queue
from tests.realserver import ROOT, server_env

#: The job tests' own Redis database (other tests use other numbers).
REDIS_URL = os.environ.get("DIALOG_TEST_JOBS_REDIS_URL", "redis://127.0.0.1:6379/3")


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def wait_for(condition: Callable[[], object], seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {seconds} s: {condition}")
        time.sleep(0.05)


@pytest.fixture
def job_log(tmp_path: Path) -> Path:
    return tmp_path / "jobs.log"


@pytest.fixture
def jobs_mode() -> Iterator[Callable[..., queue.Configuration]]:
    """Factory: configure where jobs go for this test; the previous choice comes back after."""
    before = queue._configuration
    yield queue.configure
    queue._configuration = before
    embedded.close_all()


@pytest.fixture
def redis_db():
    """The job tests' Redis database, emptied; the test is skipped when no Redis answers."""
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_timeout=2)
    try:
        client.ping()
    except redis.exceptions.RedisError as exc:
        pytest.skip(f"no Redis at {REDIS_URL} ({exc}): the worker tests need a real one")
    client.flushdb()
    yield client
    client.flushdb()


@dataclass
class WorkerProcess:
    process: subprocess.Popen[bytes]
    log: Path

    def kill(self) -> None:
        """SIGKILL the worker with its work horse (the whole process group)."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def start_worker(tmp_path: Path, settings, redis_db) -> Iterator[Callable[..., WorkerProcess]]:
    """Factory: a real `dialog worker` on the test's database and Redis, in its own group."""
    started: list[WorkerProcess] = []

    def start(*args: str, **extra_env: str) -> WorkerProcess:
        env = server_env(tmp_path / "worker-instance", DIALOG_DATABASE_URL=settings.database_url,
                         DIALOG_REDIS_URL=REDIS_URL, PYTHONPATH=str(ROOT), **extra_env)
        log = tmp_path / f"worker-{len(started)}.log"
        with log.open("wb") as sink:
            process = subprocess.Popen([sys.executable, "-m", "dialog", "worker", *args],
                                       env=env, cwd=ROOT, stdout=sink,
                                       stderr=subprocess.STDOUT, start_new_session=True)
        worker = WorkerProcess(process, log)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()

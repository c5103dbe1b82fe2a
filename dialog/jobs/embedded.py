"""``child`` mode: jobs of a server without Redis, run one at a time in a local child process.

``submit`` only queues the job (coalescing on ``job_id`` while it waits) and returns; a
background thread (a greenlet under gevent) hands the jobs to one ``dialog.jobs.child``
process over a pipe and waits on the pipe, so neither the request nor the live loop runs
them. A child that dies mid-job is restarted and the job retried (``ChildRunner``); a job that
fails is tried again ``ATTEMPTS`` times in all, ``RETRY_SECONDS`` apart. Jobs queued here
live in memory: when the server stops, whoever needs them enqueues them again (idempotent).
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import deque

from dialog.jobs.child_runner import ChildDied, ChildRunner
from dialog.jobs.targets import Job

log = logging.getLogger(__name__)

ATTEMPTS = 3
RETRY_SECONDS = 1.0


class EmbeddedJobs:
    """A queue in memory, worked off by one thread through one child process."""

    def __init__(self, env: dict[str, str] | None = None) -> None:
        self.runner = ChildRunner("dialog.jobs.child", env={**(env or {}),
                                                            "DIALOG_JOBS": "inline"})
        self.done = 0
        self.failed = 0
        self._pending: deque[Job] = deque()
        self._waiting_ids: set[str] = set()
        self._lock = threading.Lock()
        self._idle = threading.Event()
        self._idle.set()

    def submit(self, job: Job) -> None:
        """Queue a job unless one with the same ``job_id`` waits already."""
        with self._lock:
            if job.job_id is not None:
                if job.job_id in self._waiting_ids:
                    return
                self._waiting_ids.add(job.job_id)
            self._pending.append(job)
            start = self._idle.is_set()
            self._idle.clear()
        if start:
            threading.Thread(target=self._work, name="dialog-jobs", daemon=True).start()

    def drain(self, timeout: float | None = None) -> bool:
        """Wait until every queued job ran (or gave up); False on timeout."""
        return self._idle.wait(timeout)

    def close(self) -> None:
        self.runner.close()

    def _work(self) -> None:
        while True:
            with self._lock:
                if not self._pending:
                    self._idle.set()
                    return
                job = self._pending.popleft()
                if job.job_id is not None:
                    self._waiting_ids.discard(job.job_id)
            self._run(job)

    def _run(self, job: Job) -> None:
        message = json.dumps(job.as_message())
        for attempt in range(1, ATTEMPTS + 1):
            try:
                answer = self.runner.ask(message)
            except ChildDied as exc:
                answer = {"ok": False, "error": str(exc)}
            if answer.get("ok"):
                self.done += 1
                return
            log.warning("job %s failed (attempt %s of %s): %s", job.target, attempt, ATTEMPTS,
                        answer.get("error"))
            if attempt < ATTEMPTS:
                time.sleep(RETRY_SECONDS)
        self.failed += 1
        log.error("job %s (%s) gave up after %s attempts", job.target, job.job_id, ATTEMPTS)


_instances: dict[str, EmbeddedJobs] = {}
_instances_lock = threading.Lock()


def for_environment(env: dict[str, str]) -> EmbeddedJobs:
    """The one embedded queue of this process for a child environment (one per database)."""
    key = json.dumps(env, sort_keys=True)
    with _instances_lock:
        found = _instances.get(key)
        if found is None:
            found = _instances[key] = EmbeddedJobs(env)
        return found


def close_all() -> None:
    """Stop every job child of this process (tests; a server lets them die with it)."""
    with _instances_lock:
        instances = list(_instances.values())
        _instances.clear()
    for instance in instances:
        instance.close()

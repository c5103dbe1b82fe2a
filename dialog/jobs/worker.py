"""The RQ worker behind ``dialog worker``, and the recovery of jobs whose worker died.

RQ retries a job whose work horse dies (the worker watching it sees the exit). When the
worker dies with its horse (SIGKILL of the process group, a machine gone), nobody sees it:
the job stays "started" until its execution's heartbeat runs out (a minute or more) and
RQ's registry cleanup, run every ``maintenance_interval``, hands it to its abandoned-job
handling (retry while retries are left, else failed). ``recover_abandoned`` does that at
once for a job whose worker is known dead: its Redis key is gone, its heartbeat is older
than ``STALE_SECONDS``, or it ran on this machine under a pid that no longer exists. The
worker runs it at its start and at every maintenance (every ``MAINTENANCE_SECONDS``).
"""

from __future__ import annotations

import logging
import os
import socket
from datetime import UTC, datetime

from redis import Redis
from rq import Queue, Worker
from rq.exceptions import NoSuchJobError
from rq.executions import Execution
from rq.job import Job, JobStatus
from rq.registry import StartedJobRegistry
from rq.scheduler import SCHEDULER_KEY_TEMPLATE, RQScheduler
from rq.scripts import release_lock
from rq.utils import utcparse

log = logging.getLogger(__name__)

#: Seconds between a busy worker's heartbeats (RQ's default is 30).
MONITORING_SECONDS = 5
#: Seconds between maintenance runs (RQ's default is 600): abandoned jobs, registries.
MAINTENANCE_SECONDS = 30
#: A busy worker silent this long is dead.
STALE_SECONDS = 4 * MONITORING_SECONDS + 10


class DialogWorker(Worker):
    """RQ's forking worker, which also recovers jobs of dead workers at each maintenance."""

    def run_maintenance_tasks(self) -> None:
        freed = False
        for queue in self.queues:
            recover_abandoned(queue)
            freed = release_dead_scheduler_lock(queue) or freed
        if freed and self.scheduler is not None and not self.scheduler.acquired_locks:
            # Retries wait in the scheduled registry: someone must move them when due.
            self.scheduler.acquire_locks(auto_start=True)  # type: ignore[no-untyped-call]
        super().run_maintenance_tasks()  # type: ignore[no-untyped-call]


def recover_abandoned(queue: Queue) -> list[str]:
    """Hand the started jobs of dead workers to RQ's abandoned-job handling; return their ids."""
    registry = StartedJobRegistry(queue.name, connection=queue.connection)
    dead: list[str] = []
    for job_id, execution_id in registry.get_job_and_execution_ids(cleanup=False):
        try:
            execution = Execution.fetch(execution_id, job_id, connection=queue.connection)
        except ValueError:
            continue  # its record expired: RQ's own cleanup takes it
        if _worker_is_dead(queue.connection, execution.worker_name):
            _mark_started(queue, job_id)
            # Expire this execution now; RQ's cleanup then retries or fails its job.
            queue.connection.zadd(registry.key, {execution.composite_key: 1}, xx=True)
            dead.append(job_id)
    if dead:
        log.warning("jobs of dead workers on %s: %s", queue.name, ", ".join(dead))
        registry.cleanup(timestamp=1)
    return dead


def _mark_started(queue: Queue, job_id: str) -> None:
    """A worker killed after taking a job but before its horse started it left it "queued"
    while in no queue; RQ's cleanup only retries "started" jobs, and would drop it."""
    try:
        job = Job.fetch(job_id, connection=queue.connection)
    except NoSuchJobError:
        return
    if job.get_status(refresh=False) == JobStatus.QUEUED:
        job.set_status(JobStatus.STARTED)


def release_dead_scheduler_lock(queue: Queue) -> bool:
    """Free a queue's scheduler lock held by a dead scheduler on this machine (True if freed).

    The scheduler (a process of some worker) moves retries to the queue when due; its lock
    outlives a SIGKILL by a minute, and the retries would wait that long.
    """
    redis = queue.connection
    key = RQScheduler.get_locking_key(queue.name)
    owner = redis.get(key)
    if owner is None:
        return False
    stored = redis.hgetall(SCHEDULER_KEY_TEMPLATE % _text(owner))
    fields = {_text(name): _text(value) for name, value in stored.items()}
    pid = fields.get("pid", "")
    if fields and (fields.get("hostname") != socket.gethostname() or not pid.isdigit()
                   or int(pid) == 0 or _alive(int(pid))):
        return False
    return bool(release_lock(redis, key, _text(owner)))


def _worker_is_dead(redis: Redis, worker_name: str) -> bool:
    if not worker_name:
        return False
    stored = redis.hgetall(f"{Worker.redis_worker_namespace_prefix}{worker_name}")
    fields = {_text(key): _text(value) for key, value in stored.items()}
    if not fields or "death" in fields:
        return True
    heartbeat = fields.get("last_heartbeat")
    if heartbeat:
        seen = utcparse(heartbeat)
        if seen.tzinfo is None:
            seen = seen.replace(tzinfo=UTC)
        if (datetime.now(UTC) - seen).total_seconds() > STALE_SECONDS:
            return True
    if fields.get("hostname") == socket.gethostname() and fields.get("pid", "").isdigit():
        return not _alive(int(fields["pid"]))
    return False


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


def work(redis_url: str, queue_names: list[str], *, burst: bool = False,
         name: str | None = None) -> bool:
    """Run a worker on the queues until stopped (or, with ``burst``, until they are empty)."""
    from dialog.jobs.redis_queue import connection

    redis = connection(redis_url)
    worker = DialogWorker([Queue(queue, connection=redis) for queue in queue_names],
                          connection=redis, name=name, job_monitoring_interval=MONITORING_SECONDS,
                          maintenance_interval=MAINTENANCE_SECONDS)
    return bool(worker.work(burst=burst, with_scheduler=True, logging_level="INFO"))

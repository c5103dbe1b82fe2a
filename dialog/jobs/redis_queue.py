"""``redis`` mode: jobs on an RQ queue in Redis, run by ``dialog worker``.

Coalescing: a job with a ``job_id`` takes the key ``dialog:jobs:queued:<job_id>`` (SET NX)
before it is queued, and gives it back when a worker starts it; while the key is held an
equal job is not queued again, and a job asked for while an equal one runs is queued (the
running one may have read too early). The RQ job itself gets a fresh id. A job sent with
a delay (``send(..., delay=)``) waits in RQ's scheduled registry holding its key, so equal
requests meanwhile coalesce with it.

Retries: every job carries ``Retry(max=RETRIES, interval=RETRY_INTERVALS)``: one that raises,
or whose work horse dies, is tried again after the interval; the worker's scheduler moves it
back to the queue. A worker killed whole (SIGKILL, the machine gone) leaves its job in RQ's
StartedJobRegistry; ``recovery`` finds it and hands it to RQ's own abandoned-job handling,
which uses the same retries.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import cache
from typing import Any
from uuid import uuid4

from redis import Redis
from rq import Queue, Retry, get_current_job

from dialog.jobs.targets import Job

log = logging.getLogger(__name__)

#: The queue ``dialog worker`` works by default.
QUEUE = "dialog"
RETRIES = 3
#: Seconds before the first, second and third retry.
RETRY_INTERVALS = [1, 5, 30]
#: Longest a job may run (the PDF of a town-wide round is the longest).
JOB_TIMEOUT_SECONDS = 30 * 60
#: How long a coalescing key lives if its job is lost (Redis flushed under it, say).
MARKER_SECONDS = 60 * 60
MARKER = "dialog:jobs:queued:{}"


@cache
def connection(url: str) -> Redis:
    """One Redis client per URL and process."""
    return Redis.from_url(url)


def send(url: str, job: Job, *, queue_name: str = QUEUE, delay: float = 0.0) -> str | None:
    """Queue a job (``delay`` seconds from now: the worker's scheduler moves it to the queue
    then); return its RQ id, or None when an equal job waits already."""
    redis = connection(url)
    rq_id = uuid4().hex
    marker = MARKER.format(job.job_id) if job.job_id else None
    if marker is not None and not redis.set(marker, rq_id, nx=True, ex=MARKER_SECONDS):
        return None
    options: dict[str, Any] = {
        "job_id": rq_id, "retry": Retry(max=RETRIES, interval=RETRY_INTERVALS),
        "job_timeout": JOB_TIMEOUT_SECONDS, "description": f"{job.target} {job.job_id or ''}"}
    queue = Queue(queue_name, connection=redis)
    try:
        if delay > 0:
            queue.enqueue_in(timedelta(seconds=delay), perform, job.target, dict(job.kwargs),
                             job.job_id, **options)
        else:
            queue.enqueue(perform, job.target, dict(job.kwargs), job.job_id, **options)
    except Exception:
        if marker is not None:
            redis.delete(marker)
        raise
    return rq_id


def perform(target: str, kwargs: dict[str, Any], job_id: str | None) -> None:
    """What the RQ work horse runs: give back the coalescing key, then run the job."""
    from dialog.jobs.runner import run_job

    current = get_current_job()
    if job_id is not None and current is not None:
        marker = MARKER.format(job_id)
        if current.connection.get(marker) == current.id.encode():
            current.connection.delete(marker)
    run_job(Job(target, kwargs, job_id))

"""Ask ``dialog worker`` for a process's map (``redis`` mode), and serve what is stored.

With Redis no server process computes a map: the scheduler and a map view enqueue the job
``analysis_jobs.analyse_process`` (one job id per process, so requests coalesce across the
servers), and a view of a stale map is answered with the stored one; the worker's
``map:update`` follows. Without Redis the server computes as before (``analysis_runs``).

The worker keeps the scheduler's pace for the whole cluster: it leaves in Redis when it
last began a process's map and how long that job kept it busy, and a job that comes sooner
than the scheduler's interval (or the busy time over ``BUSY_SHARE``) after the last one
began is put off until then (``wait_before_next``, ``request_later``). Every server process
spaces its own requests, but two servers would otherwise ask twice as often as one.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.jobs import enqueue
from dialog.jobs import queue as jobs_queue
from dialog.models import AnalysisSnapshot, Process
from phases.inventering.map.analysis_inputs import fingerprint

TARGET = "phases.inventering.map.analysis_jobs:analyse_process"
#: Where the worker leaves how long a process's last computed map kept it busy (seconds).
BUSY_KEY = "dialog:map:busy:{}"
#: Where the worker leaves when it last began a process's map (seconds since the epoch).
BEGAN_KEY = "dialog:map:began:{}"
BUSY_KEY_SECONDS = 60 * 60
#: A job put off by less than this runs now (the scheduler's clock is a second's grain).
LEAST_WAIT_SECONDS = 0.05


def job_id(process_id: int) -> str:
    return f"map:{process_id}"


def in_worker() -> bool:
    """Is the map computed by ``dialog worker`` (jobs go to Redis)?"""
    return jobs_queue.configuration().mode == "redis"


def request(process_id: int) -> None:
    """Enqueue the analysis of a process (coalesced with one already waiting)."""
    enqueue(TARGET, job_id=job_id(process_id), process_id=process_id)


def record_busy_seconds(process_id: int, seconds: float) -> None:
    """Tell every server process how long the last computed map of a process took."""
    from dialog.jobs import redis_queue  # rq only where jobs go to Redis

    url = jobs_queue.configuration().redis_url
    if url:
        redis_queue.connection(url).set(BUSY_KEY.format(process_id), f"{seconds:.3f}",
                                        ex=BUSY_KEY_SECONDS)


def record_began(process_id: int) -> None:
    """Tell every worker and server that a map of the process is being computed now."""
    from dialog.jobs import redis_queue

    url = jobs_queue.configuration().redis_url
    if url:
        redis_queue.connection(url).set(BEGAN_KEY.format(process_id), f"{time.time():.3f}",
                                        ex=BUSY_KEY_SECONDS)


def wait_before_next(process_id: int) -> float:
    """Seconds until the next map of a process may begin, cluster-wide (0: now): the last
    began ``max(INTERVAL_SECONDS, busy / BUSY_SHARE)`` before that."""
    from redis.exceptions import RedisError

    from dialog.jobs import redis_queue
    from phases.inventering.map.scheduler import BUSY_SHARE, INTERVAL_SECONDS

    url = jobs_queue.configuration().redis_url
    if not url:
        return 0.0
    try:
        busy, began = redis_queue.connection(url).mget(BUSY_KEY.format(process_id),
                                                       BEGAN_KEY.format(process_id))
        if began is None:
            return 0.0
        spacing = max(INTERVAL_SECONDS, float(busy or 0.0) / BUSY_SHARE)
        wait = float(began) + spacing - time.time()
    except (RedisError, ValueError):
        return 0.0
    return wait if wait >= LEAST_WAIT_SECONDS else 0.0


def request_later(process_id: int, seconds: float) -> None:
    """Queue the analysis of a process ``seconds`` from now (coalesced with one waiting)."""
    from dialog.jobs import redis_queue
    from dialog.jobs.targets import make

    url = jobs_queue.configuration().redis_url
    if url:
        redis_queue.send(url, make(TARGET, job_id(process_id), {"process_id": process_id}),
                         delay=seconds)


def last_busy_seconds(process_id: int) -> float:
    """How long the worker's last computed map of a process took (0 when unknown)."""
    from redis.exceptions import RedisError

    from dialog.jobs import redis_queue

    url = jobs_queue.configuration().redis_url
    try:
        stored = redis_queue.connection(url).get(BUSY_KEY.format(process_id)) if url else None
        return float(stored) if stored else 0.0
    except (RedisError, ValueError):
        return 0.0  # Redis away: the scheduler's own interval still holds


def stored_or_requested(session: Session, process: Process) -> dict[str, Any] | None:
    """The stored map (asking the worker for a fresh one if it is stale), None if none is."""
    stored = session.execute(
        select(AnalysisSnapshot.fingerprint, AnalysisSnapshot.result, AnalysisSnapshot.seed)
        .where(AnalysisSnapshot.process_id == process.id)).first()
    if stored is None or stored.seed != 0:
        return None
    if stored.fingerprint != fingerprint(session, process):
        request(process.id)
    return dict(stored.result or {})

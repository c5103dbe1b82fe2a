"""The map as a job (``redis`` mode): ``dialog worker`` analyses a process and sends its map.

The server's scheduler (and a view of a stale map) enqueues ``analyse_process`` with
``job_id="map:<process id>"`` (``analysis_requests``) so requests for one process coalesce
across every server process; the worker computes and
stores the snapshot (unless the stored one is fresh), then emits ``map:update`` to the
process's rooms through the Socket.IO message queue in Redis. Idempotent: a retry recomputes
or finds the snapshot fresh, and sends the same map again.

A job that comes sooner after the last map of its process than the scheduler's pace allows
(another server asked) is put off until then (``analysis_requests.wait_before_next``). The
busy time left for the servers is the whole job's, from its start to the map sent (reading,
computing, storing, reading back and sending), not only the computing.
"""

from __future__ import annotations

import time

from sqlalchemy.orm import Session

from dialog.extensions import socketio
from phases.inventering.map import analysis_requests, analysis_runs
from phases.inventering.map.analysis_child import analyse_and_store
from phases.inventering.map.map_broadcast import send_map

#: The Socket.IO namespace of the live events (``dialog.live.NAMESPACE``).
NAMESPACE = "/live"


def analyse_process(session: Session, process_id: int) -> None:
    """Compute and store the process's map if it is stale, then send it to its rooms."""
    wait = analysis_requests.wait_before_next(process_id)
    if wait > 0:
        analysis_requests.request_later(process_id, wait)
        return
    started = time.perf_counter()
    analysis_requests.record_began(process_id)
    # Its own two transactions (read and compute, then store): see analysis_child.
    answer = analyse_and_store(process_id)
    if not answer.get("ok"):
        return  # the process is gone: nothing to analyse, nobody to tell
    snapshot = analysis_runs.latest_snapshot(session, process_id)
    if snapshot is not None:
        send_map(socketio, NAMESPACE, process_id, dict(snapshot.result or {}))
    if answer.get("computed"):  # the servers space the next request by it (BUSY_SHARE)
        analysis_requests.record_busy_seconds(process_id, time.perf_counter() - started)

"""Run the analysis off the request path: coalesced per process, at most every ~2 s.

Domain signals (a perspective approved, hidden or submitted approved, a reaction, a link)
ask for a run; requests for the same process coalesce until it is due. A due process is
analysed in a background task (a greenlet under gevent, a thread otherwise), the snapshot
is stored, and ``map:update`` goes to the process's facilitator and projector rooms.

Under a server the computing itself happens in a child process (``analysis_child``), so
the gevent loop that answers the phones never runs numpy or scikit-learn; the loop only
waits on a pipe and then reads the stored snapshot to send it. A child killed mid-job is
started again and the job retried. ``DIALOG_ANALYSIS_IN_CHILD`` (default: on in the
background, off under test) chooses; ``runner`` can be set directly.

With Redis (``DIALOG_JOBS=redis``, the default when ``DIALOG_REDIS_URL`` is set) a due
process is not analysed here at all: it is enqueued as the job ``analysis_jobs`` (one job id
per process, so the requests of every server process coalesce) and ``dialog worker``
computes, stores and sends ``map:update`` through the Socket.IO message queue
(``analysis_requests``).

Tests drive it synchronously: with ``TESTING`` (or ``DIALOG_ANALYSIS_IN_BACKGROUND=False``)
no task is started and ``run_pending()`` does the work; ``clock`` can be replaced.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from flask import current_app, has_app_context
from flask_socketio import SocketIO

from dialog import events
from dialog.database import writer_turn
from dialog.extensions import db
from dialog.models import Process
from phases.inventering.map import analysis_requests, analysis_runs
from phases.inventering.map.analysis_child import ChildRunner
from phases.inventering.map.map_broadcast import send_map

log = logging.getLogger(__name__)

#: At most one analysis per process in this many seconds.
INTERVAL_SECONDS = 2.0
#: Wait this long after the first request so a burst of reactions becomes one run.
SETTLE_SECONDS = 0.2
#: The most of the time a process's analysis may keep what computes it (the child, the
#: worker) busy: a run that computed for ``b`` seconds is followed by one no sooner than
#: ``b / BUSY_SHARE`` seconds after it began, so a large room's map follows it less often
#: instead of taking a core from the phones.
BUSY_SHARE = 0.25


class AnalysisScheduler:
    """Coalesce analysis requests per process and run each process at most once per interval."""

    def __init__(self, socketio: SocketIO, namespace: str) -> None:
        self.socketio = socketio
        self.namespace = namespace
        self.interval = INTERVAL_SECONDS
        self.settle = SETTLE_SECONDS
        self.clock: Callable[[], float] = time.monotonic
        self.runs = 0
        self._pending: dict[int, float] = {}
        self._last_run: dict[int, float] = {}
        #: Per process: the least time between the starts of two runs, from the last one.
        self._spacing: dict[int, float] = {}
        self._lock = threading.Lock()
        self._working = False
        #: Where the analysis runs: a child process, or (None) right here.
        self.runner: ChildRunner | None = None

    def request(self, process_id: int) -> None:
        """Ask for a fresh analysis of a process; starts the background task if allowed."""
        with self._lock:
            self._pending.setdefault(process_id, self.clock())
            start = not self._working and _in_background()
            if start:
                self._working = True
                if self.runner is None and _in_child():
                    engine = db.engine
                    self.runner = ChildRunner(engine.url.render_as_string(hide_password=False),
                                              turn=lambda: writer_turn(engine))
        if start:
            self.socketio.start_background_task(self._work)

    @property
    def pending(self) -> list[int]:
        with self._lock:
            return sorted(self._pending)

    def due_in(self, process_id: int) -> float | None:
        """Seconds until a pending process is due (0 when due now), None if not pending."""
        with self._lock:
            return self._due_in(process_id, self.clock())

    def run_pending(self, *, force: bool = False) -> list[int]:
        """Analyse the processes that are due (all pending ones with ``force``); return them."""
        now = self.clock()
        with self._lock:
            chosen = [pid for pid in sorted(self._pending)
                      if force or (self._due_in(pid, now) or 0.0) <= 0.0]
            for pid in chosen:
                del self._pending[pid]
                self._last_run[pid] = now
        for pid in chosen:
            self._run(pid)
        return chosen

    def reset(self) -> None:
        """Forget everything pending and every last run, and stop the child (for tests)."""
        with self._lock:
            self._pending.clear()
            self._last_run.clear()
            self._spacing.clear()
            self.runs = 0
            runner, self.runner = self.runner, None
        if runner is not None:
            runner.close()

    def _due_in(self, process_id: int, now: float) -> float | None:
        requested = self._pending.get(process_id)
        if requested is None:
            return None
        last = self._last_run.get(process_id)
        due = requested + self.settle
        if last is not None:
            due = max(due, last + max(self.interval, self._spacing.get(process_id, 0.0)))
        return max(due - now, 0.0)

    def _work(self) -> None:
        while True:
            try:
                self.run_pending()
            except Exception:  # keep the loop alive; a broken run must not stop the map
                log.exception("analysis run failed")
            with self._lock:
                now = self.clock()
                waits = [self._due_in(pid, now) or 0.0 for pid in self._pending]
                if not waits:
                    self._working = False
                    return
            self.socketio.sleep(max(min(waits), 0.01))

    def _run(self, process_id: int) -> None:
        if analysis_requests.in_worker():
            analysis_requests.request(process_id)
            self._space(process_id, analysis_requests.last_busy_seconds(process_id))
            self.runs += 1
            return
        try:
            if self.runner is not None:
                answer = self.runner.run(process_id)
                if answer.get("computed"):  # the computing, not the child's start or turn
                    self._space(process_id, float(answer.get("duration_ms", 0.0)) / 1000.0)
                if not answer.get("ok"):
                    log.error("analysis of process %s failed: %s", process_id, answer)
                    return
            if self.runner is not None:  # the child stored it: only read it back
                with db.reading() as session:
                    snapshot = analysis_runs.latest_snapshot(session, process_id)
                    result = dict(snapshot.result or {}) if snapshot is not None else {}
            else:
                with db.transaction() as session:
                    process = session.get(Process, process_id)
                    if process is None:
                        return
                    result, _computed = analysis_runs.refresh(session, process)
        except Exception:
            log.exception("analysis of process %s failed", process_id)
            return
        self.runs += 1
        send_map(self.socketio, self.namespace, process_id, result)


    def _space(self, process_id: int, busy_seconds: float) -> None:
        with self._lock:
            self._spacing[process_id] = busy_seconds / BUSY_SHARE


def _in_background() -> bool:
    """Start background work only inside a running app that is not under test."""
    if not has_app_context():
        return False  # e.g. the CLI importing a conversation: nobody is watching
    config = current_app.config
    return bool(config.get("DIALOG_ANALYSIS_IN_BACKGROUND", not config.get("TESTING")))


def _in_child() -> bool:
    """Compute in a child process (the default for a server; tests may ask for it)."""
    return bool(current_app.config.get("DIALOG_ANALYSIS_IN_CHILD", True))


_schedulers: dict[int, AnalysisScheduler] = {}


def scheduler_for(socketio: SocketIO, namespace: str = "/live") -> AnalysisScheduler:
    """Return the one scheduler of this ``SocketIO`` object, subscribing it on first use."""
    found = _schedulers.get(id(socketio))
    if found is not None:
        return found
    scheduler = _schedulers[id(socketio)] = AnalysisScheduler(socketio, namespace)
    _subscribe(scheduler)
    return scheduler


def _subscribe(scheduler: AnalysisScheduler) -> None:
    def on_perspective(_sender: Any, perspective: dict[str, Any], previous_status: str = "",
                       **_: Any) -> None:
        if "approved" in (perspective.get("status"), previous_status):
            scheduler.request(perspective["process_id"])

    def on_process_change(_sender: Any, process_id: int, **_: Any) -> None:
        scheduler.request(process_id)

    # weak=False: these closures live as long as the scheduler, which lives as long as the app.
    events.perspective_submitted.connect(on_perspective, weak=False)
    events.perspective_moderated.connect(on_perspective, weak=False)
    events.reaction_submitted.connect(on_process_change, weak=False)
    events.link_created.connect(on_process_change, weak=False)
    # A theme's new name is in the stored map already; the run sends it to the rooms.
    events.signals.signal("map-theme-renamed").connect(on_process_change, weak=False)

"""The analysis in a child process: the server's live loop never runs numpy or scikit-learn.

``ChildRunner`` keeps one ``python -m phases.inventering.map.analysis_child`` process
(started on first use, with the analysis libraries imported once at its start) and hands
it one process id at a time over a pipe; the child reads the inputs, computes the map,
stores the snapshot and answers one JSON line. A child that dies mid-job (killed, out of
memory) is started again and the job is retried, up to ``retries`` times.

In the child, reading and computing happen in one transaction and storing in a second one
that writes first: on SQLite a transaction that reads, computes for a second and then
writes would lose to the server's steady writes; this way it only waits its turn to write.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
import time
from typing import IO, Any

from sqlalchemy import select

log = logging.getLogger(__name__)

#: Seconds the child waits before each job (tests use it to kill a child mid-job).
PAUSE_ENV = "DIALOG_ANALYSIS_CHILD_PAUSE"
#: The pid of the server that started the child: the child ends when that server is gone.
PARENT_ENV = "DIALOG_ANALYSIS_CHILD_PARENT"


class ChildDied(RuntimeError):
    """The child ended before answering, more often than the retries allow."""


class ChildRunner:
    """One analysis child process at a time, restarted when it dies."""

    def __init__(self, database_url: str, *, retries: int = 2,
                 env: dict[str, str] | None = None) -> None:
        self.database_url = database_url
        self.retries = retries
        self.env = env
        self.starts = 0
        self.child: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def run(self, process_id: int) -> dict[str, Any]:
        """Analyse and store the process in the child; return its answer."""
        with self._lock:
            for attempt in range(self.retries + 1):
                try:
                    return self._ask(process_id)
                except (OSError, ValueError, ChildDied) as exc:
                    log.warning("analysis child failed (attempt %s): %s", attempt + 1, exc)
                    self._stop()
            raise ChildDied(f"analysis of process {process_id} failed {self.retries + 1} times")

    def close(self) -> None:
        with self._lock:
            self._stop()

    def _ask(self, process_id: int) -> dict[str, Any]:
        child = self._child()
        stdin, stdout = _pipes(child)
        stdin.write(f"{process_id}\n".encode())
        stdin.flush()
        line = stdout.readline()
        if not line:
            raise ChildDied(f"child {child.pid} ended (exit {child.wait()})")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def _child(self) -> subprocess.Popen[bytes]:
        if self.child is not None and self.child.poll() is None:
            return self.child
        env = {**os.environ, **(self.env or {}), "DIALOG_DATABASE_URL": self.database_url,
               PARENT_ENV: str(os.getpid())}
        self.child = subprocess.Popen(
            [sys.executable, "-m", "phases.inventering.map.analysis_child"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        self.starts += 1
        return self.child

    def _stop(self) -> None:
        child, self.child = self.child, None
        if child is None:
            return
        if child.poll() is None:
            child.kill()
        child.wait()
        for pipe in (child.stdin, child.stdout):
            if pipe is not None:
                pipe.close()


def _pipes(child: subprocess.Popen[bytes]) -> tuple[IO[bytes], IO[bytes]]:
    if child.stdin is None or child.stdout is None:
        raise ChildDied("child without pipes")
    return child.stdin, child.stdout


def analyse_and_store(process_id: int, seed: int = 0) -> dict[str, Any]:
    """Compute and store the snapshot of a process unless the stored one is fresh."""
    from dialog.extensions import db
    from dialog.models import AnalysisSnapshot, Process
    from phases.inventering.map import analysis_runs
    from phases.inventering.map.analysis_inputs import fingerprint

    with db.transaction() as session:
        process = session.get(Process, process_id)
        if process is None:
            return {"process_id": process_id, "ok": False, "error": "no_such_process"}
        digest = fingerprint(session, process, seed)
        stored = session.execute(
            select(AnalysisSnapshot.id, AnalysisSnapshot.fingerprint)
            .where(AnalysisSnapshot.process_id == process_id)).first()
        if stored is not None and stored.fingerprint == digest:
            return {"process_id": process_id, "ok": True, "computed": False}
        started = time.perf_counter()
        result, priorities = analysis_runs.analyze_process(session, process, seed)
        result["fingerprint"] = digest
        duration = round((time.perf_counter() - started) * 1000.0, 3)
    with db.transaction() as session:
        analysis_runs._store(session, process_id, stored.id if stored is not None else None,
                             seed, digest, result, priorities, duration)
    return {"process_id": process_id, "ok": True, "computed": True, "duration_ms": duration}


def end_with_parent(every: float = 0.5) -> None:
    """Exit as soon as the server that started this child is gone (e.g. SIGKILLed).

    Stdin closing ends the child only between jobs; a job takes minutes on a large process,
    and a server restarted after a crash would share the machine with every orphan still
    computing for a server that no longer exists. Whatever the orphan had not committed is
    rolled back; the new server's own child does the work again.
    """
    # Told by the server, since it may be gone before this child has even started.
    parent = int(os.environ.get(PARENT_ENV) or os.getppid())

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def main() -> None:
    """Serve jobs from stdin (one process id a line) until stdin closes."""
    end_with_parent()
    from dialog.extensions import db
    from phases.inventering.map import analysis_runs  # noqa: F401 (numpy, scikit-learn now)

    db.init(os.environ["DIALOG_DATABASE_URL"])
    pause = float(os.environ.get(PAUSE_ENV) or 0)
    for line in sys.stdin:
        if not line.strip():
            continue
        if pause:
            time.sleep(pause)
        try:
            answer = analyse_and_store(int(line))
        except Exception as exc:  # the job failed, not the child: say so and go on
            log.exception("analysis failed")
            answer = {"process_id": line.strip(), "ok": False, "error": type(exc).__name__}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

"""The analysis in a child process: the server's live loop never runs numpy or scikit-learn.

``ChildRunner`` keeps one ``python -m phases.inventering.map.analysis_child`` process
(started on first use, with the analysis libraries imported once at its start) and hands
it one process id at a time over a pipe; the child reads the inputs, computes the map,
stores the snapshot and answers one JSON line. A child that dies mid-job (killed, out of
memory) is started again and the job is retried, up to ``retries`` times.

In the child, reading and computing happen in one transaction and storing in a second one
that writes first: on SQLite a transaction that reads, computes for a second and then
writes would lose to the server's steady writes; this way it only waits its turn to write.
That turn is asked of the parent (``{"store": true}``, answered ``go``): the parent holds
its own writers back (``turn``, under a server ``dialog.database.writer_turn``) while the
child stores, so no event of the server waits in SQLite's busy handler, which would block
its whole gevent loop, and the child does not starve behind the server's steady writes.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import IO, Any

from sqlalchemy import select

log = logging.getLogger(__name__)

#: Seconds the child waits before each job (tests use it to kill a child mid-job).
PAUSE_ENV = "DIALOG_ANALYSIS_CHILD_PAUSE"
#: The child's line asking for its turn to store; the parent answers ``GO``.
STORE = {"store": True}
GO = b"go\n"


class ChildDied(RuntimeError):
    """The child ended before answering, more often than the retries allow."""


class ChildRunner:
    """One analysis child process at a time, restarted when it dies."""

    def __init__(self, database_url: str, *, retries: int = 2,
                 env: dict[str, str] | None = None,
                 turn: Callable[[], AbstractContextManager[Any]] = nullcontext) -> None:
        self.database_url = database_url
        self.retries = retries
        self.env = env
        #: Held while the child stores: this process's writers wait meanwhile.
        self.turn = turn
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
        answer = self._answer(child, stdout)
        if answer != STORE:
            return answer
        try:
            with self.turn():
                stdin.write(GO)
                stdin.flush()
                return self._answer(child, stdout)
        except TimeoutError:
            self._stop()  # it waits for a turn it will not get: start afresh next time
            raise

    @staticmethod
    def _answer(child: subprocess.Popen[bytes], stdout: IO[bytes]) -> dict[str, Any]:
        line = stdout.readline()
        if not line:
            raise ChildDied(f"child {child.pid} ended (exit {child.wait()})")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def _child(self) -> subprocess.Popen[bytes]:
        if self.child is not None and self.child.poll() is None:
            return self.child
        env = {**os.environ, **(self.env or {}), "DIALOG_DATABASE_URL": self.database_url}
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


def analyse_and_store(process_id: int, seed: int = 0,
                      my_turn: Callable[[], None] = lambda: None) -> dict[str, Any]:
    """Compute and store the snapshot of a process unless the stored one is fresh;
    ``my_turn`` returns when the snapshot may be stored."""
    from dialog.extensions import db
    from dialog.models import AnalysisSnapshot, Process
    from phases.inventering.map import analysis_runs
    from phases.inventering.map.analysis_inputs import fingerprint
    from phases.inventering.map.themes import ThemeIdentity

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
        # Nothing written here: a transaction that read and then writes loses to any
        # write since it began; the themes are written with the snapshot, in the turn.
        themes = ThemeIdentity(session, process_id, deferred=True)
        result, priorities = analysis_runs.analyze_process(session, process, seed, themes)
        result["fingerprint"] = digest
        duration = round((time.perf_counter() - started) * 1000.0, 3)
    my_turn()
    with db.transaction() as session:
        themes.store(session)
        analysis_runs._store(session, process_id, stored.id if stored is not None else None,
                             seed, digest, result, priorities, duration)
    return {"process_id": process_id, "ok": True, "computed": True, "duration_ms": duration}


def main() -> None:
    """Serve jobs from stdin (one process id a line) until stdin closes."""
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
            answer = analyse_and_store(int(line), my_turn=_ask_for_turn)
        except Exception as exc:  # the job failed, not the child: say so and go on
            log.exception("analysis failed")
            answer = {"process_id": line.strip(), "ok": False, "error": type(exc).__name__}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


def _ask_for_turn() -> None:
    sys.stdout.write(json.dumps(STORE) + "\n")
    sys.stdout.flush()
    if sys.stdin.readline().encode() != GO:
        raise SystemExit("the parent did not give the turn to store")


if __name__ == "__main__":
    main()

"""The analysis in a child process: the server's live loop never runs numpy or scikit-learn.

``ChildRunner`` (the kernel's ``dialog.jobs.child_runner`` for this module) keeps one
``python -m phases.inventering.map.analysis_child`` process (started on first use, with the
analysis libraries imported once at its start) and hands it one process id at a time over a
pipe; the child reads the inputs, computes the map,
stores the snapshot and answers one JSON line. It runs ``NICENESS`` nicer than the server:
the phones' events come first when both want a core. A child that dies mid-job (killed, out of
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

import contextlib
import json
import logging
import os
import sys
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from sqlalchemy import select

from dialog.jobs.child_runner import (
    PARENT_ENV,
    ChildDied,
    child_pipes,
    end_with_parent,
    read_answer,
)
from dialog.jobs.child_runner import ChildRunner as _LineChild

log = logging.getLogger(__name__)

#: Seconds the child waits before each job (tests use it to kill a child mid-job).
PAUSE_ENV = "DIALOG_ANALYSIS_CHILD_PAUSE"
#: How much nicer than the server the child runs (Linux niceness): the analysis is
#: background work, and when it and the server's loop both want a core, the loop that
#: answers the phones gets it. (A nice-10 process gets about a tenth of what a nice-0 one
#: does of a core both want; an idle core it still uses whole.)
NICENESS = 10
#: The child's line asking for its turn to store; the parent answers ``GO``.
STORE = {"store": True}
GO = b"go\n"

__all__ = ["NICENESS", "PARENT_ENV", "PAUSE_ENV", "ChildDied", "ChildRunner", "analyse_and_store",
           "end_with_parent"]


class ChildRunner(_LineChild):
    """The analysis child: one process id a line in, one JSON answer a line out."""

    def __init__(self, database_url: str, *, retries: int = 2,
                 env: dict[str, str] | None = None,
                 turn: Callable[[], AbstractContextManager[Any]] = nullcontext) -> None:
        super().__init__("phases.inventering.map.analysis_child", retries=retries,
                         env={**(env or {}), "DIALOG_DATABASE_URL": database_url})
        self.database_url = database_url
        #: Held while the child stores: this process's writers wait meanwhile.
        self.turn = turn

    def run(self, process_id: int) -> dict[str, Any]:
        """Analyse and store the process in the child; return its answer."""
        return self.ask(str(process_id))

    def _ask(self, request: str) -> dict[str, Any]:
        child = self._child()
        stdin, stdout = child_pipes(child)
        stdin.write(f"{request}\n".encode())
        stdin.flush()
        answer = read_answer(child, stdout)
        if answer != STORE:
            return answer
        try:
            with self.turn():
                stdin.write(GO)
                stdin.flush()
                return read_answer(child, stdout)
        except TimeoutError:
            self._stop()  # it waits for a turn it will not get: start afresh next time
            raise


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
    end_with_parent()
    with contextlib.suppress(OSError):  # a platform without niceness: as before
        os.nice(NICENESS)
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

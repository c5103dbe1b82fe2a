"""One child process at a time, fed one request a line over a pipe, restarted when it dies.

``ChildRunner(module)`` keeps one ``python -m <module>`` process (started on first use) and
sends it one line at a time; the child answers one JSON line. A child that dies mid-request
(killed, out of memory) is started again and the request retried, up to ``retries`` times.
Used by the job child (``dialog.jobs.child``) and the map's analysis child.
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

log = logging.getLogger(__name__)

#: The pid of the server that started the child: the child ends when that server is gone.
PARENT_ENV = "DIALOG_CHILD_PARENT"


class ChildDied(RuntimeError):
    """The child ended before answering, more often than the retries allow."""


class ChildRunner:
    """One child process at a time, restarted when it dies."""

    def __init__(self, module: str, *, retries: int = 2,
                 env: dict[str, str] | None = None) -> None:
        self.module = module
        self.retries = retries
        self.env = env
        self.starts = 0
        self.child: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def ask(self, request: str) -> dict[str, Any]:
        """Send one line to the child and return its answer, retrying when it dies."""
        with self._lock:
            for attempt in range(self.retries + 1):
                try:
                    return self._ask(request)
                except (OSError, ValueError, ChildDied) as exc:
                    log.warning("%s child failed (attempt %s): %s", self.module, attempt + 1, exc)
                    self._stop()
            raise ChildDied(f"{self.module}: {request[:80]!r} failed {self.retries + 1} times")

    def close(self) -> None:
        with self._lock:
            self._stop()

    def _ask(self, request: str) -> dict[str, Any]:
        child = self._child()
        stdin, stdout = child_pipes(child)
        stdin.write(f"{request}\n".encode())
        stdin.flush()
        return read_answer(child, stdout)

    def _child(self) -> subprocess.Popen[bytes]:
        if self.child is not None and self.child.poll() is None:
            return self.child
        env = {**os.environ, **(self.env or {}), PARENT_ENV: str(os.getpid())}
        self.child = subprocess.Popen([sys.executable, "-m", self.module],
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


def end_with_parent(every: float = 0.5) -> None:
    """Exit as soon as the server that started this child is gone (e.g. SIGKILLed).

    Stdin closing ends the child only between jobs; a job takes minutes on a large process,
    and a server restarted after a crash would share the machine with every orphan still
    computing for a server that no longer exists. Whatever the orphan had not committed is
    rolled back; the new server's own child does the work again. Call it first in a child.
    """
    # Told by the server, since it may be gone before this child has even started.
    parent = int(os.environ.get(PARENT_ENV) or os.getppid())

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def read_answer(child: subprocess.Popen[bytes], stdout: IO[bytes]) -> dict[str, Any]:
    line = stdout.readline()
    if not line:
        raise ChildDied(f"child {child.pid} ended (exit {child.wait()})")
    answer: dict[str, Any] = json.loads(line)
    return answer


def child_pipes(child: subprocess.Popen[bytes]) -> tuple[IO[bytes], IO[bytes]]:
    if child.stdin is None or child.stdout is None:
        raise ChildDied("child without pipes")
    return child.stdin, child.stdout

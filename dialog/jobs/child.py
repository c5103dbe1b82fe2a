"""The job child (``python -m dialog.jobs.child``): runs jobs read from stdin, one a line.

Each line is a job as JSON (``{"target", "kwargs", "job_id"}``); the answer is one JSON line
``{"ok": true}`` or ``{"ok": false, "error": ...}``. The child builds its app once, from the
environment its parent gave it (``runner.child_environment``), and runs jobs inline.
"""

from __future__ import annotations

import json
import logging
import sys

log = logging.getLogger(__name__)


def main() -> None:
    """Serve jobs from stdin until stdin closes."""
    from dialog.jobs.child_runner import end_with_parent

    end_with_parent()
    from dialog.jobs import queue, runner
    from dialog.jobs.targets import Job

    runner.app_for_jobs()
    queue.configure(mode="inline")  # a job that enqueues more work runs it here
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            job = Job.from_message(json.loads(line))
            runner.run_job(job)
            answer: dict[str, object] = {"ok": True}
        except Exception as exc:  # the job failed, not the child: say so and go on
            log.exception("job failed")
            answer = {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:500]}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

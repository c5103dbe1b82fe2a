"""Run one job: resolve its target, give it an app context and a session, commit after it.

Every place that runs jobs (the RQ work horse, the job child, ``inline``) goes through
``run_job``. The app is the one this process configured (``init_app``), else one built from
the environment on first use. ``DIALOG_JOBS_PAUSE`` (seconds) makes every job wait before it
starts: tests use it to kill a worker mid-job.
"""

from __future__ import annotations

import logging
import os
import time
from typing import TYPE_CHECKING

from dialog.jobs import queue
from dialog.jobs.targets import Job, resolve

if TYPE_CHECKING:
    from flask import Flask
    from sqlalchemy import Engine

    from dialog.config import Settings

log = logging.getLogger(__name__)

#: Seconds every job waits before it starts (tests kill workers mid-job with it).
PAUSE_ENV = "DIALOG_JOBS_PAUSE"
#: Inline runs of a failing job (the first and the retries).
INLINE_ATTEMPTS = 3

_app: Flask | None = None
_engine_pid: int | None = None


def init_app(app: Flask, settings: Settings) -> None:
    """Make ``app`` the one jobs of this process run in, and configure where they go."""
    global _app, _engine_pid
    _app, _engine_pid = app, os.getpid()
    queue.configure(mode=app.config.get("DIALOG_JOBS"), redis_url=settings.redis_url,
                    child_env=child_environment(settings))


def child_environment(settings: Settings) -> dict[str, str]:
    """What a job child needs to build the same app: database, key, instance, public URL."""
    env = {"DIALOG_DATABASE_URL": settings.database_url,
           "DIALOG_SECRET_KEY": settings.secret_key,
           "DIALOG_INSTANCE_DIR": str(settings.instance_dir)}
    if settings.public_base_url:
        env["DIALOG_PUBLIC_URL"] = settings.public_base_url
    return env


def app_for_jobs() -> Flask:
    """The configured app, or (first use in this process) one built from the environment."""
    global _app
    if _app is None:
        from dialog.config import Settings
        from dialog.web.app import create_app

        create_app(Settings.from_env())  # its init_app() sets _app
    assert _app is not None
    return _app


def run_job(job: Job) -> None:
    """Run a job in an app context with a fresh session; commit, or roll back on error."""
    from flask import current_app, has_app_context

    from dialog.extensions import db

    function = resolve(job.target)
    pause = float(os.environ.get(PAUSE_ENV) or 0)
    if pause:
        time.sleep(pause)
    app = current_app._get_current_object() if has_app_context() else app_for_jobs()  # type: ignore[attr-defined]
    _fresh_connections_after_fork(db.engine)
    with app.app_context(), db.transaction() as session:
        function(session, **job.kwargs)


def run_with_retries(job: Job) -> None:
    """``inline``: run now, up to ``INLINE_ATTEMPTS`` times; log a job that keeps failing."""
    for attempt in range(1, INLINE_ATTEMPTS + 1):
        try:
            run_job(job)
            return
        except Exception:
            log.exception("job %s failed (attempt %s of %s)", job.target, attempt,
                          INLINE_ATTEMPTS)


def _fresh_connections_after_fork(engine: Engine) -> None:
    """A forked RQ work horse must not reuse its parent's pooled database connections."""
    global _engine_pid
    pid = os.getpid()
    if _engine_pid is not None and _engine_pid != pid:
        engine.dispose(close=False)
    _engine_pid = pid

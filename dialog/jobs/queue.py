"""``enqueue`` and the choice of where jobs run (``DIALOG_JOBS``: redis, child or inline).

The mode is chosen once per process by ``configure`` (the app factory, ``dialog worker`` and
the job child call it); a process that never configured reads the environment on the first
``enqueue``. Default: ``redis`` when ``DIALOG_REDIS_URL`` is set, else ``child`` in a server
(gevent) and ``inline`` elsewhere (the CLI, the tests), where nobody would wait for a child.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field

from dialog.jobs import transactions
from dialog.jobs.targets import Job, make

log = logging.getLogger(__name__)

MODES = ("redis", "child", "inline")
#: ``DIALOG_JOBS``: where jobs run; see the module docstring for the default.
MODE_ENV = "DIALOG_JOBS"


@dataclass
class Configuration:
    """Where this process sends its jobs."""

    mode: str
    redis_url: str | None = None
    #: Environment for the job child (``child`` mode): database, secret key, instance folder.
    child_env: dict[str, str] = field(default_factory=dict)


_configuration: Configuration | None = None


def configure(*, mode: str | None = None, redis_url: str | None = None,
              child_env: dict[str, str] | None = None) -> Configuration:
    """Choose where this process's jobs run; return the choice."""
    global _configuration
    chosen = (mode or os.environ.get(MODE_ENV, "")).strip().lower() or _default_mode(redis_url)
    if chosen not in MODES:
        raise ValueError(f"{MODE_ENV} must be one of {', '.join(MODES)}, got {chosen!r}")
    if chosen == "redis" and not redis_url:
        raise ValueError(f"{MODE_ENV}=redis needs DIALOG_REDIS_URL")
    _configuration = Configuration(chosen, redis_url, dict(child_env or {}))
    return _configuration


def configuration() -> Configuration:
    """The current configuration, read from the environment when nobody configured one."""
    if _configuration is None:
        from dialog.config import Settings

        settings = Settings.from_env()
        return configure(redis_url=settings.redis_url,
                         child_env={"DIALOG_DATABASE_URL": settings.database_url})
    return _configuration


def _default_mode(redis_url: str | None) -> str:
    if redis_url:
        return "redis"
    try:
        from gevent import monkey
    except ImportError:
        return "inline"
    # ``dialog serve`` patches threading with gevent; the CLI and the tests do not.
    return "child" if monkey.is_module_patched("threading") else "inline"


def enqueue(target: str, /, *, job_id: str | None = None, **kwargs: int | str) -> None:
    """Run ``target(session, **kwargs)`` in the background; equal ``job_id`` s coalesce.

    Inside an open transaction of this thread the job is sent when it commits.
    """
    job = make(target, job_id, kwargs)
    session = transactions.open_session()
    if session is not None:
        transactions.defer(session, job, send)
    else:
        send(job)


def send(job: Job) -> None:
    """Hand a job to the configured backend now."""
    config = configuration()
    if config.mode == "redis":
        from dialog.jobs import redis_queue

        redis_queue.send(config.redis_url or "", job)
    elif config.mode == "child":
        from dialog.jobs import embedded

        embedded.for_environment(config.child_env).submit(job)
    else:
        _run_inline(job)


def _run_inline(job: Job) -> None:
    """Run the job now, in a thread of its own joined at once.

    Its own thread gives it its own scoped session and app context: a job sent from the
    commit of a request's session must not close that session when its app context ends.
    An error is logged by ``run_with_retries``; the caller's commit stands.
    """
    from dialog.jobs import runner

    worker = threading.Thread(target=runner.run_with_retries, args=(job,),
                              name=f"job {job.target}")
    worker.start()
    worker.join()

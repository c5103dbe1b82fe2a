"""Background jobs: work kept out of requests and off the live loop.

``enqueue("package.module:function", job_id=..., **kwargs)`` asks for
``function(session, **kwargs)`` to run later, inside an app context of the configured app,
with a fresh database session that is committed when the function returns (rolled back when
it raises). Where it runs depends on the mode (``DIALOG_JOBS``, see ``dialog.jobs.queue``):

- ``redis`` (the default when ``DIALOG_REDIS_URL`` is set): an RQ queue on that Redis, run by
  ``dialog worker`` processes, retried when a job fails or its worker dies;
- ``child`` (the default for ``dialog serve`` without Redis): one local child process fed
  over a pipe, restarted and the job retried when it dies;
- ``inline`` (the default elsewhere: the CLI, tests): right away, in the calling thread.

A job enqueued while the calling thread has a database transaction open is sent when that
transaction commits, and dropped if it rolls back: a job never runs before the rows it was
asked for exist. Jobs may run more than once (retries): every job must be idempotent.

This package imports no Flask at import time; only ``runner`` (which gives jobs their app
context) does.
"""

from __future__ import annotations

from dialog.jobs.queue import enqueue

__all__ = ["enqueue"]

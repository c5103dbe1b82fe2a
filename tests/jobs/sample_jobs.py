"""Jobs the tests enqueue: each says where it ran in a log file, and changes one row."""

from __future__ import annotations

import os
from pathlib import Path

from flask import current_app
from sqlalchemy.orm import Session

from dialog.models import Process


def retitle(session: Session, process_id: int, title: str, log: str) -> None:
    """Give a process a title (idempotent) and append "<title> <pid> <app name>" to ``log``."""
    process = session.get(Process, process_id)
    assert process is not None
    process.title = title
    with Path(log).open("a", encoding="utf-8") as sink:
        sink.write(f"{title} {os.getpid()} {current_app.name}\n")


def fail(session: Session, log: str) -> None:
    """Always fail, after saying so in ``log``."""
    with Path(log).open("a", encoding="utf-8") as sink:
        sink.write(f"failed {os.getpid()}\n")
    raise RuntimeError("this job always fails")

"""Extensions created unbound and bound late in ``create_app`` (no circular imports)."""

from __future__ import annotations

from flask_socketio import SocketIO

from dialog.database import Database
from dialog.jobs import transactions as _jobs_after_commit  # noqa: F401 (its session events)

db = Database()
socketio = SocketIO()

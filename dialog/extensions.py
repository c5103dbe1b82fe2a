"""Extensions created unbound and bound late in ``create_app`` (no circular imports)."""

from __future__ import annotations

from flask_socketio import SocketIO

from dialog.database import Database

db = Database()
socketio = SocketIO()

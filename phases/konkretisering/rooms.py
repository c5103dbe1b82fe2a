"""Konkretisering's Socket.IO rooms."""

from __future__ import annotations


def watchers(process_id: int) -> str:
    """Facilitators following a process's konkretisering (tallies, votes, answers)."""
    return f"konkret:{process_id}"


def phones(process_id: int) -> str:
    """Phones in a process's konkretisering (check-backs, votes, fishing)."""
    return f"konkret-phones:{process_id}"

"""The map's Socket.IO rooms."""

from __future__ import annotations


def watchers(process_id: int) -> str:
    """Facilitators following a process's perspective map."""
    return f"map:{process_id}"


def projector(process_id: int) -> str:
    """Projectors showing a process's map (no group membership)."""
    return f"map-projector:{process_id}"

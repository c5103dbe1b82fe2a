"""The kernel's room names, so handlers and broadcasters agree; a phase names its own rooms
in its package (``phases/konkretisering/rooms.py``, ``phases/inventering/map/rooms.py``)."""

from __future__ import annotations


def facilitators(workshop_id: int) -> str:
    return f"workshop:{workshop_id}"


def wall(workshop_id: int) -> str:
    return f"wall:{workshop_id}"


def phones(workshop_id: int) -> str:
    return f"phones:{workshop_id}"


def participant(participant_id: int) -> str:
    return f"participant:{participant_id}"


def process_console(process_id: int) -> str:
    """Facilitators following a process as a whole (its phases; lärande samtal's console)."""
    return f"samtal:{process_id}"

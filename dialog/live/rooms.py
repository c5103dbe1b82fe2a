"""Room names, in one place so handlers and broadcasters agree."""

from __future__ import annotations


def facilitators(workshop_id: int) -> str:
    return f"workshop:{workshop_id}"


def wall(workshop_id: int) -> str:
    return f"wall:{workshop_id}"


def phones(workshop_id: int) -> str:
    return f"phones:{workshop_id}"


def participant(participant_id: int) -> str:
    return f"participant:{participant_id}"


def map_watchers(process_id: int) -> str:
    """Facilitators following a process's perspective map."""
    return f"map:{process_id}"


def map_projector(process_id: int) -> str:
    """Projectors showing a process's map (no group membership)."""
    return f"map-projector:{process_id}"


def samtal_watchers(process_id: int) -> str:
    """Facilitators following a process's phases and lärande samtal."""
    return f"samtal:{process_id}"


def konkret_watchers(process_id: int) -> str:
    """Facilitators following a process's konkretisering (tallies, votes, answers)."""
    return f"konkret:{process_id}"


def konkret_phones(process_id: int) -> str:
    """Phones in a process's konkretisering (check-backs, votes, fishing)."""
    return f"konkret-phones:{process_id}"

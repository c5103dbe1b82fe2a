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

"""Fixtures of the map: a small Swedish process with perspectives, and the scheduler."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from flask import Flask
from flask.testing import FlaskClient

from dialog.extensions import db, socketio
from dialog.models import Participant, Perspective
from dialog.services import moderation
from dialog.services.participants import participant_for_token
from phases.inventering.map.scheduler import AnalysisScheduler, scheduler_for
from tests.conftest import World, bearer

#: (stakeholder group, text) written live in the hand-made process; "polis" stays silent.
VOICES = [
    ("unga", "Fritidsgården borde vara öppen på kvällarna och helgerna."),
    ("unga", "Vuxna lyssnar inte på unga när de bestämmer om centrum."),
    ("vårdnadshavare", "Bättre belysning i parken skulle göra kvällarna tryggare."),
    ("vårdnadshavare", "Fler poliser och kameror i centrum på kvällarna."),
    ("skola", "Skolan behöver kunna ringa socialtjänsten och få svar samma dag."),
]


@dataclass
class Room:
    """A world with participants who each wrote one perspective, and a few who did not."""

    world: World
    writers: list[str] = field(default_factory=list)
    perspective_ids: list[int] = field(default_factory=list)
    readers: list[str] = field(default_factory=list)

    def participant_id(self, token: str) -> int:
        with db.transaction() as session:
            found = participant_for_token(session, token)
            assert found is not None
            return found.id


@pytest.fixture
def write(client: FlaskClient) -> Callable[..., int]:
    """Factory: a participant writes a perspective over HTTP; returns its id."""
    counter = iter(range(10_000))

    def submit(token: str, workshop_id: int, text: str, kind: str = "standpoint") -> int:
        response = client.post(
            f"/api/v1/workshops/{workshop_id}/perspectives", headers=bearer(token),
            json={"text": text, "kind": kind, "client_id": f"c-{next(counter)}"})
        assert response.status_code == 201, response.json
        return int(response.json["id"])

    return submit


@pytest.fixture
def room(world: World, join_participant: Callable[..., str],
         write: Callable[..., int]) -> Room:
    """Five writers (one perspective each) and three readers in the fixture world."""
    made = Room(world)
    for group, text in VOICES:
        token = join_participant(world.join_code, group)
        made.writers.append(token)
        made.perspective_ids.append(write(token, world.workshop_id, text))
    made.readers = [join_participant(world.join_code) for _ in range(3)]
    return made


@pytest.fixture
def hide(app: Flask) -> Callable[[int], None]:
    """Factory: a facilitator hides a perspective (logged, never deleted)."""

    def run(perspective_id: int, action: str = "hide") -> None:
        with db.transaction() as session:
            perspective = session.get(Perspective, perspective_id)
            assert perspective is not None
            moderation.moderate(session, perspective, None, action)

    return run


@pytest.fixture
def scheduler(app: Flask) -> Iterator[AnalysisScheduler]:
    """The app's analysis scheduler, emptied before and after the test."""
    found = scheduler_for(socketio)
    found.reset()
    clock, interval, settle = found.clock, found.interval, found.settle
    yield found
    found.reset()
    found.clock, found.interval, found.settle = clock, interval, settle


def participant_count(process_id: int) -> int:
    with db.transaction() as session:
        return session.query(Participant).filter_by(process_id=process_id).count()

"""A process that has listened (inventering) and is ready for lärande samtal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from flask.testing import FlaskClient

from dialog import policy
from dialog.extensions import db
from dialog.models import Participant, Process, Workshop
from dialog.phasing import service as phases
from dialog.services import participants
from phases.inventering.perspectives import submit_perspective
from tests.conftest import World, bearer

NS = "/live"

#: (stakeholder group, kind, text): contrasting voices from the Varberg process.
VOICES = [
    ("unga", "standpoint", "Vuxna pratar om oss men inte med oss."),
    ("polis", "standpoint", "Kontakt före kontroll är vårt sätt att arbeta med unga."),
    ("vårdnadshavare", "feeling", "Jag är orolig när mitt barn tar bussen hem sent."),
    ("skola", "standpoint", "Skolan märker oron först och behöver svar samma dag."),
    ("unga", "idea", "Öppna fritidsgården till midnatt på fredagar."),
]


@dataclass
class Samtal:
    """The world, its perspectives and phones, and helpers to drive the lärande samtal."""

    world: World
    client: FlaskClient
    perspective_ids: list[int]
    phones: dict[str, str] = field(default_factory=dict)

    @property
    def auth(self) -> dict[str, str]:
        return bearer(self.world.facilitator_token)

    def open_phase(self, kind: str):
        return self.client.post(f"/api/v1/processes/{self.world.process_id}/phases",
                                headers=self.auth, json={"kind": kind})

    def build_round(self, ids: list[int] | None = None, **body):
        payload = {"title": "Unga och polisen", "perspective_ids": ids or self.perspective_ids[:2]}
        return self.client.post(f"/api/v1/processes/{self.world.process_id}/conversation-rounds",
                                headers=self.auth, json=payload | body)

    def reflect(self, token: str, round_id: int, **body):
        payload = {"client_id": "r-1", "view_change": "nuanced",
                   "understood": "Polisen vill också ha kontakt."} | body
        return self.client.post(f"/api/v1/conversation-rounds/{round_id}/reflections",
                                headers=bearer(token), json=payload)


@pytest.fixture
def listened(world: World, client: FlaskClient) -> Samtal:
    """Inventering round 1 with five approved perspectives from four groups, and phones."""
    ids: list[int] = []
    tokens: dict[str, str] = {}
    with db.transaction() as session:
        workshop = session.get(Workshop, world.workshop_id)
        assert workshop is not None
        for number, (group, kind, text) in enumerate(VOICES):
            participant, token = participants.join(session, world.join_code,
                                                   stakeholder_group=group)
            tokens.setdefault(group, token)
            perspective, _ = submit_perspective(session, participant, workshop, text=text,
                                                kind=kind, client_id=f"v-{number}")
            ids.append(perspective.id)
    return Samtal(world, client, ids, tokens)


@pytest.fixture
def samtal(listened: Samtal) -> Samtal:
    """The same process, now in lärande samtal round 1."""
    assert listened.open_phase("larande_samtal").status_code == 201
    return listened


@pytest.fixture
def open_round(samtal: Samtal) -> int:
    response = samtal.build_round()
    assert response.status_code == 201, response.json
    return response.json["id"]


@pytest.fixture
def move_to(app) -> Callable[[int, str], None]:
    """Open a phase directly through the service (as the CLI or the demo would)."""

    def move(process_id: int, kind: str) -> None:
        with db.transaction() as session:
            phases.open_phase(session, policy.load(session, Process, process_id), kind)

    return move


def participant_of(token: str) -> Participant:
    with db.transaction() as session:
        found = participants.participant_for_token(session, token)
        assert found is not None
        session.expunge(found)
        return found


#: The CSRF token a logged-in test session carries (the console's forms post it back).
CSRF = "csrf-test-token"


@pytest.fixture
def logged_in(samtal: Samtal) -> FlaskClient:
    with samtal.client.session_transaction() as session:
        session["facilitator_id"] = samtal.world.facilitator_id
        session["csrf"] = CSRF
    return samtal.client

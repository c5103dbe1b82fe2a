"""A process that has listened and is ready to konkretisera: perspectives, phones, helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import count
from typing import Any

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from dialog.extensions import db
from dialog.models import Workshop
from dialog.services import participants
from phases.inventering.perspectives import submit_perspective
from tests.conftest import World, bearer

NS = "/live"

#: (stakeholder group, kind, text): voices from the Varberg process behind the alternatives.
VOICES = [
    ("unga", "feeling", "Jag känner mig otrygg när jag går hem genom parken. Det är mörkt."),
    ("vårdnadshavare", "standpoint", "Bättre belysning i parken är det enklaste vi kan göra."),
    ("unga", "idea", "Öppna fritidsgården på fredagar till midnatt."),
    ("polis", "idea", "Kvarterspoliser i föreningarna bygger mer tillit än fler patruller."),
    ("skola", "standpoint", "Skolan märker oron först och behöver svar samma dag."),
]

#: Five phones, one per voice; the first two are "unga".
PHONES = ("unga", "vårdnadshavare", "unga", "polis", "skola")

_client_ids = count(1)


def cid() -> str:
    """A fresh client id, as a phone makes one per submission."""
    return f"k-{next(_client_ids)}"


@dataclass
class Konkret:
    """The world, its perspectives and phones, and helpers to drive konkretisering."""

    world: World
    client: FlaskClient
    perspective_ids: list[int]
    phones: list[str] = field(default_factory=list)

    @property
    def auth(self) -> dict[str, str]:
        return bearer(self.world.facilitator_token)

    @property
    def pid(self) -> int:
        return self.world.process_id

    def post(self, path: str, body: Any = None, token: str | None = None) -> TestResponse:
        headers = bearer(token) if token else self.auth
        return self.client.post(f"/api/v1{path}", headers=headers,
                                json={} if body is None else body)

    def get(self, path: str, token: str | None = None) -> TestResponse:
        return self.client.get(f"/api/v1{path}", headers=bearer(token) if token else self.auth)

    def patch(self, path: str, body: Any) -> TestResponse:
        return self.client.patch(f"/api/v1{path}", headers=self.auth, json=body)

    def draft(self, title: str = "Tänd parken", ids: list[int] | None = None,
              **body: Any) -> dict[str, Any]:
        payload = {"title": title, "description": "Belysning längs gångvägen genom parken.",
                   "perspective_ids": self.perspective_ids[:2] if ids is None else ids}
        response = self.post(f"/processes/{self.pid}/alternatives", payload | body)
        assert response.status_code == 201, response.json
        return response.json

    def vote(self, round_id: int, phone: int, value: str, reason: str = "") -> TestResponse:
        return self.post(f"/vote-rounds/{round_id}/votes",
                         {"value": value, "reason": reason, "client_id": cid()},
                         self.phones[phone])

    def run_vote(self, alternative_id: int, values: list[str | None]) -> dict[str, Any]:
        """Open a vote, let phone i vote values[i] (None: abstains), close; return the round."""
        opened = self.post(f"/alternatives/{alternative_id}/votes")
        assert opened.status_code == 201, opened.json
        for phone, value in enumerate(values):
            if value is not None:
                assert self.vote(opened.json["id"], phone, value).status_code == 201
        closed = self.post(f"/vote-rounds/{opened.json['id']}/close")
        assert closed.status_code == 200, closed.json
        return closed.json

    def condition(self, round_id: int, phone: int, text: str) -> TestResponse:
        return self.post(f"/vote-rounds/{round_id}/conditions",
                         {"text": text, "client_id": cid()}, self.phones[phone])


@pytest.fixture
def konkret(world: World, client: FlaskClient) -> Konkret:
    """Inventering with five approved perspectives from four groups, and five phones."""
    ids: list[int] = []
    tokens: list[str] = []
    with db.transaction() as session:
        workshop = session.get(Workshop, world.workshop_id)
        assert workshop is not None
        for number, (group, kind, text) in enumerate(VOICES):
            participant, token = participants.join(session, world.join_code,
                                                   stakeholder_group=PHONES[number])
            tokens.append(token)
            perspective, _ = submit_perspective(session, participant, workshop, text=text,
                                                kind=kind, stakeholder_group=group,
                                                client_id=f"v-{number}")
            ids.append(perspective.id)
    return Konkret(world, client, ids, tokens)

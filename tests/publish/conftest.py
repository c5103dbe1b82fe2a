"""Fixtures of publication: the demo process, a publisher that drives the API, file readers."""

from __future__ import annotations

import io
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from werkzeug.test import TestResponse

from dialog.demo import build_demo
from dialog.extensions import db
from dialog.models import ModerationStatus, Perspective, Workshop
from dialog.publication import published
from dialog.services import facilitators, participants
from phases.inventering.perspectives import submit_perspective
from tests.conftest import TEST_SECRET, World, bearer

_client_ids = count(1)


def pdf_text(data: bytes) -> str:
    """The text of a PDF, as pdftotext (poppler) extracts it."""
    assert data.startswith(b"%PDF-")
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True,
                          check=True)
    return done.stdout.decode("utf-8")


def zip_texts(data: bytes) -> dict[str, str]:
    """Every file of a ZIP, decoded as UTF-8 text."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


@dataclass
class Publisher:
    """A facilitator's process and the calls that publish and read it."""

    client: FlaskClient
    token: str
    process_id: int
    slug: str
    workshop_id: int
    join_code: str

    @property
    def auth(self) -> dict[str, str]:
        return bearer(self.token)

    def api(self, method: str, path: str, body: Any = None) -> TestResponse:
        return self.client.open(f"/api/v1{path}", method=method, headers=self.auth,
                                json=body)

    def publish(self, **body: Any) -> dict[str, Any]:
        response = self.api("POST", f"/processes/{self.process_id}/publications", body)
        assert response.status_code == 201, response.json
        return dict(response.json)

    def get(self, path: str, **kwargs: Any) -> TestResponse:
        return self.client.get(path, **kwargs)

    def page(self, version: int | None = None, lang: str = "sv") -> str:
        suffix = f"/v/{version}" if version else ""
        response = self.get(f"/p/{self.slug}{suffix}?lang={lang}")
        assert response.status_code == 200, response.data[:500]
        return response.get_data(as_text=True)

    def file(self, name: str, version: int | None = None) -> bytes:
        """A file of a version; told "being built" (202), ask again as ``Retry-After`` says
        (the test's job queue runs inline, so the file is there by then)."""
        suffix = f"/v/{version}" if version else ""
        response = self.get(f"/p/{self.slug}{suffix}/{name}")
        if response.status_code == 202:
            response = self.get(f"/p/{self.slug}{suffix}/{name}")
        assert response.status_code == 200, response.data[:500]
        return bytes(response.data)

    def everything(self, version: int | None = None) -> dict[str, str]:
        """Every published output as text: page, report HTML, PDF text and ZIP files."""
        found = {"page": self.page(version), "page_en": self.page(version, "en"),
                 "report.html": self.file("report.html", version).decode("utf-8"),
                 "report.pdf": pdf_text(self.file("report.pdf", version))}
        found |= {f"zip:{k}": v for k, v in zip_texts(self.file("data.zip", version)).items()}
        return found

    def snapshot(self, version: int | None = None) -> dict[str, Any]:
        """The stored snapshot of the latest (or a given) version."""
        with db.transaction() as session:
            return dict(published(session, self.slug, version).snapshot)

    def approved_count(self) -> int:
        with db.transaction() as session:
            return int(session.scalar(select(func.count(Perspective.id)).where(
                Perspective.process_id == self.process_id,
                Perspective.status == ModerationStatus.APPROVED)) or 0)

    def write(self, text: str, *, group: str | None = None, kind: str = "idea",
              age_band: str | None = None) -> tuple[int, str]:
        """A new participant joins and writes one perspective; returns (id, status)."""
        with db.transaction() as session:
            participant, _token = participants.join(session, self.join_code,
                                                    stakeholder_group=group, age_band=age_band)
            workshop = session.get(Workshop, self.workshop_id)
            assert workshop is not None
            perspective, _ = submit_perspective(session, participant, workshop, text=text,
                                                kind=kind, client_id=f"t-{next(_client_ids)}")
            return perspective.id, perspective.status.value

    def moderate(self, perspective_id: int, action: str) -> None:
        response = self.api("POST", f"/perspectives/{perspective_id}/moderation",
                            {"action": action})
        assert response.status_code == 200, response.json


@pytest.fixture
def demo(app: Flask, client: FlaskClient) -> Publisher:
    """The demo process "Tillit och trygghet i Varberg", built by ``build_demo``."""
    with db.transaction() as session:
        result = build_demo(session)
        account = facilitators.find_by_email(session, "demo@dialog.local")
        assert account is not None
        token = facilitators.issue_token(TEST_SECRET, account)
    return Publisher(client, token, result.process_id, result.slug, result.workshop_id,
                     result.join_code)


@pytest.fixture
def publisher(world: World, client: FlaskClient) -> Publisher:
    """The small fixture world (four groups, one open workshop), ready to publish."""
    response = client.get(f"/api/v1/processes/{world.process_id}",
                          headers=bearer(world.facilitator_token))
    return Publisher(client, world.facilitator_token, world.process_id,
                     response.json["slug"], world.workshop_id, world.join_code)


@pytest.fixture
def crowd(publisher: Publisher) -> Callable[..., list[int]]:
    """Factory: ``n`` participants of a group each write one approved perspective."""

    def make(group: str, n: int, *, age_band: str | None = None) -> list[int]:
        return [publisher.write(f"Perspektiv {i + 1} från {group}: mer ljus i parken.",
                                group=group, age_band=age_band)[0] for i in range(n)]

    return make


@dataclass
class Chain:
    """What ``konkretisera`` made: an alternative that passed with dissent and a proposal."""

    alternative_id: int
    proposal_id: int
    perspective_ids: list[int]


def phone(publisher: Publisher, group: str | None = None) -> str:
    """A participant joins the publisher's workshop; returns the bearer token."""
    with db.transaction() as session:
        _participant, token = participants.join(session, publisher.join_code,
                                                stakeholder_group=group)
        return token


def konkretisera(publisher: Publisher, *, description: str = "Belysning längs gångvägen.",
                 condition: str = "Att belysningen släcks efter midnatt.",
                 reason: str = "Det blir för ljust för grannarna.",
                 proposal_description: str = "Kommunen tänder parken i höst.",
                 note: str = "Armaturerna är beställda.") -> Chain:
    """Alternative -> vote 3-2 -> minority condition -> vote 4-1 -> dissent -> proposal."""
    ids = [publisher.write(text, group=group)[0] for group, text in (
        ("unga", "Parken är mörk och otrygg på kvällen."),
        ("vårdnadshavare", "Bättre belysning i parken är det enklaste vi kan göra."))]
    phones = [phone(publisher, "unga") for _ in range(5)]
    made = publisher.api("POST", f"/processes/{publisher.process_id}/alternatives", {
        "title": "Tänd parken", "description": description, "perspective_ids": ids})
    assert made.status_code == 201, made.json
    alternative_id = made.json["id"]

    def vote(values: list[str]) -> dict[str, Any]:
        opened = publisher.api("POST", f"/alternatives/{alternative_id}/votes")
        assert opened.status_code == 201, opened.json
        for token, value in zip(phones, values, strict=True):
            cast = publisher.client.post(
                f"/api/v1/vote-rounds/{opened.json['id']}/votes", headers=bearer(token),
                json={"value": value, "reason": reason if value == "against" else "",
                      "client_id": f"v-{next(_client_ids)}"})
            assert cast.status_code == 201, cast.json
        closed = publisher.api("POST", f"/vote-rounds/{opened.json['id']}/close")
        assert closed.status_code == 200, closed.json
        return dict(closed.json)

    first = vote(["for", "for", "for", "against", "against"])
    asked = publisher.client.post(
        f"/api/v1/vote-rounds/{first['id']}/conditions", headers=bearer(phones[3]),
        json={"text": condition, "client_id": f"c-{next(_client_ids)}"})
    assert asked.status_code == 201, asked.json
    vote(["for", "for", "for", "for", "against"])
    concluded = publisher.api("POST", f"/alternatives/{alternative_id}/conclude")
    assert concluded.json["outcome"] == "accepted_with_dissent", concluded.json
    proposal = publisher.api("POST", f"/processes/{publisher.process_id}/proposals", {
        "title": "Belysning i Societetsparken", "owner": "Varbergs kommun",
        "description": proposal_description, "budget_tkr": 120,
        "alternative_ids": [alternative_id], "indicators": ["Andel unga som känner sig trygga"],
        "dated": "2021-08-20"})
    assert proposal.status_code == 201, proposal.json
    update = publisher.api("POST", f"/proposals/{proposal.json['id']}/status-updates",
                           {"status": "ongoing", "dated": "2021-10-01", "note": note})
    assert update.status_code == 201, update.json
    return Chain(alternative_id, proposal.json["id"], ids)

"""The Phase contract: each phase module decides the phone's screen; a fake phase shows how."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest

import phases
from dialog.models import Participant, PhaseKind
from dialog.models import Phase as PhaseRecord
from dialog.phasing.contract import Control, Phase, PhoneScreen
from tests.conftest import bearer
from tests.samtal.conftest import Samtal


class FakeKonkretisering:
    """A test double: its phone screen is the 'what I sent' page."""

    kind: ClassVar[PhaseKind] = PhaseKind.KONKRETISERING
    name_key: ClassVar[str] = "phases.fake.name"

    def phone_screen(self, session: Any, phase: PhaseRecord,
                     participant: Participant) -> PhoneScreen:
        return PhoneScreen("participant/sent.html",
                           {"endpoint": "participant.sent", "workshop_id": participant.workshop_id})

    def controls(self, phase: PhaseRecord) -> list[Control]:
        return [Control("wave", "phases.fake.wave", "/facilitator/processes/{process_id}")]

    def produce(self, session: Any, phase: PhaseRecord) -> dict[str, Any]:
        return {"kind": self.kind.value, "round": phase.round, "fake": True}

    def install(self, app: Any, socketio: Any, namespace: str) -> None:
        """A fake phase has no pages of its own."""


@pytest.mark.parametrize("kind", list(PhaseKind))
def test_every_listed_phase_keeps_the_contract(kind):
    if kind in phases.PHASES:
        assert isinstance(phases.PHASES[kind], Phase)
        assert phases.phase_for(kind.value).kind is kind


def test_the_fake_phase_keeps_the_contract():
    assert isinstance(FakeKonkretisering(), Phase)


def test_a_phase_module_decides_where_the_phone_goes(samtal: Samtal, monkeypatch):
    monkeypatch.setitem(phases.PHASES, PhaseKind.KONKRETISERING, FakeKonkretisering())
    samtal.open_phase("konkretisering")
    body = samtal.client.get("/api/v1/me/screen", headers=bearer(samtal.phones["unga"])).json
    assert body["screen"]["url"].endswith(f"/w/{samtal.world.workshop_id}/sent")
    assert body["screen"]["template"] == "participant/sent.html"
    current = samtal.client.get(f"/api/v1/processes/{samtal.world.process_id}/phases",
                                headers=samtal.auth).json["current"]
    detail = samtal.client.get(f"/api/v1/phases/{current['id']}", headers=samtal.auth).json
    assert detail["produced"] == {"kind": "konkretisering", "round": 1, "fake": True}
    assert detail["controls"][0]["target"] == f"/facilitator/processes/{samtal.world.process_id}"


def test_the_method_order_is_the_order_phases_are_listed_in():
    from dialog.phasing.service import order

    assert order() == tuple(phases.PHASES) == (
        PhaseKind.INVENTERING, PhaseKind.LARANDE_SAMTAL, PhaseKind.KONKRETISERING)


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_every_phase_names_itself_and_its_controls(locale: str):
    from dialog.i18n import catalogue

    for phase in phases.PHASES.values():
        assert phase.name_key in catalogue(locale)
        for control in phase.controls(PhaseRecord(kind=phase.kind, round=1)):
            assert control.label_key in catalogue(locale), control.label_key

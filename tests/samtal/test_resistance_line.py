"""Motståndslinjen: ordered levels, the intervention each suggests, and the log over time."""

from __future__ import annotations

import pytest

from dialog.models import RESISTANCE_LINE, ResistanceLevel
from phases.larande_samtal import resistance as resistance_line
from tests.samtal.conftest import Samtal


def log(samtal: Samtal, level, **body):
    return samtal.client.post(f"/api/v1/processes/{samtal.world.process_id}/resistance-line",
                              headers=samtal.auth, json={"level": level} | body)


def test_the_line_runs_from_jokes_to_open_conflict_in_one_order():
    assert [level.value for level in RESISTANCE_LINE] == [
        "jokes", "sarcasm", "yes_but", "gossip", "polarisation", "sabotage", "breakdown", "war"]
    assert [resistance_line.position(level) for level in RESISTANCE_LINE] == list(range(1, 9))


@pytest.mark.parametrize(("level", "zone", "name", "intervention"), [
    ("jokes", "low", "Skämt", "Gör nejet tryggt att säga"),
    ("sarcasm", "low", "Sarkasm", "Gå och fiska"),
    ("yes_but", "low", "”Ja, men …”", "Hämta minoritetens visdom"),
    ("gossip", "middle", "Skvaller", "Ta in skvallret i rummet"),
    ("polarisation", "middle", "Polarisering", "Rollbyte och argument med regler"),
    ("sabotage", "high", "Sabotage", "Kliv ut och ta en paus"),
    ("breakdown", "high", "Sammanbrott", "Fishbowl med regler"),
    ("war", "high", "Öppen konflikt", "Ta in en neutral part"),
])
def test_each_level_suggests_its_intervention(samtal: Samtal, level, zone, name, intervention):
    response = log(samtal, level, note="Det hettade till.")
    assert response.status_code == 201
    body = response.json
    assert (body["level"], body["zone"], body["name"], body["intervention"]) == (
        level, zone, name, intervention)
    assert body["how"]
    assert body["signs"]
    assert body["note"] == "Det hettade till."


@pytest.mark.parametrize("level", list(ResistanceLevel))
def test_every_level_is_described_in_swedish_and_english(level):
    swedish, english = resistance_line.describe(level, "sv"), resistance_line.describe(level, "en")
    for key in ("name", "signs", "intervention", "how"):
        assert swedish[key]
        assert english[key]
        assert not swedish[key].startswith("samtal.")
        assert not english[key].startswith("samtal.")
    assert swedish["how"] != english["how"]


def test_the_log_shows_the_tension_over_time_with_its_trend(samtal: Samtal, open_round: int):
    for level in ("jokes", "gossip", "gossip", "sarcasm"):
        assert log(samtal, level, round_id=open_round).status_code == 201
    body = samtal.client.get(f"/api/v1/processes/{samtal.world.process_id}/resistance-line",
                             headers=samtal.auth).json
    assert [(e["level"], e["trend"]) for e in body["entries"]] == [
        ("jokes", "first"), ("gossip", "up"), ("gossip", "same"), ("sarcasm", "down")]
    assert {e["round_id"] for e in body["entries"]} == {open_round}
    assert [lvl["level"] for lvl in body["levels"]] == [lvl.value for lvl in RESISTANCE_LINE]
    times = [e["created_at"] for e in body["entries"]]
    assert times == sorted(times)


def test_english_readers_get_the_english_intervention(samtal: Samtal):
    response = samtal.client.post(
        f"/api/v1/processes/{samtal.world.process_id}/resistance-line?lang=en",
        headers=samtal.auth, json={"level": "sarcasm"})
    assert response.json["intervention"] == "Go fishing"


def test_the_line_is_kept_in_any_phase_and_says_which(listened: Samtal):
    assert log(listened, "yes_but").json["phase_kind"] == "inventering"


@pytest.mark.parametrize(("body", "status", "code"), [
    ({"level": "rage"}, 400, "unknown_resistance_level"),
    ({"level": None}, 400, "unknown_resistance_level"),
    ({"level": "jokes", "note": "x" * 1001}, 400, "field_too_long"),
    ({"level": "jokes", "note": 12}, 400, "field_required"),
    ({"level": "jokes", "round_id": 999999}, 404, "conversation_round_not_found"),
    ({"level": "jokes", "round_id": "abc"}, 404, "conversation_round_not_found"),
])
def test_bad_readings_are_refused_with_a_code(samtal: Samtal, body, status, code):
    response = samtal.client.post(
        f"/api/v1/processes/{samtal.world.process_id}/resistance-line",
        headers=samtal.auth, json=body)
    assert response.status_code == status
    assert response.json["error"]["code"] == code
    assert response.json["error"]["message"]

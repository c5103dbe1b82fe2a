"""Check-back rounds: every participant rates each alternative; the latest rating counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.konkret.conftest import Konkret, cid


def rate(konkret: Konkret, round_id: int, phone: int, alternative_id: int, value: str,
         reason: str = "", client_id: str | None = None):
    return konkret.post(f"/checkback-rounds/{round_id}/ratings",
                        {"alternative_id": alternative_id, "value": value, "reason": reason,
                         "client_id": client_id or cid()}, konkret.phones[phone])


@pytest.fixture
def two_alternatives(konkret: Konkret) -> list[dict]:
    return [konkret.draft("Tänd parken"),
            konkret.draft("Fritidsgården öppen till midnatt", ids=konkret.perspective_ids[2:3])]


def test_every_participant_rates_each_alternative(konkret: Konkret, two_alternatives):
    park, gard = two_alternatives
    opened = konkret.post(f"/processes/{konkret.pid}/checkback-rounds", {"title": "Efter runda 1"})
    assert opened.status_code == 201
    round_id = opened.json["round"]["id"]
    assert opened.json["round"]["alternative_ids"] == [park["id"], gard["id"]]
    for phone, value in enumerate(["supports", "supports", "can_live_with", "objects"]):
        assert rate(konkret, round_id, phone, park["id"], value).status_code == 201
    rate(konkret, round_id, 0, gard["id"], "objects", "Det blir stökigt sent.")
    rate(konkret, round_id, 0, gard["id"], "can_live_with")  # changed her mind: latest counts

    results = konkret.get(f"/checkback-rounds/{round_id}").json
    tallies = {a["id"]: a["tally"] for a in results["alternatives"]}
    assert tallies[park["id"]] == {"supports": 2, "can_live_with": 1, "objects": 1, "total": 4}
    assert tallies[gard["id"]] == {"supports": 0, "can_live_with": 1, "objects": 0, "total": 1}
    assert results["participants"] == 4
    # The phone sees its own latest rating per alternative.
    mine = konkret.get("/me/konkret", konkret.phones[0]).json["checkback_rounds"][0]
    assert {a["id"]: a["my_rating"]["value"] for a in mine["alternatives"]} == {
        park["id"]: "supports", gard["id"]: "can_live_with"}


def test_swedish_words_are_understood(konkret: Konkret, two_alternatives):
    round_id = konkret.post(f"/processes/{konkret.pid}/checkback-rounds").json["round"]["id"]
    for phone, word in enumerate(["stöder", "kan leva med", "invänder"]):
        assert rate(konkret, round_id, phone, two_alternatives[0]["id"], word).status_code == 201
    tally = konkret.get(f"/checkback-rounds/{round_id}").json["alternatives"][0]["tally"]
    assert tally == {"supports": 1, "can_live_with": 1, "objects": 1, "total": 3}


def test_a_resend_is_stored_once(konkret: Konkret, two_alternatives):
    round_id = konkret.post(f"/processes/{konkret.pid}/checkback-rounds").json["round"]["id"]
    first = rate(konkret, round_id, 0, two_alternatives[0]["id"], "supports", client_id="same")
    again = rate(konkret, round_id, 0, two_alternatives[0]["id"], "supports", client_id="same")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json == first.json | {"duplicate": True}


def test_a_closed_round_keeps_its_ratings_and_refuses_new_ones(konkret: Konkret,
                                                              two_alternatives):
    round_id = konkret.post(f"/processes/{konkret.pid}/checkback-rounds").json["round"]["id"]
    rate(konkret, round_id, 0, two_alternatives[0]["id"], "supports")
    closed = konkret.post(f"/checkback-rounds/{round_id}/close")
    assert closed.json["round"]["status"] == "closed"
    late = rate(konkret, round_id, 1, two_alternatives[0]["id"], "objects")
    assert late.status_code == 409
    assert late.json["error"]["code"] == "checkback_round_closed"
    assert closed.json["alternatives"][0]["tally"]["supports"] == 1
    history = konkret.get(f"/alternatives/{two_alternatives[0]['id']}").json["history"]
    assert [e["kind"] for e in history][-2:] == ["checkback_opened", "checkback_closed"]


def test_an_asynchronous_round_stays_open_for_days(konkret: Konkret, two_alternatives):
    in_a_week = (datetime.now(UTC) + timedelta(days=7)).isoformat()
    opened = konkret.post(f"/processes/{konkret.pid}/checkback-rounds",
                          {"closes_at": in_a_week, "alternative_ids": [two_alternatives[1]["id"]]})
    assert opened.json["round"]["accepting"] is True
    assert opened.json["round"]["alternative_ids"] == [two_alternatives[1]["id"]]
    # A participant returns days later with the same token, over plain HTTP.
    state = konkret.get("/me/konkret", konkret.phones[4]).json
    [open_round] = state["checkback_rounds"]
    assert open_round["closes_at"].startswith(in_a_week[:16])
    assert rate(konkret, open_round["id"], 4, two_alternatives[1]["id"],
                "supports").status_code == 201


def test_the_round_follows_the_latest_conversation_round(konkret: Konkret, two_alternatives):
    assert konkret.post(f"/processes/{konkret.pid}/phases",
                        {"kind": "larande_samtal"}).status_code == 201
    conversation = konkret.post(f"/processes/{konkret.pid}/conversation-rounds",
                                {"title": "Unga och polisen",
                                 "perspective_ids": konkret.perspective_ids[:2]})
    assert conversation.status_code == 201
    opened = konkret.post(f"/processes/{konkret.pid}/checkback-rounds").json["round"]
    assert opened["after_round_id"] == conversation.json["id"]
    samtal = [p for p in konkret.get(f"/processes/{konkret.pid}").json["phases"]
              if p["kind"] == "larande_samtal"]
    assert opened["after_phase_id"] == samtal[-1]["id"]

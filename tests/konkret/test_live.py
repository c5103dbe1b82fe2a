"""Konkretisering live: phones rate and vote over Socket.IO, the console sees tallies move."""

from __future__ import annotations

import pytest

from tests.konkret.conftest import NS, Konkret, cid


def received(sio, name: str) -> list[dict]:
    return [e["args"][0] for e in sio.get_received(NS) if e["name"] == name]


def emit(sio, event: str, body: dict) -> dict:
    return sio.emit(event, body, namespace=NS, callback=True)


@pytest.fixture
def console(socket_client, konkret: Konkret):
    sio = socket_client(konkret.world.facilitator_token)
    ack = emit(sio, "konkret:watch", {"process_id": konkret.pid})
    assert ack["ok"] is True
    assert ack["process_id"] == konkret.pid
    sio.get_received(NS)
    return sio


@pytest.fixture
def phones(socket_client, konkret: Konkret):
    found = []
    for token in konkret.phones[:3]:
        sio = socket_client(token)
        assert emit(sio, "konkret:join", {})["ok"] is True
        sio.get_received(NS)
        found.append(sio)
    return found


def test_a_check_back_round_live(konkret: Konkret, console, phones):
    alternative = konkret.draft()
    round_id = konkret.post(f"/processes/{konkret.pid}/checkback-rounds").json["round"]["id"]
    [shown] = received(phones[0], "checkback:round")
    assert shown["round"]["id"] == round_id
    assert shown["round"]["accepting"] is True
    console.get_received(NS)

    ack = emit(phones[0], "checkback:rate", {"round_id": round_id,
                                             "alternative_id": alternative["id"],
                                             "value": "supports", "client_id": "r-1"})
    assert ack == {"ok": True, "id": ack["id"], "round_id": round_id,
                   "alternative_id": alternative["id"], "value": "supports",
                   "duplicate": False, "client_id": "r-1"}
    emit(phones[1], "checkback:rate", {"round_id": round_id, "alternative_id": alternative["id"],
                                       "value": "objects", "reason": "För dyrt.",
                                       "client_id": "r-2"})
    tallies = received(console, "checkback:tally")
    assert [t["tally"] for t in tallies] == [
        {"supports": 1, "can_live_with": 0, "objects": 0, "total": 1},
        {"supports": 1, "can_live_with": 0, "objects": 1, "total": 2}]
    assert tallies[-1]["participants"] == 2
    # The ack came after the commit: the rating is there for anyone who asks.
    assert konkret.get(f"/checkback-rounds/{round_id}").json["alternatives"][0]["tally"][
        "total"] == 2


def test_the_minority_and_only_the_minority_is_asked_on_its_phones(konkret: Konkret, console,
                                                                  phones):
    alternative = konkret.draft()
    opened = emit(console, "vote:open", {"alternative_id": alternative["id"]})
    assert opened["ok"] is True
    vote_round_id = opened["vote_round"]["id"]
    assert received(phones[2], "vote:opened")[0]["vote_round"]["id"] == vote_round_id
    for phone, value in zip(phones, ["for", "for", "against"], strict=True):
        assert emit(phone, "vote:cast", {"vote_round_id": vote_round_id, "value": value,
                                         "client_id": cid()})["ok"] is True
    assert received(console, "vote:tally")[-1]["tally"] == {"for": 2, "against": 1, "total": 3}

    closed = emit(console, "vote:close", {"vote_round_id": vote_round_id})
    assert closed["vote_round"]["majority"] == "for"
    [prompt] = received(phones[2], "minority:prompt")
    assert prompt["question"] == "Vad skulle krävas för att ni ska kunna följa med?"
    assert prompt["vote_round_id"] == vote_round_id
    majority_phone = phones[0].get_received(NS)
    assert [e["name"] for e in majority_phone] == ["vote:opened", "vote:closed"]
    # Phones never learn who is in the minority.
    assert majority_phone[1]["args"][0]["vote_round"]["minority"] == []

    ack = emit(phones[2], "minority:answer", {"vote_round_id": vote_round_id,
                                              "text": "Att det utvärderas efter ett år.",
                                              "client_id": cid()})
    assert ack["ok"] is True
    [added] = received(console, "amendment:new")
    assert added["amendment"]["text"] == "Att det utvärderas efter ett år."
    assert added["amendment"]["participant_id"] == closed["vote_round"]["minority"][0]


def test_going_fishing_reaches_every_phone(konkret: Konkret, console, phones):
    opened = emit(console, "fishing:open", {"process_id": konkret.pid})
    assert opened["ok"] is True
    prompt_id = opened["prompt"]["id"]
    for phone in phones:
        [shown] = received(phone, "fishing:prompt")
        assert shown["prompt"]["question"].startswith("Finns det något som inte har sagts?")
    ack = emit(phones[1], "fishing:answer", {"prompt_id": prompt_id,
                                             "text": "Ingen vågar säga att det handlar om "
                                                     "pengar.", "client_id": "f-1"})
    assert ack["ok"] is True
    [answer] = received(console, "fishing:answer")
    assert answer["answer"]["text"].startswith("Ingen vågar")
    assert emit(console, "fishing:close", {"prompt_id": prompt_id})["prompt"]["status"] == (
        "closed")
    assert received(phones[0], "fishing:closed")[0]["prompt"]["id"] == prompt_id
    stored = konkret.get(f"/processes/{konkret.pid}/fishing").json["fishing_prompts"]
    assert [a["text"] for a in stored[0]["answers"]] == [answer["answer"]["text"]]


@pytest.mark.parametrize(("event", "body", "code"), [
    ("checkback:rate", {"round_id": None}, "field_required"),
    ("checkback:rate", {"round_id": "x"}, "field_required"),
    ("checkback:rate", {"round_id": 999, "alternative_id": 1, "value": "supports",
                        "client_id": "c"}, "checkback_round_not_found"),
    ("vote:cast", {"vote_round_id": 999, "value": "for", "client_id": "c"},
     "vote_round_not_found"),
    ("minority:answer", {"vote_round_id": True}, "field_required"),
    ("fishing:answer", {"prompt_id": 999, "text": "x", "client_id": "c"},
     "fishing_prompt_not_found"),
    ("vote:open", {"alternative_id": 1}, "wrong_role"),
    ("konkret:watch", {"process_id": 1}, "wrong_role"),
])
def test_bad_events_get_an_error_ack_and_keep_the_connection(phones, event, body, code):
    ack = emit(phones[0], event, body)
    assert ack["ok"] is False
    assert ack["error"]["code"] == code
    assert ack["error"]["message"]
    assert phones[0].is_connected(NS)

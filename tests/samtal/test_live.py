"""Live in the room: reflections over Socket.IO, indicators and phase changes pushed out."""

from __future__ import annotations

import pytest

from tests.samtal.conftest import NS, Samtal


def received(sio, name: str) -> list[dict]:
    return [e["args"][0] for e in sio.get_received(NS) if e["name"] == name]


def reflect(sio, round_id: int, /, **body):
    payload = {"round_id": round_id, "client_id": "live-1", "view_change": "nuanced",
               "understood": "Jag förstår polisens vilja till kontakt."} | body
    return sio.emit("reflection:submit", payload, namespace=NS, callback=True)


@pytest.fixture
def console(socket_client, samtal: Samtal):
    sio = socket_client(samtal.world.facilitator_token)
    ack = sio.emit("samtal:watch", {"process_id": samtal.world.process_id}, namespace=NS,
                   callback=True)
    assert ack["ok"] is True
    sio.get_received(NS)
    return sio


@pytest.fixture
def phone(socket_client, samtal: Samtal):
    sio = socket_client(samtal.phones["unga"])
    sio.get_received(NS)
    return sio


def test_a_reflection_reaches_the_console_with_updated_indicators(console, phone, open_round):
    console.get_received(NS)
    ack = reflect(phone, open_round)
    assert ack == {"ok": True, "id": ack["id"], "duplicate": False, "status": "approved",
                   "client_id": "live-1", "round_id": open_round}
    [event] = received(console, "reflection:new")
    assert event["reflection"]["id"] == ack["id"]
    assert event["reflection"]["understood"] == "Jag förstår polisens vilja till kontakt."
    assert event["reflection"]["stakeholder_group"] == "unga"
    assert "participant_id" not in event["reflection"]
    assert (event["indicators"]["participants"], event["indicators"]["understood"],
            event["indicators"]["shifted"]) == (1, 1, 1)


def test_a_resend_after_a_lost_ack_is_stored_once(console, phone, open_round):
    console.get_received(NS)
    first, again = reflect(phone, open_round), reflect(phone, open_round)
    assert again == first | {"duplicate": True}
    assert len(received(console, "reflection:new")) == 1


def test_watching_returns_the_rounds_indicators_and_the_line(socket_client, samtal, phone,
                                                            open_round):
    reflect(phone, open_round)
    samtal.client.post(f"/api/v1/processes/{samtal.world.process_id}/resistance-line",
                       headers=samtal.auth, json={"level": "jokes"})
    late = socket_client(samtal.world.facilitator_token)
    ack = late.emit("samtal:watch", {"process_id": samtal.world.process_id}, namespace=NS,
                    callback=True)
    assert [r["id"] for r in ack["rounds"]] == [open_round]
    assert ack["rounds"][0]["indicators"]["participants"] == 1
    assert [e["level"] for e in ack["resistance"]] == ["jokes"]
    assert [(p["kind"], p["round"]) for p in ack["phases"]] == [
        ("inventering", 1), ("larande_samtal", 1)]


def test_a_phone_asks_which_rounds_it_can_answer(phone, open_round):
    ack = phone.emit("samtal:rounds", {}, namespace=NS, callback=True)
    assert [r["id"] for r in ack["rounds"]] == [open_round]
    assert len(ack["rounds"][0]["perspectives"]) == 2
    reflect(phone, open_round)
    again = phone.emit("samtal:rounds", {}, namespace=NS, callback=True)
    assert [r["client_id"] for r in again["reflections"]] == ["live-1"]


def test_a_new_round_is_announced_to_console_and_phones(console, phone, samtal: Samtal):
    built = samtal.build_round(samtal.perspective_ids[2:4], title="Oro och skola")
    [to_console] = received(console, "samtal:round")
    [to_phone] = received(phone, "samtal:round")
    assert to_console["round"]["id"] == to_phone["round"]["id"] == built.json["id"]
    assert to_phone["round"]["title"] == "Oro och skola"


def test_a_phase_change_reaches_the_phones_in_the_room(console, phone, samtal: Samtal):
    samtal.open_phase("inventering")
    [event] = received(phone, "phase:changed")
    assert (event["phase"]["kind"], event["phase"]["round"]) == ("inventering", 2)
    assert [(c["kind"], c["status"]) for c in event["closed"]] == [("larande_samtal", "closed")]
    assert received(console, "phase:changed")[0]["phase"] == event["phase"]


def test_a_resistance_reading_reaches_every_console_with_its_intervention(
        console, socket_client, samtal: Samtal):
    other = socket_client(samtal.world.facilitator_token)
    ack = other.emit("resistance:log", {"process_id": samtal.world.process_id,
                                        "level": "gossip", "note": "Prat i pausen."},
                     namespace=NS, callback=True)
    assert ack["ok"] is True
    assert ack["entry"]["intervention"] == "Ta in skvallret i rummet"
    [event] = received(console, "resistance:new")
    assert event["entry"]["id"] == ack["entry"]["id"]
    assert event["entry"]["zone"] == "middle"


@pytest.mark.parametrize(("payload", "code"), [
    ({"view_change": "maybe"}, "unknown_view_change"),
    ({"view_change": None}, "view_change_required"),
    ({"understood": "å" * 501}, "reflection_too_long"),
    ({"client_id": ""}, "client_id_required"),
    ({"round_id": 999999}, "conversation_round_not_found"),
    ({"round_id": None}, "field_required"),
    ({"moved_by": 999999}, "perspective_not_in_process"),
    ({"keep": "x" * 5000}, "payload_too_large"),
])
def test_bad_reflections_get_an_error_ack_and_keep_the_connection(phone, open_round, payload,
                                                                  code):
    ack = reflect(phone, open_round, **payload)
    assert ack["ok"] is False
    assert ack["error"]["code"] == code
    assert ack["error"]["message"]
    assert phone.is_connected(NS)
    assert reflect(phone, open_round, client_id="after")["ok"] is True


@pytest.mark.parametrize(("event", "payload", "code"), [
    ("samtal:watch", {"process_id": "x"}, "field_required"),
    ("samtal:watch", {"process_id": 999999}, "process_not_found"),
    ("resistance:log", {"process_id": None, "level": "jokes"}, "field_required"),
])
def test_bad_facilitator_events_get_an_error_ack(console, samtal, event, payload, code):
    ack = console.emit(event, payload, namespace=NS, callback=True)
    assert ack["ok"] is False
    assert ack["error"]["code"] == code


@pytest.mark.parametrize(("event", "role_token"), [
    ("reflection:submit", "facilitator"),
    ("samtal:watch", "phone"),
    ("resistance:log", "phone"),
])
def test_each_event_belongs_to_one_role(socket_client, samtal, event, role_token):
    token = samtal.world.facilitator_token if role_token == "facilitator" else samtal.phones[
        "unga"]
    ack = socket_client(token).emit(event, {"process_id": samtal.world.process_id},
                                    namespace=NS, callback=True)
    assert ack["ok"] is False
    assert ack["error"]["code"] == "wrong_role"

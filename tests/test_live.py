"""Socket.IO on /live: real round trips through Flask-SocketIO's test client."""

from __future__ import annotations

import pytest

from dialog.i18n import translate
from dialog.services.moderation import DEFAULT_HIDE_REASON
from tests.conftest import World

NS = "/live"


def received(sio, name: str) -> list[dict]:
    return [e["args"][0] for e in sio.get_received(NS) if e["name"] == name]


def submit(sio, **body):
    payload = {"text": "Vi behöver fler vuxna ute.", "kind": "idea",
               "client_id": "c-1"} | body
    return sio.emit("perspective:submit", payload, namespace=NS, callback=True)


@pytest.fixture
def facilitator(socket_client, world: World):
    sio = socket_client(world.facilitator_token)
    assert sio.emit("workshop:watch", {"workshop_id": world.workshop_id}, namespace=NS,
                    callback=True)["ok"] is True
    sio.get_received(NS)
    return sio


@pytest.fixture
def phone(socket_client, join_participant, world: World):
    return socket_client(join_participant(world.join_code, "unga"))


@pytest.mark.parametrize("token", [None, "", "nonsense", "p.unknown", "f.forged.token"])
def test_connections_without_a_valid_token_are_refused(socket_client, world, token):
    assert not socket_client(token).is_connected(NS)


def test_a_perspective_reaches_the_facilitator_and_is_acknowledged(facilitator, phone):
    ack = submit(phone)
    assert ack == {"ok": True, "id": ack["id"], "duplicate": False, "status": "approved",
                   "client_id": "c-1"}
    [event] = received(facilitator, "perspective:new")
    assert event["id"] == ack["id"]
    assert {k: event[k] for k in ("text", "kind", "stakeholder_group", "status")} == {
        "text": "Vi behöver fler vuxna ute.", "kind": "idea", "stakeholder_group": "unga",
        "status": "approved"}
    assert event["created_at"]


def test_a_resend_with_the_same_client_id_makes_no_second_row(facilitator, phone):
    first, again = submit(phone), submit(phone)
    assert again == first | {"duplicate": True}
    assert len(received(facilitator, "perspective:new")) == 1


def test_watching_returns_what_the_workshop_already_has(socket_client, phone, world):
    submit(phone)
    late = socket_client(world.facilitator_token)
    ack = late.emit("workshop:watch", {"workshop_id": world.workshop_id}, namespace=NS,
                    callback=True)
    assert [p["text"] for p in ack["perspectives"]] == ["Vi behöver fler vuxna ute."]
    assert ack["workshop"]["join_code"] == world.join_code


@pytest.mark.parametrize(("payload", "code"), [
    ({"text": "a" * 501}, "text_too_long"),
    ({"text": ""}, "text_required"),
    ({"kind": "shout"}, "unknown_kind"),
    ({"stakeholder_group": "marsianer"}, "unknown_stakeholder_group"),
    ({"client_id": None}, "client_id_required"),
    ({"text": "a" * 20_000}, "payload_too_large"),
])
def test_bad_submissions_get_an_error_ack_and_keep_the_connection(phone, payload, code):
    ack = submit(phone, **payload)
    assert ack["ok"] is False
    assert ack["error"]["code"] == code
    assert ack["error"]["message"]
    assert phone.is_connected(NS)
    assert submit(phone, client_id="after-error")["ok"] is True


@pytest.mark.parametrize("text", ["å" * 500, "🌅" * 500, "Ljus 👮‍♀️ " * 50],
                         ids=["swedish-letters", "emoji", "emoji-sequences"])
def test_a_perspective_of_500_characters_is_taken_whatever_its_letters(phone, text):
    # The limit is 500 characters, not 500 ASCII bytes: the size guard counts what is sent
    # (UTF-8), not the \uXXXX escapes of a re-encoding (12 bytes for one emoji).
    assert len(text) == 500
    ack = submit(phone, text=text)
    assert ack["ok"] is True, ack


@pytest.mark.parametrize("payload", ["just a string", [1, 2, 3], 42])
def test_a_payload_that_is_not_an_object_is_refused(phone, payload):
    ack = phone.emit("perspective:submit", payload, namespace=NS, callback=True)
    assert ack["error"]["code"] == "invalid_json"
    assert phone.is_connected(NS)


def test_participants_cannot_watch_and_facilitators_cannot_submit(facilitator, phone, world):
    watch = phone.emit("workshop:watch", {"workshop_id": world.workshop_id}, namespace=NS,
                       callback=True)
    assert watch["error"]["code"] == "wrong_role"
    assert submit(facilitator)["error"]["code"] == "wrong_role"


def test_a_facilitator_cannot_watch_someone_elses_workshop(socket_client, make_world, world):
    other = make_world(email="annan@halland.se")
    sio = socket_client(other.facilitator_token)
    ack = sio.emit("workshop:watch", {"workshop_id": world.workshop_id}, namespace=NS,
                   callback=True)
    assert ack["error"]["code"] == "not_your_process"


def test_watch_with_a_bad_workshop_id_is_explained(facilitator):
    for value, code in [(None, "field_required"), ("abc", "field_required"),
                        (999, "workshop_not_found")]:
        ack = facilitator.emit("workshop:watch", {"workshop_id": value}, namespace=NS,
                               callback=True)
        assert ack["error"]["code"] == code


def test_moderation_reaches_console_wall_and_phone(socket_client, facilitator, phone, world):
    wall = socket_client(world.facilitator_token)
    wall.emit("workshop:watch", {"workshop_id": world.workshop_id, "view": "projector"},
              namespace=NS, callback=True)
    ack = submit(phone)
    assert [p["id"] for p in received(wall, "wall:perspective")] == [ack["id"]]

    hidden = facilitator.emit("perspective:moderate",
                              {"perspective_id": ack["id"], "action": "hide"},
                              namespace=NS, callback=True)
    assert hidden["perspective"]["status"] == "hidden"
    assert received(wall, "wall:remove") == [{"id": ack["id"]}]
    # Hiding tells the author why: here no reason was given, so the default one.
    assert received(phone, "perspective:status") == [
        {"id": ack["id"], "status": "hidden",
         "note": {"action": "hide", "reason": translate(DEFAULT_HIDE_REASON, "sv"),
                  "reason_code": "default"}}]
    assert received(facilitator, "perspective:updated")[-1]["status"] == "hidden"


def test_pre_moderation_keeps_the_wall_empty_until_approval(socket_client, make_world,
                                                            join_participant):
    world = make_world(pre_moderation=True)
    console = socket_client(world.facilitator_token)
    console.emit("workshop:watch", {"workshop_id": world.workshop_id}, namespace=NS,
                 callback=True)
    wall = socket_client(world.facilitator_token)
    wall.emit("workshop:watch", {"workshop_id": world.workshop_id, "view": "projector"},
              namespace=NS, callback=True)
    phone = socket_client(join_participant(world.join_code))
    ack = submit(phone)
    assert ack["status"] == "pending"
    assert received(wall, "wall:perspective") == []
    console.emit("perspective:moderate", {"perspective_id": ack["id"], "action": "approve"},
                 namespace=NS, callback=True)
    assert [p["text"] for p in received(wall, "wall:perspective")] == [
        "Vi behöver fler vuxna ute."]


def test_the_wall_never_learns_who_wrote_what(socket_client, phone, world):
    submit(phone, client_id="before")
    wall = socket_client(world.facilitator_token)
    ack = wall.emit("workshop:watch", {"workshop_id": world.workshop_id, "view": "projector"},
                    namespace=NS, callback=True)
    submit(phone)
    [shown] = received(wall, "wall:perspective")
    [earlier] = ack["perspectives"]
    assert "participant_id" not in earlier
    assert "client_id" not in earlier
    assert "participant_id" not in shown
    assert "client_id" not in shown


def test_a_phone_can_list_what_it_sent_with_statuses(phone):
    submit(phone, client_id="a")
    submit(phone, client_id="b", text="Ring 070-123 45 67")
    ack = phone.emit("me:perspectives", {}, namespace=NS, callback=True)
    assert [(p["client_id"], p["status"]) for p in ack["perspectives"]] == [
        ("a", "approved"), ("b", "pending")]


def test_a_hundred_participants_sending_twice_are_all_acknowledged_once(
        socket_client, join_participant, facilitator, world):
    groups = ["unga", "vårdnadshavare", "skola", "polis"]
    phones = [socket_client(join_participant(world.join_code, groups[i % 4]))
              for i in range(100)]
    acks = []
    for n, sio in enumerate(phones):
        for k in range(2):
            acks.append(submit(sio, text=f"Perspektiv {k} från deltagare {n}",
                               client_id=f"{n}-{k}"))
    resends = [submit(sio, text="igen", client_id=f"{n}-0") for n, sio in enumerate(phones)]

    assert all(a["ok"] and not a["duplicate"] for a in acks)
    assert len({a["id"] for a in acks}) == 200
    assert all(r["duplicate"] for r in resends)
    delivered = received(facilitator, "perspective:new")
    assert sorted(p["id"] for p in delivered) == sorted(a["id"] for a in acks)

"""The map over Socket.IO: phones react and get the next perspective; the map follows live."""

from __future__ import annotations

import pytest

NS = "/live"


def received(sio, name):
    return [e["args"][0] for e in sio.get_received(NS) if e["name"] == name]


def emit(sio, event, body=None):
    return sio.emit(event, body if body is not None else {}, namespace=NS, callback=True)


@pytest.fixture
def watcher(socket_client, room):
    """The facilitator's map page, following the process."""
    sio = socket_client(room.world.facilitator_token)
    ack = emit(sio, "map:watch", {"process_id": room.world.process_id})
    assert ack["ok"] is True, ack
    sio.get_received(NS)
    return sio


@pytest.fixture
def projector(socket_client, room):
    sio = socket_client(room.world.facilitator_token)
    ack = emit(sio, "map:watch", {"process_id": room.world.process_id, "view": "projector"})
    assert ack["ok"] is True, ack
    sio.get_received(NS)
    return sio


def test_a_vote_is_acknowledged_with_the_next_perspective(socket_client, room):
    phone = socket_client(room.readers[0])
    first = emit(phone, "vote:next")
    assert first["ok"] is True
    assert first["remaining"] == 5

    ack = emit(phone, "vote:submit", {"perspective_id": first["perspective"]["id"],
                                      "vote": "agree"})

    assert ack["ok"] is True
    assert (ack["perspective_id"], ack["vote"], ack["created"]) == (
        first["perspective"]["id"], "agree", True)
    assert ack["next"]["id"] != first["perspective"]["id"]
    assert ack["remaining"] == 4


def test_the_last_vote_has_no_next_perspective(socket_client, room):
    phone = socket_client(room.readers[0])
    for perspective_id in room.perspective_ids:
        ack = emit(phone, "vote:submit", {"perspective_id": perspective_id, "vote": "pass"})
    assert (ack["next"], ack["remaining"]) == (None, 0)
    assert emit(phone, "vote:next") == {"ok": True, "perspective": None, "remaining": 0}


def test_each_acknowledgement_offers_a_card_not_yet_reacted_to_and_counts_down(
        socket_client, room):
    """The reaction's own statement reads the phone's reactions on PostgreSQL (and
    stores the reaction only on an approved perspective of its process): the next card
    and the count are the same as a fresh read would give, a changed vote included."""
    phone = socket_client(room.readers[0])
    card, reacted = emit(phone, "vote:next")["perspective"], set()
    again = emit(phone, "vote:submit", {"perspective_id": card["id"], "vote": "agree"})
    changed = emit(phone, "vote:submit", {"perspective_id": card["id"], "vote": "disagree"})
    assert (again["created"], changed["created"], changed["vote"]) == (True, False, "disagree")
    assert changed["remaining"] == again["remaining"] == 4
    reacted.add(card["id"])
    card = changed["next"]
    while card is not None:
        assert card["id"] not in reacted
        ack = emit(phone, "vote:submit", {"perspective_id": card["id"], "vote": "pass"})
        reacted.add(card["id"])
        assert ack["remaining"] == len(room.perspective_ids) - len(reacted)
        card = ack["next"]
    assert reacted == set(room.perspective_ids)


@pytest.mark.parametrize(("body", "code"), [
    ({"perspective_id": 1, "vote": "maybe"}, "invalid_vote"),
    ({"vote": "agree"}, "field_required"),
    ({"perspective_id": "abc", "vote": "agree"}, "field_required"),
    ({"perspective_id": 999_999, "vote": "agree"}, "perspective_not_found"),
    ([1, 2], "invalid_json"),
])
def test_a_bad_vote_gets_an_error_ack_and_keeps_the_connection(socket_client, room, body,
                                                               code):
    phone = socket_client(room.readers[0])
    ack = emit(phone, "vote:submit", body)
    assert ack["ok"] is False
    assert ack["error"]["code"] == code
    assert ack["error"]["message"]
    assert phone.is_connected(NS)


def test_facilitators_cannot_vote_and_phones_cannot_watch_the_map(socket_client, room):
    facilitator = socket_client(room.world.facilitator_token)
    phone = socket_client(room.readers[0])
    assert emit(facilitator, "vote:submit", {"perspective_id": room.perspective_ids[0],
                                             "vote": "agree"})["error"]["code"] == "wrong_role"
    assert emit(phone, "map:watch", {"process_id": room.world.process_id})["error"][
        "code"] == "wrong_role"


def test_watching_a_process_of_another_facilitator_is_refused(socket_client, room,
                                                              make_facilitator):
    other = socket_client(make_facilitator("annan@halland.se")[1])
    ack = emit(other, "map:watch", {"process_id": room.world.process_id})
    assert ack["error"]["code"] == "not_your_process"


def test_map_watch_answers_with_the_current_map(socket_client, room):
    facilitator = socket_client(room.world.facilitator_token)
    ack = emit(facilitator, "map:watch", {"process_id": room.world.process_id})
    assert ack["process_id"] == room.world.process_id
    assert {"graph", "opinion_groups", "missing_perspectives"} <= set(ack["map"])


def test_a_reaction_updates_the_map_for_facilitator_and_projector(socket_client, room,
                                                                  scheduler, watcher, projector):
    phone = socket_client(room.readers[0])
    for perspective_id in room.perspective_ids:
        emit(phone, "vote:submit", {"perspective_id": perspective_id, "vote": "agree"})

    assert scheduler.pending == [room.world.process_id]  # five votes, one pending run
    assert scheduler.run_pending(force=True) == [room.world.process_id]

    [update] = received(watcher, "map:update")
    assert update["process_id"] == room.world.process_id
    assert update["map"]["counts"]["reactions"] == 5
    [shown] = received(projector, "map:update")
    assert "projection" not in shown["map"]


def test_a_link_drawn_live_reaches_the_map(socket_client, room, scheduler, watcher):
    phone = socket_client(room.readers[1])
    a, b = room.perspective_ids[:2]
    ack = emit(phone, "link:create", {"source_id": a, "target_id": b,
                                      "relation": "contrasts_with"})
    assert ack["ok"] is True
    assert ack["created"] is True
    scheduler.run_pending(force=True)
    [update] = received(watcher, "map:update")
    assert any("contrasts_with" in e.get("relations", ()) for e in update["map"]["graph"]["edges"])


def test_hiding_a_perspective_removes_it_from_the_live_map(room, scheduler, watcher, hide):
    hide(room.perspective_ids[0])
    scheduler.run_pending(force=True)
    [update] = received(watcher, "map:update")
    assert f"p:{room.perspective_ids[0]}" not in {n["id"] for n in update["map"]["graph"]["nodes"]}


@pytest.mark.parametrize("change", ["retired", "blocked"])
def test_a_phone_changed_by_another_process_cannot_react_at_its_next_event(
        socket_client, room, change):
    """The participant is read afresh (one Core row) at every reaction: a token retired or a
    participant blocked in another server process, with no signal here, is refused."""
    from sqlalchemy import update

    from dialog.extensions import db
    from dialog.models import Participant, utcnow
    from dialog.services import participants

    phone = socket_client(room.readers[0])
    first = emit(phone, "vote:next")["perspective"]
    assert emit(phone, "vote:submit", {"perspective_id": first["id"], "vote": "agree"})["ok"]
    values = {"token_hash": "0" * 64} if change == "retired" else {"blocked_at": utcnow()}
    with db.transaction() as session:
        me = participants.participant_for_token(session, room.readers[0])
        session.execute(update(Participant).where(Participant.id == me.id).values(**values))
    ack = emit(phone, "vote:submit", {"perspective_id": first["id"], "vote": "disagree"})
    assert ack["ok"] is False
    assert ack["error"]["code"] == ("participant_token_invalid" if change == "retired"
                                    else "participant_blocked")


def test_a_perspective_hidden_since_the_card_was_drawn_takes_no_reaction(socket_client, room):
    """Moderation hides at once: the reaction reads the perspective's status itself."""
    from dialog.extensions import db
    from dialog.models import ModerationStatus, Perspective

    phone = socket_client(room.readers[0])
    card = emit(phone, "vote:next")["perspective"]
    with db.transaction() as session:
        hidden = session.get(Perspective, card["id"])
        hidden.status = ModerationStatus.HIDDEN
    ack = emit(phone, "vote:submit", {"perspective_id": card["id"], "vote": "agree"})
    assert ack["ok"] is False
    assert ack["error"]["code"] == "perspective_not_open_for_reactions"


def test_a_reaction_to_another_process_is_refused_and_stores_nothing(
        client, socket_client, room, make_world, join_participant):
    from sqlalchemy import func, select

    from dialog.extensions import db
    from dialog.models import Reaction
    from tests.conftest import bearer

    other = make_world(email="annan@halland.se")
    foreign = client.post(f"/api/v1/workshops/{other.workshop_id}/perspectives",
                          headers=bearer(join_participant(other.join_code)),
                          json={"text": "Ljusare gångvägar", "kind": "idea",
                                "client_id": "f-1"}).json["id"]
    phone = socket_client(room.readers[0])
    ack = emit(phone, "vote:submit", {"perspective_id": foreign, "vote": "agree"})
    assert ack["error"]["code"] == "token_not_for_this_process"
    with db.reading() as session:
        assert session.scalar(select(func.count(Reaction.id)).where(
            Reaction.perspective_id == foreign)) == 0

"""Returning participants, still anonymous: a participant code of three words."""

from __future__ import annotations

from dialog.services import participant_codes
from tests.conftest import bearer


def second_meeting(client, world):
    return client.post(f"/api/v1/processes/{world.process_id}/workshops",
                       headers=bearer(world.facilitator_token),
                       json={"title": "Biblioteket", "place": "Stadsbiblioteket"}).json


def write(client, token, workshop_id, text):
    return client.post(f"/api/v1/workshops/{workshop_id}/perspectives", headers=bearer(token),
                       json={"text": text, "kind": "idea", "client_id": text[:10]})


def test_a_join_answers_a_participant_code_of_three_words(client, world):
    joined = client.post("/api/v1/join", json={"join_code": world.join_code}).json
    words = joined["participant_code"].split("-")
    assert len(words) == 3
    assert all(word in participant_codes.words() for word in words)
    assert joined["returning"] is False


def test_the_code_brings_back_the_same_participant_behind_a_new_token(client, world):
    first = client.post("/api/v1/join", json={"join_code": world.join_code,
                                              "stakeholder_group": "unga"}).json
    assert write(client, first["participant_token"], world.workshop_id,
                 "Mer ljus i parken").status_code == 201
    later = second_meeting(client, world)
    typed = "  " + first["participant_code"].upper().replace("-", " ") + " "
    back = client.post("/api/v1/join", json={"join_code": later["join_code"],
                                             "participant_code": typed})
    assert back.status_code == 201
    assert back.json["returning"] is True
    assert back.json["workshop_id"] == later["id"]
    assert back.json["participant_code"] == first["participant_code"]
    assert back.json["participant_token"] != first["participant_token"]
    mine = client.get("/api/v1/me/perspectives",
                      headers=bearer(back.json["participant_token"])).json["perspectives"]
    assert [p["text"] for p in mine] == ["Mer ljus i parken"]
    headers = bearer(world.facilitator_token)
    meeting = client.get(f"/api/v1/workshops/{later['id']}", headers=headers).json
    assert meeting["attendance"] == {"total": 1, "returning": 1,
                                     "groups": [{"name": "unga", "participants": 1}]}


def test_people_are_counted_not_joins(client, world):
    first = client.post("/api/v1/join", json={"join_code": world.join_code,
                                              "stakeholder_group": "unga"}).json
    later = second_meeting(client, world)
    client.post("/api/v1/join", json={"join_code": later["join_code"],
                                      "participant_code": first["participant_code"]})
    client.post("/api/v1/join", json={"join_code": world.join_code,
                                      "participant_code": first["participant_code"]})
    from dialog.extensions import db
    from dialog.models import Participant
    assert db.session.query(Participant).count() == 1
    meeting = client.get(f"/api/v1/workshops/{world.workshop_id}",
                         headers=bearer(world.facilitator_token)).json
    assert meeting["attendance"]["total"] == 1


def test_a_wrong_code_is_refused_and_guessing_is_throttled(client, world):
    answers = [client.post("/api/v1/join", json={"join_code": world.join_code,
                                                  "participant_code": f"katt-sol-{word}"})
               for word in participant_codes.words()[:11]]
    assert {(a.status_code, a.json["error"]["code"]) for a in answers[:10]} == {
        (404, "participant_code_unknown")}
    assert (answers[10].status_code, answers[10].json["error"]["code"]) == (
        429, "participant_code_throttled")
    assert answers[10].headers["Retry-After"]
    # A plain join (no code) still works from the same address.
    assert client.post("/api/v1/join", json={"join_code": world.join_code}).status_code == 201


def test_a_code_of_another_process_does_not_work(client, world, make_world):
    other = make_world(email="annan@kungsbacka.se")
    there = client.post("/api/v1/join", json={"join_code": other.join_code}).json
    answer = client.post("/api/v1/join", json={"join_code": world.join_code,
                                               "participant_code": there["participant_code"]})
    assert (answer.status_code, answer.json["error"]["code"]) == (404, "participant_code_unknown")


def test_printed_cards_give_a_school_class_its_codes(client, world):
    headers = bearer(world.facilitator_token)
    cards = client.post(f"/api/v1/processes/{world.process_id}/participant-cards",
                        headers=headers, json={"count": 25})
    assert cards.status_code == 201
    codes = cards.json["codes"]
    assert len(set(codes)) == 25
    first = client.post("/api/v1/join", json={"join_code": world.join_code,
                                              "participant_code": codes[0]})
    assert (first.status_code, first.json["returning"]) == (201, False)
    assert first.json["participant_code"] == codes[0]
    later = second_meeting(client, world)
    again = client.post("/api/v1/join", json={"join_code": later["join_code"],
                                              "participant_code": codes[0]})
    assert (again.status_code, again.json["returning"]) == (201, True)


def test_bad_card_counts_and_strangers_are_refused(client, world, make_facilitator):
    headers = bearer(world.facilitator_token)
    url = f"/api/v1/processes/{world.process_id}/participant-cards"
    for count in (0, 201, "many", None, True):
        answer = client.post(url, headers=headers, json={"count": count})
        assert (answer.status_code, answer.json["error"]["code"]) == (400, "invalid_card_count")
    _id, stranger = make_facilitator("annan@kungsbacka.se")
    assert client.post(url, headers=bearer(stranger), json={"count": 3}).status_code == 403
    assert client.post(url, json={"count": 3}).status_code == 401


def test_retention_forgets_participant_codes_too(client, world):
    from dialog.extensions import db
    from dialog.models import Process
    from dialog.publication.publishing import settings_of
    from dialog.publication.retention import apply_retention

    first = client.post("/api/v1/join", json={"join_code": world.join_code}).json
    client.patch(f"/api/v1/workshops/{world.workshop_id}",
                 headers=bearer(world.facilitator_token), json={"state": "closed"})
    with db.transaction() as session:
        process = session.get(Process, world.process_id)
        apply_retention(session, settings_of(session, process))
    later = second_meeting(client, world)
    back = client.post("/api/v1/join", json={"join_code": later["join_code"],
                                             "participant_code": first["participant_code"]})
    assert (back.status_code, back.json["error"]["code"]) == (404, "participant_code_unknown")

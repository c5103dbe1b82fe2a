"""Reactions: agree, disagree or pass; only the latest counts; clear refusals otherwise."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from dialog.extensions import db
from dialog.models import Reaction
from tests.conftest import bearer


def vote(client, token, perspective_id, value):
    return client.post(f"/api/v1/perspectives/{perspective_id}/votes", headers=bearer(token),
                       json={"vote": value})


def stored_votes(perspective_id):
    with db.transaction() as session:
        return list(session.scalars(
            select(Reaction.vote).where(Reaction.perspective_id == perspective_id)))


def test_the_first_reaction_is_created_and_a_later_one_replaces_it(client, room):
    reader, perspective_id = room.readers[0], room.perspective_ids[0]

    first = vote(client, reader, perspective_id, "agree")
    second = vote(client, reader, perspective_id, "disagree")

    assert first.status_code == 201
    assert first.json == {"ok": True, "perspective_id": perspective_id, "vote": "agree",
                          "created": True}
    assert second.status_code == 200
    assert second.json["vote"] == "disagree"
    assert stored_votes(perspective_id) == [-1]


@pytest.mark.parametrize(("word", "stored"), [("agree", 1), ("disagree", -1), ("pass", 0),
                                              ("Agree", 1)])
def test_each_answer_is_stored_as_polis_numbers_it(client, room, word, stored):
    assert vote(client, room.readers[0], room.perspective_ids[1], word).status_code == 201
    assert stored_votes(room.perspective_ids[1]) == [stored]


@pytest.mark.parametrize("body", [{"vote": "yes"}, {"vote": 1}, {"vote": None}, {},
                                  {"vote": ["agree"]}])
def test_anything_but_the_three_answers_is_refused(client, room, body):
    response = client.post(f"/api/v1/perspectives/{room.perspective_ids[0]}/votes",
                           headers=bearer(room.readers[0]), json=body)
    assert response.status_code == 400
    assert response.json["error"]["code"] == "invalid_vote"
    assert "håller med" in response.json["error"]["message"]
    assert stored_votes(room.perspective_ids[0]) == []


@pytest.mark.parametrize(("case", "status", "code"), [
    ("unknown perspective", 404, "perspective_not_found"),
    ("hidden perspective", 409, "perspective_not_open_for_reactions"),
    ("pending perspective", 409, "perspective_not_open_for_reactions"),
    ("another process", 403, "token_not_for_this_process"),
    ("no token", 401, "participant_token_invalid"),
    ("facilitator token", 401, "participant_token_invalid"),
])
def test_reactions_are_refused_with_a_stable_code(client, room, hide, make_world,
                                                  join_participant, write, case, status, code):
    token, target = room.readers[0], room.perspective_ids[0]
    if case == "unknown perspective":
        target = 999_999
    elif case == "hidden perspective":
        hide(target)
    elif case == "pending perspective":
        hide(target, "restore")
    elif case == "another process":
        other = make_world(email="annan@halland.se")
        target = write(join_participant(other.join_code), other.workshop_id, "Annan process.")
    headers = {"no token": {}, "facilitator token": bearer(room.world.facilitator_token)}.get(
        case, bearer(token))
    response = client.post(f"/api/v1/perspectives/{target}/votes", headers=headers,
                           json={"vote": "agree"})
    assert (response.status_code, response.json["error"]["code"]) == (status, code)
    assert response.json["error"]["message"]


def test_an_author_may_react_to_their_own_perspective(client, room):
    author, own = room.writers[0], room.perspective_ids[0]
    assert vote(client, author, own, "pass").status_code == 201


def next_perspective(client, token, workshop_id):
    response = client.get(f"/api/v1/workshops/{workshop_id}/next-perspective",
                          headers=bearer(token))
    assert response.status_code == 200, response.json
    return response.json


def test_next_perspective_walks_through_the_others_and_then_stops(client, room):
    author, workshop_id = room.writers[0], room.world.workshop_id
    offered = []
    while (found := next_perspective(client, author, workshop_id))["perspective"] is not None:
        assert found["remaining"] == len(room.perspective_ids) - 1 - len(offered)
        assert set(found["perspective"]) == {"id", "text", "kind", "stakeholder_group",
                                             "created_at"}
        offered.append(found["perspective"]["id"])
        assert vote(client, author, offered[-1], "pass").status_code == 201
    assert sorted(offered) == sorted(room.perspective_ids[1:])  # never their own
    assert found == {"perspective": None, "remaining": 0}


def test_next_perspective_is_the_same_until_the_participant_answers(client, room):
    reader, workshop_id = room.readers[1], room.world.workshop_id
    first = next_perspective(client, reader, workshop_id)
    assert next_perspective(client, reader, workshop_id) == first


def test_hidden_perspectives_are_never_offered(client, room, hide):
    for perspective_id in room.perspective_ids[1:]:
        hide(perspective_id)
    found = next_perspective(client, room.readers[0], room.world.workshop_id)
    assert found["perspective"]["id"] == room.perspective_ids[0]
    assert found["remaining"] == 1


def test_next_perspective_refuses_a_workshop_of_another_process(client, room, make_world):
    other = make_world(email="annan@halland.se")
    response = client.get(f"/api/v1/workshops/{other.workshop_id}/next-perspective",
                          headers=bearer(room.readers[0]))
    assert response.status_code == 403
    assert response.json["error"]["code"] == "token_not_for_this_process"

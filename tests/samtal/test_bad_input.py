"""Bad input to the lärande samtal API: a clear message and a stable code, never a 500."""

from __future__ import annotations

import pytest

from tests.conftest import bearer
from tests.samtal.conftest import Samtal


@pytest.mark.parametrize(("body", "status", "code"), [
    ({"title": ""}, 400, "field_required"),
    ({"title": None}, 400, "field_required"),
    ({"title": "x" * 201}, 400, "field_too_long"),
    ({"prompt": "x" * 1001}, 400, "field_too_long"),
    ({"perspective_ids": "1,2"}, 400, "round_needs_perspectives"),
    ({"perspective_ids": [1]}, 400, "round_needs_perspectives"),
    ({"perspective_ids": list(range(1, 10))}, 400, "round_needs_perspectives"),
    ({"perspective_ids": [999998, 999999]}, 400, "perspective_not_in_process"),
    ({"perspective_ids": [True, False]}, 400, "field_required"),
    ({"basis": "whim"}, 400, "unknown_round_basis"),
    ({"closes_at": "next tuesday"}, 400, "invalid_closes_at"),
    ({"closes_at": "2001-01-01T00:00:00+00:00"}, 400, "invalid_closes_at"),
    ({"closes_at": "2099-01-01T00:00:00"}, 400, "invalid_closes_at"),
])
def test_bad_rounds_are_refused_with_a_code(samtal: Samtal, body, status, code):
    response = samtal.build_round(**body)
    assert response.status_code == status
    assert response.json["error"]["code"] == code
    assert response.json["error"]["message"]


def test_the_same_perspective_twice_counts_once(samtal: Samtal):
    first = samtal.perspective_ids[0]
    response = samtal.build_round([first, first])
    assert response.json["error"]["code"] == "round_needs_perspectives"


def test_a_hidden_perspective_cannot_be_put_in_a_round(samtal: Samtal):
    hidden = samtal.perspective_ids[0]
    samtal.client.post(f"/api/v1/perspectives/{hidden}/moderation", headers=samtal.auth,
                       json={"action": "hide"})
    response = samtal.build_round([hidden, samtal.perspective_ids[1]])
    assert response.json["error"]["code"] == "perspective_not_in_process"


def test_rounds_are_built_only_in_lärande_samtal(listened: Samtal):
    response = listened.build_round()
    assert response.status_code == 409
    assert response.json["error"]["code"] == "not_in_larande_samtal"


def test_a_perspective_of_another_process_is_refused(samtal: Samtal, make_world,
                                                     join_participant):
    other = make_world(email="annan@halland.se")
    token = join_participant(other.join_code, "unga")
    foreign = samtal.client.post(f"/api/v1/workshops/{other.workshop_id}/perspectives",
                                 headers=bearer(token),
                                 json={"text": "Annat", "kind": "idea", "client_id": "f"}).json
    response = samtal.build_round([samtal.perspective_ids[0], foreign["id"]])
    assert response.json["error"]["code"] == "perspective_not_in_process"


@pytest.mark.parametrize(("body", "status", "code"), [
    ({"view_change": ""}, 400, "view_change_required"),
    ({"view_change": "upside_down"}, 400, "unknown_view_change"),
    ({"understood": 5}, 400, "field_required"),
    ({"question": "å" * 501}, 400, "reflection_too_long"),
    ({"client_id": None}, 400, "client_id_required"),
    ({"client_id": "x" * 65}, 400, "client_id_too_long"),
    ({"moved_by": "nope"}, 400, "field_required"),
])
def test_bad_reflections_are_refused_with_a_code(samtal: Samtal, open_round: int, body,
                                                 status, code):
    response = samtal.reflect(samtal.phones["unga"], open_round, **body)
    assert response.status_code == status
    assert response.json["error"]["code"] == code
    assert response.json["error"]["message"]


def test_an_answer_of_exactly_500_characters_is_accepted(samtal: Samtal, open_round: int):
    assert samtal.reflect(samtal.phones["unga"], open_round,
                          understood="å" * 500).status_code == 201


@pytest.mark.parametrize(("path", "method", "code", "status"), [
    ("/api/v1/conversation-rounds/999999/reflections", "post", "conversation_round_not_found",
     404),
    ("/api/v1/conversation-rounds/999999", "get", "facilitator_token_required", 401),
    ("/api/v1/me/conversation-rounds", "get", "participant_token_invalid", 401),
    ("/api/v1/me/screen", "get", "participant_token_invalid", 401),
])
def test_unknown_rounds_and_missing_tokens(samtal: Samtal, path, method, code, status):
    headers = bearer(samtal.phones["unga"]) if "reflections" in path else {}
    response = getattr(samtal.client, method)(path, headers=headers, json={})
    assert response.status_code == status
    assert response.json["error"]["code"] == code


def test_a_participant_token_cannot_answer_another_process(samtal: Samtal, open_round: int,
                                                          make_world, join_participant):
    other = make_world(email="annan@halland.se")
    stranger = join_participant(other.join_code)
    response = samtal.reflect(stranger, open_round)
    assert response.status_code == 403
    assert response.json["error"]["code"] == "token_not_for_this_process"


def test_a_participant_token_cannot_build_rounds_or_log_resistance(samtal: Samtal):
    phone = bearer(samtal.phones["unga"])
    for path in ("conversation-rounds", "resistance-line", "phases"):
        response = samtal.client.post(f"/api/v1/processes/{samtal.world.process_id}/{path}",
                                      headers=phone, json={})
        assert response.status_code == 401
        assert response.json["error"]["code"] == "participant_token_not_allowed"


def test_english_messages_on_request(samtal: Samtal, open_round: int):
    response = samtal.client.post(
        f"/api/v1/conversation-rounds/{open_round}/reflections",
        headers=bearer(samtal.phones["unga"]) | {"Accept-Language": "en"},
        json={"client_id": "e", "view_change": ""})
    assert response.json["error"]["message"] == (
        "Say whether your own view is unchanged, nuanced or changed.")

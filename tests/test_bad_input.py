"""Bad input always gets a clear Swedish message and a stable code, never a 500."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.conftest import World, bearer


@pytest.fixture
def participant_token(client: FlaskClient, world: World) -> str:
    return client.post("/api/v1/join", json={"join_code": world.join_code}).json[
        "participant_token"]


def submit(client: FlaskClient, world: World, token: str, **body):
    payload = {"text": "En tanke.", "kind": "thought", "client_id": "c-1"} | body
    return client.post(f"/api/v1/workshops/{world.workshop_id}/perspectives",
                       headers=bearer(token), json=payload)


@pytest.mark.parametrize(("body", "code"), [
    ({"text": ""}, "text_required"),
    ({"text": "   "}, "text_required"),
    ({"text": 42}, "text_required"),
    ({"text": "å" * 501}, "text_too_long"),
    ({"kind": "rant"}, "unknown_kind"),
    ({"kind": None}, "unknown_kind"),
    ({"stakeholder_group": "marsianer"}, "unknown_stakeholder_group"),
    ({"client_id": ""}, "client_id_required"),
    ({"client_id": "x" * 65}, "client_id_too_long"),
])
def test_invalid_perspectives_are_refused_with_a_code(client, world, participant_token,
                                                      body, code):
    response = submit(client, world, participant_token, **body)
    assert response.status_code == 400
    assert response.json["error"]["code"] == code
    assert response.json["error"]["message"]


def test_a_text_of_exactly_500_characters_is_accepted(client, world, participant_token):
    assert submit(client, world, participant_token, text="a" * 500).status_code == 201


def test_messages_are_swedish_first_and_english_on_request(client, world, participant_token):
    swedish = submit(client, world, participant_token, text="")
    english = client.post(f"/api/v1/workshops/{world.workshop_id}/perspectives",
                          headers=bearer(participant_token) | {"Accept-Language": "en"},
                          json={"text": "", "kind": "idea", "client_id": "c"})
    assert swedish.json["error"]["message"] == "Skriv något innan du skickar."
    assert english.json["error"]["message"] == "Write something before sending."


@pytest.mark.parametrize(("code", "status", "error"), [
    ("", 400, "join_code_required"),
    ("ZZZZZZ", 404, "join_code_unknown"),
    (None, 400, "join_code_required"),
    (123456, 400, "join_code_required"),
])
def test_wrong_join_codes_are_explained(client: FlaskClient, world: World, code, status, error):
    response = client.post("/api/v1/join", json={"join_code": code})
    assert (response.status_code, response.json["error"]["code"]) == (status, error)


def test_a_closed_workshop_cannot_be_joined(client: FlaskClient, world: World):
    client.patch(f"/api/v1/workshops/{world.workshop_id}",
                 headers=bearer(world.facilitator_token), json={"state": "closed"})
    response = client.post("/api/v1/join", json={"join_code": world.join_code})
    assert (response.status_code, response.json["error"]["code"]) == (409, "workshop_closed")


def test_closing_a_workshop_keeps_what_was_sent_and_resends_still_answer(
        client, world, participant_token):
    first = submit(client, world, participant_token)
    client.patch(f"/api/v1/workshops/{world.workshop_id}",
                 headers=bearer(world.facilitator_token), json={"state": "closed"})
    resend = submit(client, world, participant_token)
    new = submit(client, world, participant_token, client_id="c-2")
    assert (resend.status_code, resend.json["id"]) == (200, first.json["id"])
    assert (new.status_code, new.json["error"]["code"]) == (409, "workshop_closed")


@pytest.mark.parametrize(("data", "content_type"), [
    ("{not json", "application/json"),
    ("[1, 2]", "application/json"),
    ("text=hej", "application/x-www-form-urlencoded"),
    ("", "application/json"),
])
def test_malformed_json_is_refused(client, world, participant_token, data, content_type):
    response = client.post(f"/api/v1/workshops/{world.workshop_id}/perspectives",
                           headers=bearer(participant_token), data=data,
                           content_type=content_type)
    assert (response.status_code, response.json["error"]["code"]) == (400, "invalid_json")


def test_an_oversized_request_body_is_refused(client, world, participant_token):
    response = client.post(f"/api/v1/workshops/{world.workshop_id}/perspectives",
                           headers=bearer(participant_token),
                           data='{"text": "' + "a" * 400_000 + '"}',
                           content_type="application/json")
    assert (response.status_code, response.json["error"]["code"]) == (413, "payload_too_large")


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer nonsense", "Basic abc",
                                    "Bearer p.unknown-token"])
def test_missing_or_unknown_participant_tokens_are_refused(client, world, header):
    headers = {"Authorization": header} if header else {}
    response = client.post(f"/api/v1/workshops/{world.workshop_id}/perspectives",
                           headers=headers, json={"text": "x", "kind": "idea", "client_id": "1"})
    assert (response.status_code, response.json["error"]["code"]) == (
        401, "participant_token_invalid")


def test_a_participant_token_is_not_a_facilitator_token(client, world, participant_token):
    response = client.get(f"/api/v1/processes/{world.process_id}/perspectives",
                          headers=bearer(participant_token))
    assert (response.status_code, response.json["error"]["code"]) == (
        401, "participant_token_not_allowed")


def test_a_token_from_another_process_is_foreign(client, make_world, world, participant_token):
    other = make_world(email="annan@halland.se")
    response = client.post(f"/api/v1/workshops/{other.workshop_id}/perspectives",
                           headers=bearer(participant_token),
                           json={"text": "x", "kind": "idea", "client_id": "1"})
    assert (response.status_code, response.json["error"]["code"]) == (
        403, "token_not_for_this_process")


def test_a_facilitator_cannot_read_another_facilitators_process(client, make_world, world):
    other = make_world(email="annan@halland.se")
    response = client.get(f"/api/v1/processes/{world.process_id}/perspectives",
                          headers=bearer(other.facilitator_token))
    assert (response.status_code, response.json["error"]["code"]) == (403, "not_your_process")


@pytest.mark.parametrize(("body", "code"), [
    ({"question": "?", "stakeholder_groups": ["unga"]}, "field_required"),
    ({"title": "T", "stakeholder_groups": ["unga"]}, "field_required"),
    ({"title": "T", "question": "?"}, "stakeholder_groups_required"),
    ({"title": "T", "question": "?", "stakeholder_groups": []}, "stakeholder_groups_required"),
    ({"title": "T", "question": "?", "stakeholder_groups": [""]}, "invalid_stakeholder_group"),
    ({"title": "T" * 201, "question": "?", "stakeholder_groups": ["u"]}, "field_too_long"),
])
def test_invalid_processes_are_refused(client, world, body, code):
    response = client.post("/api/v1/processes", headers=bearer(world.facilitator_token),
                           json=body)
    assert (response.status_code, response.json["error"]["code"]) == (400, code)


@pytest.mark.parametrize(("method", "path", "status", "code"), [
    ("get", "/api/v1/no-such-thing", 404, "not_found"),
    ("delete", "/api/v1/join", 405, "method_not_allowed"),
    ("get", "/api/v1/processes/999", 404, "process_not_found"),
])
def test_unknown_paths_and_methods_answer_in_json(client, world, method, path, status, code):
    response = getattr(client, method)(path, headers=bearer(world.facilitator_token))
    assert (response.status_code, response.json["error"]["code"]) == (status, code)

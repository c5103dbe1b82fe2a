"""Bad input in konkretisering gets a clear Swedish message and a stable code, never a 500."""

from __future__ import annotations

import pytest

from tests.konkret.conftest import Konkret


@pytest.fixture
def ready(konkret: Konkret) -> dict:
    """An alternative with an open check-back round and an open vote."""
    alternative = konkret.draft()
    checkback = konkret.post(f"/processes/{konkret.pid}/checkback-rounds").json["round"]
    vote = konkret.post(f"/alternatives/{alternative['id']}/votes").json
    return {"alternative": alternative["id"], "round": checkback["id"], "vote": vote["id"]}


FACILITATOR_CASES = [
    ("/processes/{pid}/alternatives", {"title": ""}, 400, "field_required"),
    ("/processes/{pid}/alternatives", {"title": "x" * 201}, 400, "field_too_long"),
    ("/processes/{pid}/alternatives", {"title": "X", "perspective_ids": "1"}, 400,
     "invalid_id_list"),
    ("/processes/{pid}/alternatives", {"title": "X", "perspective_ids": [999]}, 400,
     "perspective_not_in_process"),
    ("/processes/{pid}/alternatives", {"title": "X", "reflection_ids": [999]}, 400,
     "reflection_not_in_process"),
    ("/processes/{pid}/alternatives", {"title": "X", "perspective_ids": ["a"]}, 400,
     "field_required"),
    ("/processes/{pid}/checkback-rounds", {"alternative_ids": [999]}, 400,
     "alternative_not_in_process"),
    ("/processes/{pid}/checkback-rounds", {"closes_at": "i morgon"}, 400, "invalid_datetime"),
    ("/processes/{pid}/checkback-rounds", {"closes_at": "2001-01-01T00:00"}, 400,
     "closes_at_in_past"),
    ("/processes/{pid}/checkback-rounds", {"after_phase_id": 999}, 400,
     "phase_not_in_process"),
    ("/alternatives/{alternative}/votes", {}, 409, "vote_already_open"),
    ("/alternatives/{alternative}/conclude", {}, 409, "vote_already_open"),
    ("/alternatives/{alternative}/amendments", {"text": "x"}, 409, "vote_already_open"),
    ("/alternatives/999/votes", {}, 404, "alternative_not_found"),
    ("/vote-rounds/999/close", {}, 404, "vote_round_not_found"),
    ("/checkback-rounds/999/close", {}, 404, "checkback_round_not_found"),
    ("/processes/{pid}/committee-goals", {"title": "Mål", "kind": "dröm"}, 400,
     "unknown_goal_kind"),
    ("/processes/{pid}/committee-goals", {"title": "Mål", "budget_tkr": -5}, 400,
     "invalid_budget"),
    ("/processes/{pid}/committee-goals/preset", {"preset": "okänd"}, 400,
     "unknown_goal_preset"),
    ("/processes/{pid}/proposals", {"title": "F", "owner": "Kommunen"}, 400,
     "alternatives_required"),
    ("/processes/{pid}/proposals", {"title": "F", "owner": "", "alternative_ids": [1]}, 409,
     "alternative_not_accepted"),
    ("/processes/{pid}/fishing", {"alternative_id": 999}, 404, "alternative_not_found"),
    ("/fishing/999/close", {}, 404, "fishing_prompt_not_found"),
    ("/proposals/999/status-updates", {"status": "pågår"}, 404, "proposal_not_found"),
]


@pytest.mark.parametrize(("path", "body", "status", "code"), FACILITATOR_CASES)
def test_facilitator_input_is_refused_with_a_code(konkret: Konkret, ready, path, body, status,
                                                  code):
    response = konkret.post(path.format(pid=konkret.pid, **ready), body)
    assert response.status_code == status, response.json
    assert response.json["error"]["code"] == code
    assert response.json["error"]["message"]


@pytest.mark.parametrize(("body", "code"), [
    ({"title": "F", "owner": "K", "budget_tkr": "mycket"}, "invalid_budget"),
    ({"title": "F", "owner": "K", "budget_tkr": 1.5}, "invalid_budget"),
    ({"title": "F", "owner": "K", "starts_on": "31/12"}, "invalid_date"),
    ({"title": "F", "owner": "K", "starts_on": "2021-12-01", "ends_on": "2021-01-01"},
     "ends_before_start"),
    ({"title": "F", "owner": "", "indicators": []}, "field_required"),
    ({"title": "F", "owner": "K", "indicators": [1, 2]}, "invalid_text"),
    ({"title": "F", "owner": "K", "committee_goal_id": 999}, "committee_goal_not_found"),
    ({"title": "F", "owner": "Anna, 070-123 45 67"}, "owner_personal_data"),
])
def test_proposal_fields_are_checked(konkret: Konkret, body, code):
    alternative = konkret.draft()
    konkret.run_vote(alternative["id"], ["for"])
    response = konkret.post(f"/processes/{konkret.pid}/proposals",
                            body | {"alternative_ids": [alternative["id"]]})
    assert response.status_code in (400, 404)
    assert response.json["error"]["code"] == code


@pytest.mark.parametrize(("path", "body", "status", "code"), [
    ("/checkback-rounds/{round}/ratings", {"alternative_id": "{alternative}",
                                           "value": "kanske", "client_id": "c"},
     400, "unknown_rating"),
    ("/checkback-rounds/{round}/ratings", {"alternative_id": 999, "value": "supports",
                                           "client_id": "c"}, 400, "alternative_not_in_round"),
    ("/checkback-rounds/{round}/ratings", {"alternative_id": "{alternative}",
                                           "value": "supports"}, 400, "client_id_required"),
    ("/checkback-rounds/{round}/ratings", {"alternative_id": "{alternative}",
                                           "value": "supports", "reason": "x" * 1001,
                                           "client_id": "c"}, 400, "field_too_long"),
    ("/vote-rounds/{vote}/votes", {"value": "kanske", "client_id": "c"}, 400, "unknown_vote"),
    ("/vote-rounds/{vote}/votes", {"value": "for", "client_id": "x" * 65}, 400,
     "client_id_too_long"),
    ("/vote-rounds/{vote}/conditions", {"text": "Om…", "client_id": "c"}, 409,
     "minority_not_asked"),
    ("/vote-rounds/999/votes", {"value": "for", "client_id": "c"}, 404, "vote_round_not_found"),
    ("/fishing/999/answers", {"text": "x", "client_id": "c"}, 404, "fishing_prompt_not_found"),
])
def test_phone_input_is_refused_with_a_code(konkret: Konkret, ready, path, body, status, code):
    filled = {k: int(v.format(**ready)) if isinstance(v, str) and v.startswith("{") else v
              for k, v in body.items()}
    response = konkret.post(path.format(**ready), filled, konkret.phones[0])
    assert response.status_code == status, response.json
    assert response.json["error"]["code"] == code
    assert response.json["error"]["message"]


def test_a_token_from_another_process_is_refused(konkret: Konkret, ready, make_world, client):
    other = make_world(email="annan@halland.se")
    token = client.post("/api/v1/join", json={"join_code": other.join_code}).json[
        "participant_token"]
    response = konkret.post(f"/vote-rounds/{ready['vote']}/votes",
                            {"value": "for", "client_id": "c"}, token)
    assert response.status_code == 403
    assert response.json["error"]["code"] == "token_not_for_this_process"


@pytest.mark.parametrize("path", ["/me/konkret", "/processes/{pid}/proposals",
                                  "/proposals/1/trace"])
def test_the_wrong_kind_of_token_is_refused(konkret: Konkret, path):
    path = path.format(pid=konkret.pid)
    token = None if path == "/me/konkret" else konkret.phones[0]
    response = konkret.client.get(f"/api/v1{path}",
                                  headers={"Authorization": f"Bearer {token or 'f.nonsense'}"})
    assert response.status_code == 401
    assert response.json["error"]["message"]


def test_messages_are_swedish_first_and_english_on_request(konkret: Konkret, ready):
    body = {"alternative_id": ready["alternative"], "value": "kanske", "client_id": "c"}
    swedish = konkret.post(f"/checkback-rounds/{ready['round']}/ratings", body,
                           konkret.phones[0])
    english = konkret.client.post(f"/api/v1/checkback-rounds/{ready['round']}/ratings?lang=en",
                                  json=body, headers={"Authorization":
                                                      f"Bearer {konkret.phones[0]}"})
    assert swedish.json["error"]["message"] == "Välj stöder, kan leva med eller invänder."
    assert english.json["error"]["message"] == "Choose supports, can live with or objects."

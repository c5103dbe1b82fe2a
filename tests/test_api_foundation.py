"""The JSON API of the foundation: auth, processes, workshops, joining, perspectives, and
the error path of a failed commit."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask.testing import FlaskClient
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from dialog.web.errors import http_code
from tests.conftest import PASSWORD, World, bearer


def test_a_facilitator_exchanges_credentials_for_a_token(client: FlaskClient, make_facilitator):
    make_facilitator("anna@varberg.se")
    response = client.post("/api/v1/auth/token",
                           json={"email": "Anna@Varberg.se", "password": PASSWORD})
    assert response.status_code == 200
    assert response.json["token"].startswith("f.")


def test_wrong_password_is_refused_with_a_stable_code(client: FlaskClient, make_facilitator):
    make_facilitator("anna@varberg.se")
    response = client.post("/api/v1/auth/token",
                           json={"email": "anna@varberg.se", "password": "fel"})
    assert response.status_code == 401
    assert response.json["error"]["code"] == "invalid_credentials"
    assert "lösenord" in response.json["error"]["message"]


def test_creating_a_process_returns_its_id_and_slug(client: FlaskClient, make_facilitator):
    _id, token = make_facilitator()
    response = client.post("/api/v1/processes", headers=bearer(token), json={
        "title": "Tillit och trygghet i Varberg",
        "question": "Vad behövs för att unga ska känna sig trygga?",
        "stakeholder_groups": ["unga", "vårdnadshavare", "polis"],
    })
    assert response.status_code == 201
    assert response.json["slug"] == "tillit-och-trygghet-i-varberg"
    detail = client.get(f"/api/v1/processes/{response.json['id']}", headers=bearer(token)).json
    assert detail["stakeholder_groups"] == ["unga", "vårdnadshavare", "polis"]
    assert detail["phases"] == [{"id": detail["phases"][0]["id"], "kind": "inventering",
                                 "round": 1, "status": "open",
                                 "opened_at": detail["phases"][0]["opened_at"],
                                 "closed_at": None}]
    assert detail["tally"]["missing"] == ["unga", "vårdnadshavare", "polis"]


def test_two_processes_with_the_same_title_get_distinct_slugs(client, make_facilitator):
    _id, token = make_facilitator()
    body = {"title": "Trygghet", "question": "?", "stakeholder_groups": ["unga"]}
    first = client.post("/api/v1/processes", headers=bearer(token), json=body).json
    second = client.post("/api/v1/processes", headers=bearer(token), json=body).json
    assert (first["slug"], second["slug"]) == ("trygghet", "trygghet-2")


def test_opening_a_workshop_gives_a_join_code_and_url(client: FlaskClient, world: World):
    response = client.post(f"/api/v1/processes/{world.process_id}/workshops",
                           headers=bearer(world.facilitator_token), json={"title": "Kväll 2"})
    assert response.status_code == 201
    code = response.json["join_code"]
    assert len(code) == 6
    assert code.isalnum()
    assert code.isupper()
    assert response.json["join_url"].endswith(f"/j/{code}")


@pytest.mark.parametrize("code", ["lower", "spaced", "dashed"])
def test_joining_accepts_a_code_typed_loosely(client: FlaskClient, world: World, code: str):
    typed = {"lower": world.join_code.lower(),
             "spaced": f" {world.join_code[:3]} {world.join_code[3:]} ",
             "dashed": f"{world.join_code[:3]}-{world.join_code[3:]}"}[code]
    response = client.post("/api/v1/join", json={"join_code": typed})
    assert response.status_code == 201
    assert response.json["workshop_id"] == world.workshop_id
    assert response.json["participant_token"].startswith("p.")


def test_a_participant_submits_a_perspective_once_per_client_id(client, world: World):
    token = client.post("/api/v1/join", json={"join_code": world.join_code,
                                              "stakeholder_group": "unga"}).json[
        "participant_token"]
    body = {"text": "Parken känns otrygg på kvällen.", "kind": "feeling",
            "stakeholder_group": "unga", "client_id": "c-1"}
    url = f"/api/v1/workshops/{world.workshop_id}/perspectives"
    first = client.post(url, headers=bearer(token), json=body)
    again = client.post(url, headers=bearer(token), json=body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json["id"] == again.json["id"]
    listed = client.get(f"/api/v1/processes/{world.process_id}/perspectives",
                        headers=bearer(world.facilitator_token)).json["perspectives"]
    assert len(listed) == 1
    assert listed[0] | {"created_at": None} == listed[0] | {
        "text": "Parken känns otrygg på kvällen.", "kind": "feeling",
        "stakeholder_group": "unga", "status": "approved", "created_at": None}


def test_the_openapi_document_describes_the_public_paths(client: FlaskClient):
    spec = client.get("/api/v1/openapi.json").json
    assert spec["openapi"].startswith("3.")
    for path in ("/auth/token", "/processes", "/processes/{id}/workshops", "/join",
                 "/workshops/{id}/perspectives", "/processes/{id}/perspectives"):
        assert path in spec["paths"], path


def test_the_openapi_document_lists_every_api_route(app, client: FlaskClient):
    import re

    spec = client.get("/api/v1/openapi.json").json
    documented = {(path, method) for path, ops in spec["paths"].items() for method in ops}
    routes = set()
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/"):
            continue
        path = re.sub(r"<int:\w+>", "{id}", rule.rule.removeprefix("/api/v1"))
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", path)
        routes |= {(path, m.lower()) for m in rule.methods - {"HEAD", "OPTIONS"}}
    assert sorted(routes - documented) == []



def _lost_database(_session: Session) -> None:
    raise OperationalError("COMMIT", {}, Exception("database is gone"))


@pytest.fixture
def failing_commit(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Call it, and from then on every commit fails as with a lost database."""
    return lambda: monkeypatch.setattr(Session, "commit", _lost_database)


def test_a_failed_commit_of_a_json_route_is_a_logged_internal_error(
        client: FlaskClient, make_facilitator, failing_commit, caplog: pytest.LogCaptureFixture):
    _id, token = make_facilitator()
    failing_commit()
    response = client.post("/api/v1/processes", headers=bearer(token), json={
        "title": "Trygghet", "question": "?", "stakeholder_groups": ["unga"]})
    assert response.status_code == 500
    assert response.json["error"]["code"] == "internal_error"
    assert response.json["error"]["message"].startswith("Något gick fel hos oss.")
    assert any("commit failed for POST /api/v1/processes" in r.getMessage()
               for r in caplog.records)


def test_nothing_of_a_failed_commit_is_stored(client: FlaskClient, make_facilitator,
                                             monkeypatch: pytest.MonkeyPatch):
    _id, token = make_facilitator()
    with monkeypatch.context() as patched:
        patched.setattr(Session, "commit", _lost_database)
        client.post("/api/v1/processes", headers=bearer(token), json={
            "title": "Trygghet", "question": "?", "stakeholder_groups": ["unga"]})
    listed = client.get("/api/v1/processes", headers=bearer(token))
    assert listed.status_code == 200
    assert listed.json["processes"] == []


def test_a_failed_commit_of_a_page_is_the_swedish_error_page(
        client: FlaskClient, world: World, failing_commit, caplog: pytest.LogCaptureFixture):
    failing_commit()
    response = client.get("/facilitator/login", headers={"Accept": "text/html"})
    assert response.status_code == 500
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "Något gick fel hos oss." in page
    assert "bad_request" not in page
    assert any("commit failed for GET /facilitator/login" in r.getMessage()
               for r in caplog.records)


@pytest.mark.parametrize(("status", "code"), [
    (400, "bad_request"), (404, "not_found"), (418, "bad_request"), (500, "internal_error"),
    (503, "internal_error"),
])
def test_http_errors_get_a_code_by_whose_fault_they_are(status: int, code: str):
    assert http_code(status) == code


def test_no_two_schemas_in_the_openapi_document_share_a_name(app):
    from dialog.web.http_actions import ROUTES

    owners: dict[str, set[str]] = {}
    for route in ROUTES:
        action = route.action
        for model in (action.input, action.result) if action else (route.body, route.result):
            if model is not None:
                owners.setdefault(model.__name__, set()).add(model.__module__)
    assert {name: found for name, found in owners.items() if len(found) > 1} == {}

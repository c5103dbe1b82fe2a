"""Bad input never gets a 500: every route, every kind of garbage, with every kind of caller.

The corpus (:mod:`tests.security.bad_inputs`) is sent to every rule of the app's URL map,
the JSON API as the facilitator, as a participant and anonymously, the console forms as
a signed-in facilitator. Every answer is below 500 and says what was wrong: a JSON
``error.code`` on the API, an HTML page elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from dialog.actions import Role
from dialog.actions.declare import REGISTRY
from dialog.demo import DEMO_EMAIL, DEMO_PASSWORD
from dialog.extensions import db
from dialog.i18n import translate
from dialog.services.throttle import Throttle
from dialog.web.http_actions import API_PREFIX, ROUTES, Route
from dialog.web.socket_route import ENDPOINT as SOCKET_ENDPOINT
from tests.conftest import bearer
from tests.security.bad_inputs import (
    BAD_FORM_VALUES,
    WRONG_CONTENT,
    Case,
    body_variants,
    fill,
    path_variants,
)
from tests.security.bad_inputs_world import Demo, demo_app

#: The Socket.IO path's requests are answered by engine.io before the app sees them (its
#: bad input: test_bad_input_socket.py).
SKIPPED = {"static", SOCKET_ENDPOINT}


@dataclass(frozen=True)
class Rule:
    method: str
    rule: str
    endpoint: str

    @property
    def api(self) -> bool:
        return self.rule.startswith(API_PREFIX + "/")

    def __str__(self) -> str:
        return f"{self.method} {self.rule}"


def rules() -> list[Rule]:
    from dialog.config import Settings
    from dialog.web.app import create_app

    app = create_app(Settings(database_url="sqlite://", secret_key="x"), TESTING=True)
    found = [Rule(method, rule.rule, rule.endpoint) for rule in app.url_map.iter_rules()
             if rule.endpoint not in SKIPPED
             for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"})]
    db.dispose()
    return sorted(found, key=lambda r: (r.rule, r.method))


RULES = rules()


def documented(rule: Rule) -> Route | None:
    """The OpenAPI route of an API rule (its action's input names the body's fields)."""
    path = openapi_path_of(rule.rule)
    return next((r for r in ROUTES if (r.method, r.path) == (rule.method, path)), None)


def openapi_path_of(rule: str) -> str:
    path = re.sub(r"<int:[a-z_]+>", "{id}", rule.removeprefix(API_PREFIX))
    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", path)


def input_fields(route: Route | None) -> list[str]:
    if route is None:
        return []
    model = route.action.input if route.action else route.body
    return sorted(set(model.model_fields) - route.path_fields) if model else []


#: Who may call a route of each role (the others are refused before the body is read).
ROLE_CALLERS = {Role.FACILITATOR: {"facilitator"}, Role.PARTICIPANT: {"participant"},
                Role.SIGNED_IN: {"facilitator", "participant"},
                Role.PUBLIC: {"facilitator", "anonymous"}}

#: Field names any form might read: every action's input fields, once.
FORM_FIELDS = sorted({name for action in REGISTRY.values() for name in action.input.model_fields})


def api_cases(rule: Rule, demo: Demo) -> Iterator[tuple[Case, dict[str, str]]]:
    """The corpus for one API rule, by every caller."""
    callers = {"facilitator": bearer(demo.facilitator_token),
               "participant": bearer(demo.participant_token), "anonymous": {}}
    route = documented(rule)
    fields = input_fields(route)
    allowed = ROLE_CALLERS[route.role if route and route.role else Role.PUBLIC]
    for who, headers in callers.items():
        paths = path_variants(rule.rule)
        for path in paths if who in allowed else paths[2:4]:
            yield Case(rule.method, path, who), headers
        good_path = fill(rule.rule)
        if rule.method == "GET":
            for value in ("%00", "2147483648", "1e309", "%ED%A0%80", "x" * 3000):
                query = "&".join(f"{field}={value}" for field in fields or ["q"])
                yield Case("GET", f"{good_path}?{query}", who), headers
            continue
        # A caller of the wrong role is refused before the body is read: a few bodies
        # show it; the callers the route is for get all of them.
        bodies = body_variants(fields) if who in allowed else body_variants([])[:5]
        for body in bodies:
            yield Case(rule.method, good_path, who, body), headers
        for content_type, body in WRONG_CONTENT:
            yield Case(rule.method, good_path, who, body, content_type), headers


def form_cases(rule: Rule) -> Iterator[Case]:
    """The corpus for one console or page rule, as the signed-in facilitator."""
    for path in path_variants(rule.rule):
        yield Case(rule.method, path, "facilitator")
    if rule.method == "GET":
        for query in ("next=%00&code=a%00&version=2147483648", "next=//evil.example&lang=%FF",
                      "code=" + "x" * 3000):
            yield Case("GET", f"{fill(rule.rule)}?{query}", "facilitator")
    if rule.method == "POST":
        for value in BAD_FORM_VALUES:
            yield Case("POST", fill(rule.rule), "facilitator",
                       "&".join(f"{name}={quote(value, safe='')}" for name in FORM_FIELDS),
                       "application/x-www-form-urlencoded")
        yield Case("POST", fill(rule.rule), "facilitator", "[" * 50_000)


def send(client: FlaskClient, case: Case, headers: dict[str, str] | None = None,
         csrf: str | None = None) -> TestResponse:
    body: str | bytes | None = case.body
    if csrf is not None and case.content_type == "application/x-www-form-urlencoded":
        body = f"{case.body}&csrf_token={csrf}"
    return client.open(case.path, method=case.method, data=body,
                       content_type=case.content_type if body is not None else None,
                       headers=headers or {})


def problem(case: Case, response: TestResponse) -> str | None:
    """What is wrong with the answer to one case, or ``None``."""
    if response.status_code >= 500:
        return f"{response.status_code} for {case}: {response.get_data(as_text=True)[:200]}"
    if response.status_code < 400:
        return None
    if response.mimetype == "application/json":
        error = (response.get_json(silent=True) or {}).get("error") or {}
        return None if error.get("code") and error.get("message") else (
            f"{response.status_code} without error.code for {case}")
    if response.mimetype == "text/html":
        return None if "<html" in response.get_data(as_text=True).lower() else (
            f"{response.status_code} without an error page for {case}")
    return f"{response.status_code} as {response.mimetype} for {case}"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, _postgres_schema: str | None,
         ) -> Iterator[Demo]:
    yield from demo_app(tmp_path_factory.mktemp("corpus"), _postgres_schema)


@pytest.fixture
def client(demo: Demo) -> FlaskClient:
    return demo.app.test_client()


def log_in(client: FlaskClient) -> str:
    """Sign the demo facilitator in through the login form; return the session's CSRF.

    The corpus posts bad logins too, which the login throttle counts; each test starts with
    a fresh count, so the throttle (tested on its own) never stands in for a bad input.
    """
    client.application.extensions["dialog.throttle"] = Throttle()
    page = client.get("/facilitator/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token
    client.post("/facilitator/login", data={"email": DEMO_EMAIL, "password": DEMO_PASSWORD,
                                            "csrf_token": token.group(1)})
    page = client.get("/facilitator/processes/new").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token, "the demo facilitator could not sign in"
    return token.group(1)


API_RULES = [rule for rule in RULES if rule.api]
#: Logging out takes no input, and it ends every token of the account (the module's demo
#: facilitator's bearer token included), so it is not part of the corpus.
PAGE_RULES = [rule for rule in RULES if not rule.api and rule.endpoint != "console.logout"]


def test_the_corpus_covers_every_route_with_at_least_300_requests(demo: Demo):
    api = sum(1 for rule in API_RULES for _ in api_cases(rule, demo))
    pages = sum(1 for rule in PAGE_RULES for _ in form_cases(rule))
    assert len(API_RULES) >= 70
    assert len(PAGE_RULES) >= 40
    assert api >= 300
    assert pages >= 300


@pytest.mark.parametrize("rule", API_RULES, ids=str)
def test_bad_input_to_the_json_api_is_a_clear_refusal_never_a_500(client: FlaskClient,
                                                                   demo: Demo, rule: Rule):
    problems = [found for case, headers in api_cases(rule, demo)
                if (found := problem(case, send(client, case, headers)))]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("rule", PAGE_RULES, ids=str)
def test_bad_input_to_pages_and_forms_is_a_clear_refusal_never_a_500(client: FlaskClient,
                                                                      demo: Demo, rule: Rule):
    csrf = log_in(client)
    problems = [found for case in form_cases(rule)
                if (found := problem(case, send(client, case, csrf=csrf)))]
    assert not problems, "\n".join(problems)




@pytest.mark.parametrize(("body", "status", "code"), [
    ("[" * 50_000 + "]" * 50_000, 400, "too_deeply_nested"),
    ('{"text": NaN, "kind": "idea", "client_id": "c"}', 400, "invalid_number"),
    ('{"text": 1e309, "kind": "idea", "client_id": "c"}', 400, "invalid_number"),
    ('{"text": "a\\u0000b", "kind": "idea", "client_id": "c"}', 400, "invalid_characters"),
    ('{"text": "\\ud800", "kind": "idea", "client_id": "c"}', 400, "invalid_characters"),
    ('{"text": [], "kind": "idea", "client_id": "c"}', 400, "text_required"),
])
def test_each_kind_of_unreadable_json_has_its_own_code(client: FlaskClient, demo: Demo,
                                                       body: str, status: int, code: str):
    response = client.post(f"/api/v1/workshops/{demo.workshop_id}/perspectives", data=body,
                           content_type="application/json",
                           headers=bearer(demo.participant_token))
    assert (response.status_code, response.json["error"]["code"]) == (status, code)


@pytest.mark.parametrize("process_id", [2**31, 2**63, 2**64])
def test_an_id_no_column_can_hold_is_not_found_in_the_path_and_in_the_body(
        client: FlaskClient, demo: Demo, process_id: int):
    path = client.get(f"/api/v1/processes/{process_id}",
                      headers=bearer(demo.facilitator_token))
    body = client.post(f"/api/v1/processes/{demo.process_id}/links",
                       headers=bearer(demo.facilitator_token),
                       json={"source_id": process_id, "target_id": 1, "relation": "supports"})
    assert (path.status_code, path.json["error"]["code"]) == (404, "not_found")
    assert (body.status_code, body.json["error"]["code"]) == (404, "id_out_of_range")


def test_the_largest_id_is_still_an_id(client: FlaskClient, demo: Demo):
    response = client.get(f"/api/v1/processes/{2**31 - 1}",
                          headers=bearer(demo.facilitator_token))
    assert (response.status_code, response.json["error"]["code"]) == (404, "process_not_found")


@pytest.mark.parametrize("query", ["?after=a%00b", "?x=%00"])
def test_nul_in_a_query_string_is_refused(client: FlaskClient, demo: Demo, query: str):
    response = client.get(f"/api/v1/processes/{demo.process_id}/perspectives{query}",
                          headers=bearer(demo.facilitator_token))
    assert (response.status_code, response.json["error"]["code"]) == (
        400, "invalid_characters")


@pytest.mark.parametrize(("query", "named"), [
    ("?q=a%00b", "Fältet sökord innehåller tecken som inte går att använda."),
    ("?kind=idea&kind=a%00", "Fältet kind innehåller tecken"),
])
def test_a_refusal_names_the_field_as_people_read_it_not_by_its_path(
        client: FlaskClient, query: str, named: str):
    response = client.get(f"/p/nagon-process{query}", headers={"Accept": "application/json"})
    assert (response.status_code, response.json["error"]["code"]) == (
        400, "invalid_characters")
    message = response.json["error"]["message"]
    assert message.startswith(named)
    assert not re.search(r"\.\d", message)


@pytest.mark.parametrize(("path", "locale", "named"), [
    ("q.0", "en", "The field search words holds"),
    ("items.3.text", "sv", "Fältet items.text innehåller"),
])
def test_a_field_path_in_any_refusal_becomes_a_name(path: str, locale: str, named: str):
    assert translate("errors.invalid_characters", locale, field=path).startswith(named)


def test_a_utf8_byte_order_mark_is_tolerated(client: FlaskClient, demo: Demo):
    body = '\ufeff{"text": "Med BOM.", "kind": "idea", "client_id": "bom-1"}'.encode()
    response = client.post(f"/api/v1/workshops/{demo.workshop_id}/perspectives", data=body,
                           content_type="application/json",
                           headers=bearer(demo.participant_token))
    assert response.status_code in (200, 201)

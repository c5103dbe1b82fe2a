"""Who reaches what, checked over every declared action, API route, Socket.IO event and
console page that reads or changes a process. The lists come from the registry, the routes
and the URL map, so whatever is added later is covered (or this test says what is missing).

* an outsider (no role in the process) is refused everything: 403 or 404;
* a reader reads everything and changes nothing (403 ``team_reader_cannot_change``);
* a co-facilitator does everything but manage the team (403 ``team_owner_required``);
* the owner does everything;
* a proposal owner reaches only their own proposal, and only what proposal owners may do.
"""

from __future__ import annotations

import re
from pathlib import Path
from tempfile import mkdtemp
from typing import Any

import pytest
from flask import Flask
from werkzeug.routing import Rule

from dialog.actions import REGISTRY, Action, Role, perform
from dialog.config import Settings
from dialog.errors import DialogError
from dialog.extensions import db
from dialog.live.socket_actions import EVENTS
from dialog.models import Proposal
from dialog.policy import Level
from dialog.web.app import create_app
from dialog.web.http_actions import ROUTES, Route
from tests.team.conftest import Staffed

#: The refusals of the policy; anything else (a 400 about the input, a 409 about the
#: state) means the policy let the caller through to the operation.
POLICY_REFUSALS = {"not_your_process", "team_reader_cannot_change", "team_owner_required"}


def built_app() -> Flask:
    """An app of its own, built at collection: building it fills the registries, the
    routes and the URL map that the parameters below are made from."""
    folder = Path(mkdtemp())
    return create_app(Settings(database_url=f"sqlite:///{folder / 'x.sqlite3'}",
                               secret_key="x", instance_dir=folder))


BUILT = built_app()

#: Every action a facilitator calls on an object of a process.
PROCESS_ACTIONS = sorted(name for name, action in REGISTRY.items()
                         if action.target is not None
                         and action.role in (Role.FACILITATOR, Role.SIGNED_IN))
CHANGING = [name for name in PROCESS_ACTIONS if REGISTRY[name].changes]
READING = [name for name in PROCESS_ACTIONS if not REGISTRY[name].changes]


def inputs_for(action: Action[Any], staffed: Staffed) -> dict[str, Any]:
    """Input that parses: the target's id, and 1 for every other required id."""
    data: dict[str, Any] = {}
    for name, info in action.input.model_fields.items():
        if info.is_required():  # the required fields are ids
            data[name] = 1
    assert action.target is not None
    data[action.target.field] = target_id(action, staffed)
    return data


def target_id(action: Action[Any], staffed: Staffed) -> int:
    assert action.target is not None
    model = action.target.model.__name__
    if model == "Proposal":
        return staffed.owned_proposal
    return staffed.ids[model]


def outcome(staffed: Staffed, who: str, action: Action[Any],
            data: dict[str, Any] | None = None) -> str:
    """``"ok"``, or the refusal's code; nothing the action did is kept."""
    session = db.new_session()
    try:
        perform(action, session, staffed.account(session, who),
                data if data is not None else inputs_for(action, staffed))
    except DialogError as exc:
        return exc.code
    finally:
        session.rollback()
        session.close()
    return "ok"


def test_the_lists_are_not_empty_and_every_face_uses_a_declared_action():
    assert len(CHANGING) > 30
    assert len(READING) > 20
    assert {"team.add", "team.remove", "team.list", "proposal.status"} <= set(PROCESS_ACTIONS)
    assert all(action in REGISTRY.values() for action in EVENTS.values())
    assert all(route.action in REGISTRY.values() for route in ROUTES if route.action)


def test_every_read_route_is_declared_as_reading_and_every_other_as_changing():
    for route in ROUTES:
        if route.action is None or route.action.target is None:
            continue
        reads = route.method == "GET"
        assert route.action.changes is not reads, f"{route.method} {route.path}"


@pytest.mark.parametrize("name", PROCESS_ACTIONS)
def test_an_outsider_is_refused_every_action(staffed: Staffed, name: str):
    assert outcome(staffed, "outsider", REGISTRY[name]) == "not_your_process"


@pytest.mark.parametrize("name", CHANGING)
def test_a_reader_is_refused_every_change(staffed: Staffed, name: str):
    expected = ("team_owner_required" if REGISTRY[name].level is Level.OWN
                else "team_reader_cannot_change")
    assert outcome(staffed, "reader", REGISTRY[name]) == expected


@pytest.mark.parametrize("name", READING)
def test_a_reader_reads_everything(staffed: Staffed, name: str):
    assert outcome(staffed, "reader", REGISTRY[name]) not in POLICY_REFUSALS


@pytest.mark.parametrize("name", PROCESS_ACTIONS)
def test_a_co_facilitator_does_everything_but_manage_the_team(staffed: Staffed, name: str):
    action = REGISTRY[name]
    got = outcome(staffed, "facilitator", action)
    if action.level is Level.OWN:
        assert got == "team_owner_required"
    else:
        assert got not in POLICY_REFUSALS


@pytest.mark.parametrize("name", PROCESS_ACTIONS)
def test_the_owner_does_everything(staffed: Staffed, name: str):
    assert outcome(staffed, "owner", REGISTRY[name]) not in POLICY_REFUSALS


@pytest.mark.parametrize("name", PROCESS_ACTIONS)
def test_a_proposal_owner_reaches_only_their_proposal(staffed: Staffed, name: str):
    action = REGISTRY[name]
    got = outcome(staffed, "proposal_owner", action)
    assert action.target is not None
    if action.proposal_owners and action.target.model is Proposal:
        assert got not in POLICY_REFUSALS
        other = inputs_for(action, staffed) | {"proposal_id": staffed.other_proposal}
        assert outcome(staffed, "proposal_owner", action, other) == "not_your_process"
    else:
        assert got == "not_your_process"


# The JSON face: every documented route about one object of a process.

#: (Programmes are not a process's; tests/team/test_programmes.py covers them.)
OBJECT_ROUTES = [route for route in ROUTES
                 if route.role in (Role.FACILITATOR, Role.SIGNED_IN) and route.path_fields
                 and not route.path.startswith("/programmes")]


def route_id(route: Route) -> str:
    return f"{route.method} {route.path}"


def url_of(route: Route, staffed: Staffed) -> str:
    if route.action is not None and route.action.target is not None:
        object_id = target_id(route.action, staffed)
    else:
        assert route.path.startswith("/processes/{id}"), route.path
        object_id = staffed.process_id
    path = route.path.replace("{id}", str(object_id))
    return "/api/v1" + path.replace("{email}", "medledare@varberg.se")


@pytest.mark.parametrize("route", OBJECT_ROUTES, ids=route_id)
def test_an_outsider_gets_403_or_404_on_every_route(staffed: Staffed, route: Route):
    client = staffed.app.test_client()
    answer = client.open(url_of(route, staffed), method=route.method, json={},
                         headers=staffed.auth("outsider"))
    assert answer.status_code in (403, 404), answer.get_data(as_text=True)


@pytest.mark.parametrize("route", OBJECT_ROUTES, ids=route_id)
def test_a_reader_reads_every_get_route_and_changes_through_none(staffed: Staffed,
                                                                 route: Route):
    client = staffed.app.test_client()
    answer = client.open(url_of(route, staffed), method=route.method, json={},
                         headers=staffed.auth("reader"))
    if route.method == "GET":
        assert answer.status_code == 200, answer.get_data(as_text=True)
    else:
        assert answer.status_code == 403, answer.get_data(as_text=True)


# The console: every page and form under /facilitator about an object of a process.

PARAMETERS = {"process_id": "Process", "workshop_id": "Workshop", "phase_id": "Phase",
              "alternative_id": "Alternative", "amendment_id": "Amendment",
              "vote_round_id": "VoteRound", "prompt_id": "FishingPrompt",
              "answer_id": "FishingAnswer", "proposal_id": "Proposal",
              "budget_line_id": "BudgetLine", "funding_line_id": "FundingLine",
              "indicator_id": "Indicator", "outreach_id": "OutreachAction",
              "group_id": "StakeholderGroup", "participant_id": "Participant",
              "reflection_id": "Reflection"}
#: ``round_id`` names a conversation round or a check-back round, as the path says.
ROUND_MODELS = {"conversation-rounds": "ConversationRound", "checkback-rounds": "CheckbackRound"}
#: Pages and forms a proposal owner reaches for their own proposal (the status form posts
#: the same action as their follow-up page).
OWNER_PAGES = {"konkret.follow_up", "konkret.add_update", "konkret.add_status"}


def console_rules() -> list[tuple[str, Rule]]:
    found = []
    for rule in BUILT.url_map.iter_rules():
        if rule.rule.startswith("/facilitator/") and rule.arguments:
            for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
                found.append((method, rule))
    return found


CONSOLE = console_rules()


def console_url(rule: Rule, staffed: Staffed) -> str:
    url = rule.rule
    for name in rule.arguments:
        if name == "round_id":
            model = next(m for part, m in ROUND_MODELS.items() if part in rule.rule)
        else:
            assert name in PARAMETERS, f"say which model {name} names in {rule.rule}"
            model = PARAMETERS[name]
        object_id = staffed.owned_proposal if model == "Proposal" else staffed.ids[model]
        url = re.sub(rf"<(?:int:)?{name}>", str(object_id), url)
    return url


@pytest.mark.parametrize(("method", "rule"), CONSOLE, ids=lambda v: str(v))
def test_console_pages_and_forms_follow_the_roles(staffed: Staffed, method: str, rule: Rule):
    url = console_url(rule, staffed)
    outsider = staffed.client("outsider").open(url, method=method, data={"csrf_token": "t"})
    assert outsider.status_code in (403, 404)
    reader = staffed.client("reader").open(url, method=method, data={"csrf_token": "t"})
    expected = 200 if method == "GET" else 403
    assert reader.status_code == expected, reader.get_data(as_text=True)[:400]


@pytest.mark.parametrize(("method", "rule"),
                         [(m, r) for m, r in CONSOLE if r.endpoint not in OWNER_PAGES],
                         ids=lambda v: str(v))
def test_a_proposal_owner_sees_no_console_page_of_the_team(staffed: Staffed, method: str,
                                                          rule: Rule):
    answer = staffed.client("proposal_owner").open(console_url(rule, staffed), method=method,
                                                   data={"csrf_token": "t"})
    assert answer.status_code in (403, 404)


def test_a_reader_gets_a_refusal_over_socket_io_and_may_watch(staffed: Staffed):
    from dialog.extensions import socketio

    sio = socketio.test_client(staffed.app, namespace="/live",
                               auth={"token": staffed.tokens["reader"]})
    watched = sio.emit("workshop:watch", {"workshop_id": staffed.ids["Workshop"]},
                       namespace="/live", callback=True)
    assert watched["ok"] is True
    opened = sio.emit("vote:open", {"alternative_id": staffed.ids["Alternative"]},
                      namespace="/live", callback=True)
    assert opened == {"ok": False, "error": {
        "code": "team_reader_cannot_change", "message": opened["error"]["message"]}}
    sio.disconnect(namespace="/live")
    outsider = socketio.test_client(staffed.app, namespace="/live",
                                    auth={"token": staffed.tokens["outsider"]})
    refused = outsider.emit("workshop:watch", {"workshop_id": staffed.ids["Workshop"]},
                            namespace="/live", callback=True)
    assert refused["error"]["code"] == "not_your_process"
    outsider.disconnect(namespace="/live")

"""Moving through the phases: the next phase, a new round of an earlier one, all history kept."""

from __future__ import annotations

import pytest

from tests.conftest import bearer
from tests.samtal.conftest import Samtal


def phase_list(samtal: Samtal) -> list[tuple[str, int, str]]:
    body = samtal.client.get(f"/api/v1/processes/{samtal.world.process_id}",
                             headers=samtal.auth).json
    return [(p["kind"], p["round"], p["status"]) for p in body["phases"]]


def test_opening_the_next_phase_answers_its_id_kind_and_round(listened: Samtal):
    response = listened.open_phase("larande_samtal")
    assert response.status_code == 201
    assert {k: response.json[k] for k in ("kind", "round", "status")} == {
        "kind": "larande_samtal", "round": 1, "status": "open"}
    assert isinstance(response.json["id"], int)


def test_opening_a_phase_closes_the_open_one(listened: Samtal):
    listened.open_phase("larande_samtal")
    assert phase_list(listened) == [("inventering", 1, "closed"),
                                    ("larande_samtal", 1, "open")]


def test_returning_to_an_earlier_phase_opens_a_new_round_and_keeps_all_history(listened: Samtal):
    for kind in ("larande_samtal", "inventering", "larande_samtal", "konkretisering"):
        assert listened.open_phase(kind).status_code == 201
    assert phase_list(listened) == [
        ("inventering", 1, "closed"), ("larande_samtal", 1, "closed"),
        ("inventering", 2, "closed"), ("larande_samtal", 2, "closed"),
        ("konkretisering", 1, "open"),
    ]


def test_the_process_detail_lists_phases_with_id_kind_round_and_status(samtal: Samtal):
    body = samtal.client.get(f"/api/v1/processes/{samtal.world.process_id}",
                             headers=samtal.auth).json
    assert all({"id", "kind", "round", "status"} <= set(p) for p in body["phases"])


def test_a_closed_round_keeps_its_perspectives_and_new_ones_go_to_the_new_round(
        listened: Samtal, join_participant):
    listened.open_phase("larande_samtal")
    again = listened.open_phase("inventering").json
    token = join_participant(listened.world.join_code, "skola")
    sent = listened.client.post(
        f"/api/v1/workshops/{listened.world.workshop_id}/perspectives", headers=bearer(token),
        json={"text": "Kommunen kan tända fler lampor.", "kind": "idea", "client_id": "k-1"})
    assert sent.status_code == 201
    found = listened.client.get(f"/api/v1/processes/{listened.world.process_id}/perspectives",
                                headers=listened.auth).json["perspectives"]
    first_round = {p["phase_id"] for p in found if p["id"] in listened.perspective_ids}
    assert len(first_round) == 1
    assert again["id"] not in first_round
    assert [p["phase_id"] for p in found if p["id"] == sent.json["id"]] == [again["id"]]


def test_closing_a_phase_leaves_the_process_waiting(samtal: Samtal):
    current = samtal.client.get(f"/api/v1/processes/{samtal.world.process_id}/phases",
                                headers=samtal.auth).json["current"]
    closed = samtal.client.post(f"/api/v1/phases/{current['id']}/close", headers=samtal.auth)
    assert closed.status_code == 200
    assert closed.json["status"] == "closed"
    listing = samtal.client.get(f"/api/v1/processes/{samtal.world.process_id}/phases",
                                headers=samtal.auth).json
    assert listing["current"] is None
    assert [p["status"] for p in listing["phases"]] == ["closed", "closed"]
    again = samtal.client.post(f"/api/v1/phases/{current['id']}/close", headers=samtal.auth)
    assert again.status_code == 409
    assert again.json["error"]["code"] == "phase_not_open"


@pytest.mark.parametrize(("kind", "status", "code"), [
    ("inventering", 409, "phase_already_open"),
    ("konkretisering", 409, "phase_out_of_order"),
    ("brainstorm", 400, "unknown_phase_kind"),
    (None, 400, "unknown_phase_kind"),
    (["larande_samtal"], 400, "unknown_phase_kind"),
])
def test_impossible_phase_moves_are_refused_with_a_code(listened: Samtal, kind, status, code):
    response = listened.open_phase(kind)
    assert response.status_code == status
    assert response.json["error"]["code"] == code
    assert response.json["error"]["message"]
    assert phase_list(listened) == [("inventering", 1, "open")]


def test_only_the_process_owner_moves_its_phases(listened: Samtal, make_facilitator):
    _id, other = make_facilitator("annan@halland.se")
    response = listened.client.post(f"/api/v1/processes/{listened.world.process_id}/phases",
                                    headers=bearer(other), json={"kind": "larande_samtal"})
    assert response.status_code == 403
    assert phase_list(listened) == [("inventering", 1, "open")]


def test_a_phase_shows_its_controls_and_what_it_produced(samtal: Samtal, open_round: int):
    current = samtal.client.get(f"/api/v1/processes/{samtal.world.process_id}/phases",
                                headers=samtal.auth).json["current"]
    body = samtal.client.get(f"/api/v1/phases/{current['id']}", headers=samtal.auth).json
    assert [c["name"] for c in body["controls"]] == [
        "build_round", "follow_reflections", "resistance_line", "next_phase"]
    assert body["controls"][0]["target"] == (
        f"/facilitator/processes/{samtal.world.process_id}/samtal#suggestions")
    assert [r["id"] for r in body["produced"]["rounds"]] == [open_round]


@pytest.mark.parametrize(("kind", "screen"), [
    ("inventering", "/w/{workshop_id}"),
    ("larande_samtal", "/w/{workshop_id}/samtal"),
])
def test_the_phone_is_told_which_screen_the_open_phase_shows(listened: Samtal, kind, screen):
    if kind != "inventering":
        listened.open_phase(kind)
    body = listened.client.get("/api/v1/me/screen", headers=bearer(listened.phones["unga"])).json
    assert body["phase"]["kind"] == kind
    assert body["waiting"] is False
    assert body["screen"]["url"].endswith(screen.format(workshop_id=listened.world.workshop_id))


def test_the_phone_waits_while_no_phase_is_open(samtal: Samtal):
    current = samtal.client.get(f"/api/v1/processes/{samtal.world.process_id}/phases",
                                headers=samtal.auth).json["current"]
    samtal.client.post(f"/api/v1/phases/{current['id']}/close", headers=samtal.auth)
    body = samtal.client.get("/api/v1/me/screen", headers=bearer(samtal.phones["unga"])).json
    assert body["waiting"] is True
    assert body["screen"]["url"].endswith(f"/w/{samtal.world.workshop_id}/now")

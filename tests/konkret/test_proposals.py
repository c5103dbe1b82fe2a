"""Proposals from accepted alternatives: goals, budget, status history, trace and export."""

from __future__ import annotations

import pytest

from tests.konkret.conftest import Konkret

PRESET = "lokal-namnd-varberg-2021"


@pytest.fixture
def accepted(konkret: Konkret) -> dict:
    alternative = konkret.draft("Tänd parken")
    konkret.run_vote(alternative["id"], ["for"] * 5)
    return konkret.get(f"/alternatives/{alternative['id']}").json


@pytest.fixture
def goals(konkret: Konkret) -> dict[str, dict]:
    loaded = konkret.post(f"/processes/{konkret.pid}/committee-goals/preset", {"preset": PRESET})
    assert loaded.status_code == 201
    return {g["code"]: g for g in loaded.json["committee_goals"]}


def propose(konkret: Konkret, alternative_ids: list[int], **body):
    payload = {"title": "Belysning i Societetsparken", "owner": "Varbergs kommun, "
               "samhällsbyggnadsförvaltningen", "budget_tkr": 120, "starts_on": "2021-09-01",
               "ends_on": "2021-12-31", "indicators": ["Andel unga som känner sig trygga i "
                                                       "parken", "Antal tända armaturer"],
               "alternative_ids": alternative_ids, "dated": "2021-08-20"} | body
    return konkret.post(f"/processes/{konkret.pid}/proposals", payload)


def test_the_committee_goals_of_lokal_namnd_varberg_come_with_their_funds(konkret, goals):
    assert [c for c, g in goals.items() if g["kind"] == "focus_area"] == [
        "3.1", "3.2", "3.3", "3.4"]
    assert goals["3.2"]["title"] == "Stärkt delaktighet"
    assert goals["3.2.2"]["parent_id"] == goals["3.2"]["id"]
    assert "Tillit och trygghet" in goals["3.2.2"]["description"]
    assert sum(g["budget_tkr"] or 0 for g in goals.values()) == 320  # 330 tkr less "övrigt"
    again = konkret.post(f"/processes/{konkret.pid}/committee-goals/preset", {"preset": PRESET})
    assert again.json["added"] == 0


def test_a_proposal_keeps_its_dated_status_history(konkret: Konkret, accepted, goals):
    created = propose(konkret, [accepted["id"]], committee_goal_id=goals["3.2.2"]["id"])
    assert created.status_code == 201
    proposal = created.json
    assert proposal["status"] == "planned"
    assert proposal["committee_goal"]["code"] == "3.2.2"
    assert proposal["budget_tkr"] == 120
    for status, dated, note in [("pågår", "2021-10-01", "Armaturerna är beställda."),
                                ("completed", "2021-12-15", "Tänt längs hela gångvägen."),
                                ("avslutad", "2022-03-01", "Uppföljd med LUPP.")]:
        update = konkret.post(f"/proposals/{proposal['id']}/status-updates",
                              {"status": status, "dated": dated, "note": note})
        assert update.status_code == 201
    # A late entry about an earlier date goes into the history in date order.
    konkret.post(f"/proposals/{proposal['id']}/status-updates",
                 {"status": "ongoing", "dated": "2021-11-01", "note": "Halvvägs."})
    found = konkret.get(f"/proposals/{proposal['id']}").json
    assert found["status"] == "closed"
    assert [(u["status"], u["dated"]) for u in found["status_updates"]] == [
        ("planned", "2021-08-20"), ("ongoing", "2021-10-01"), ("ongoing", "2021-11-01"),
        ("completed", "2021-12-15"), ("closed", "2022-03-01")]
    listed = konkret.get(f"/processes/{konkret.pid}/proposals").json["proposals"]
    assert [(p["id"], p["title"], p["status"]) for p in listed] == [
        (proposal["id"], "Belysning i Societetsparken", "closed")]


def test_the_trace_leads_back_to_perspectives_and_their_groups(konkret: Konkret, accepted):
    proposal = propose(konkret, [accepted["id"]]).json
    trace = konkret.get(f"/proposals/{proposal['id']}/trace").json
    assert trace["proposal"]["id"] == proposal["id"]
    assert [a["id"] for a in trace["alternatives"]] == [accepted["id"]]
    assert trace["alternatives"][0]["outcome"] == "accepted"
    assert trace["alternatives"][0]["vote_rounds"][0]["tally"]["for"] == 5
    assert trace["reflections"] == []
    assert [(p["id"], p["stakeholder_group"], p["kind"]) for p in trace["perspectives"]] == [
        (konkret.perspective_ids[0], "unga", "feeling"),
        (konkret.perspective_ids[1], "vårdnadshavare", "standpoint")]
    assert trace["perspectives"][0]["text"].startswith("Jag känner mig otrygg")
    assert trace["perspectives"][0]["alternative_ids"] == [accepted["id"]]
    coverage = {g["name"]: g["perspectives"] for g in trace["stakeholder_groups"]}
    assert coverage == {"unga": 1, "vårdnadshavare": 1, "skola": 0, "polis": 0}


def test_only_accepted_alternatives_become_proposals(konkret: Konkret):
    still_open = konkret.draft()
    refused = propose(konkret, [still_open["id"]])
    assert refused.status_code == 409
    assert refused.json["error"]["code"] == "alternative_not_accepted"


def test_the_export_holds_the_whole_konkretisering(konkret: Konkret, accepted, goals):
    propose(konkret, [accepted["id"]], committee_goal_id=goals["3.2.1.1"]["id"])
    konkret.post(f"/processes/{konkret.pid}/fishing", {"alternative_id": accepted["id"]})
    response = konkret.get(f"/processes/{konkret.pid}/konkretisering.json")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    export = response.json
    assert export["format"] == "dialog.konkretisering/1"
    assert export["process"]["id"] == konkret.pid
    assert len(export["committee_goals"]) == len(goals)
    [alternative] = export["alternatives"]
    assert [p["stakeholder_group"] for p in alternative["perspectives"]] == [
        "unga", "vårdnadshavare"]
    assert [e["kind"] for e in alternative["history"]][:2] == ["drafted", "vote_opened"]
    assert export["proposals"][0]["committee_goal"]["code"] == "3.2.1.1"
    assert len(export["fishing_prompts"]) == 1

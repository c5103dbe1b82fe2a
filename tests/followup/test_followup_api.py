"""What happened next, through the API: mandate, decisions, money, indicators, consequences
and the minority's conditions, each with its contract and a clear refusal of bad input."""

from __future__ import annotations

import pytest

from tests.followup.conftest import PLAN, UNIFORM
from tests.konkret.conftest import Konkret

MANDATE = ("Lokal nämnd Varberg ger i uppdrag att ta reda på vad som skapar tillit och "
           "trygghet för unga i centrum, och att lämna förslag inom utvecklingsmedlen.")


def test_the_process_keeps_its_mandate_and_who_decides(konkret: Konkret):
    changed = konkret.patch(f"/processes/{konkret.pid}",
                            {"mandate": MANDATE, "decision_maker": "Lokal nämnd Varberg"})
    assert changed.status_code == 200, changed.json
    assert changed.json["mandate"] == MANDATE
    assert changed.json["decision_maker"] == "Lokal nämnd Varberg"
    # A field left out stays as it is.
    konkret.patch(f"/processes/{konkret.pid}", {"decision_maker": "Regionstyrelsen"})
    found = konkret.get(f"/processes/{konkret.pid}").json
    assert (found["mandate"], found["decision_maker"]) == (MANDATE, "Regionstyrelsen")


@pytest.mark.parametrize(("body", "code"), [
    ({"mandate": 12}, "invalid_text"),
    ({"decision_maker": "x" * 201}, "field_too_long"),
])
def test_a_malformed_mandate_is_refused(konkret: Konkret, body, code):
    refused = konkret.patch(f"/processes/{konkret.pid}", body)
    assert refused.status_code == 400
    assert refused.json["error"]["code"] == code


def test_a_decision_is_recorded_with_paragraph_and_case_number(konkret: Konkret, proposal):
    decided = konkret.post(f"/proposals/{proposal['id']}/decisions", {
        "body": "Lokal nämnd Varberg", "decided_on": "2021-09-14", "paragraph": "§ 23",
        "case_number": "LNV 2021/17", "outcome": "approved",
        "note": "Nämnden bifaller förslaget och avsätter 20 tkr."})
    assert decided.status_code == 201, decided.json
    assert decided.json["outcome"] == "approved"
    assert decided.json["paragraph"] == "§ 23"
    # The body defaults to the process's decision maker; Swedish outcomes work too.
    konkret.patch(f"/processes/{konkret.pid}", {"decision_maker": "Lokal nämnd Varberg"})
    later = konkret.post(f"/proposals/{proposal['id']}/decisions",
                         {"decided_on": "2022-03-01", "outcome": "noterat"})
    assert later.status_code == 201, later.json
    assert (later.json["body"], later.json["outcome"]) == ("Lokal nämnd Varberg", "noted")
    follow = konkret.get(f"/proposals/{proposal['id']}/follow-up").json
    assert [d["decided_on"] for d in follow["decisions"]] == ["2021-09-14", "2022-03-01"]


@pytest.mark.parametrize(("body", "status", "code"), [
    ({"decided_on": "2021-09-14"}, 400, "field_required"),
    ({"decided_on": "2021-09-14", "outcome": "maybe", "body": "LNV"}, 400,
     "unknown_decision_outcome"),
    ({"decided_on": "14/9", "outcome": "approved", "body": "LNV"}, 400, "invalid_date"),
    ({"outcome": "approved", "body": "LNV"}, 400, "field_required"),
    ({"decided_on": "2021-09-14", "outcome": "approved", "body": ["LNV"]}, 400,
     "field_required"),
    ({"decided_on": "2021-09-14", "outcome": "approved", "body": "LNV", "paragraph": 7}, 400,
     "invalid_text"),
])
def test_a_malformed_decision_is_refused(konkret: Konkret, proposal, body, status, code):
    refused = konkret.post(f"/proposals/{proposal['id']}/decisions", body)
    assert refused.status_code == status
    assert refused.json["error"]["code"] == code


def test_a_decision_about_an_unknown_proposal_is_404(konkret: Konkret):
    refused = konkret.post("/proposals/999999/decisions",
                           {"decided_on": "2021-09-14", "outcome": "approved", "body": "LNV"})
    assert refused.status_code == 404
    assert refused.json["error"]["code"] == "proposal_not_found"


def test_the_plan_s_funding_lines_are_editable_and_allocations_never_mix_sources(
        konkret: Konkret, proposal):
    loaded = konkret.post(f"/processes/{konkret.pid}/funding-lines/preset", {"preset": PLAN})
    assert loaded.status_code == 201, loaded.json
    lines = {line["name"]: line for line in loaded.json["lines"]}
    assert sum(line["amount"] for line in lines.values()) == 330
    tillit = lines["Kunskapsuppdrag Tillit och trygghet, genomförande av insats"]
    assert tillit["amount"] == 20
    assert lines["Kunskapsuppdrag Tillit och trygghet, projektanställning"]["amount"] == 100
    again = konkret.post(f"/processes/{konkret.pid}/funding-lines/preset", {"preset": PLAN})
    assert len(again.json["lines"]) == len(lines)
    municipal = konkret.post(f"/processes/{konkret.pid}/funding-lines", {
        "name": "Kultur och fritid, fritidsgårdarna", "amount": 200, "source": "municipality"})
    assert municipal.status_code == 201, municipal.json

    pid = proposal["id"]
    assert konkret.post(f"/proposals/{pid}/budget-lines", {
        "funding_line_id": tillit["id"], "amount": 20}).status_code == 201
    assert konkret.post(f"/proposals/{pid}/budget-lines", {
        "funding_line_id": municipal.json["id"], "amount": 40}).status_code == 201
    assert konkret.post(f"/proposals/{pid}/budget-lines", {
        "source": "region", "amount": 5, "note": "Folkhälsomedel"}).status_code == 201
    follow = konkret.get(f"/proposals/{pid}/follow-up").json
    assert follow["budget_by_source"] == [{"source": "committee", "amount": 20},
                                          {"source": "municipality", "amount": 40},
                                          {"source": "region", "amount": 5}]
    overview = konkret.get(f"/processes/{konkret.pid}/funding-lines").json
    sources = {s["source"]: s for s in overview["sources"]}
    assert sources["committee"] == {"source": "committee", "amount": 330, "allocated": 20,
                                    "on_lines": 20, "remaining": 310}
    assert sources["municipality"]["allocated"] == 40
    assert sources["region"] == {"source": "region", "amount": None, "allocated": 5,
                                 "on_lines": 0, "remaining": None}
    assert overview["over_allocated"] == []

    # One more 10 tkr from the 20 tkr line is too much: the overview flags it.
    konkret.post(f"/proposals/{pid}/budget-lines", {"funding_line_id": tillit["id"],
                                                    "amount": 10})
    overview = konkret.get(f"/processes/{konkret.pid}/funding-lines").json
    row = next(r for r in overview["lines"] if r["id"] == tillit["id"])
    assert (row["allocated"], row["remaining"], row["over_allocated"]) == (30, -10, True)
    assert overview["over_allocated"] == [tillit["name"]]
    # The plan is revised: the line is raised to 30 tkr, and nothing is over any more.
    raised = konkret.patch(f"/funding-lines/{tillit['id']}", {"amount": 30})
    assert raised.status_code == 200, raised.json
    assert konkret.get(f"/processes/{konkret.pid}/funding-lines").json["over_allocated"] == []


@pytest.mark.parametrize(("body", "code"), [
    ({"name": "Rad", "amount": -5}, "invalid_amount"),
    ({"name": "Rad", "amount": "mycket"}, "invalid_amount"),
    ({"name": "Rad", "amount": 12.5}, "invalid_amount"),
    ({"name": "Rad"}, "field_required"),
    ({"amount": 10}, "field_required"),
    ({"name": "Rad", "amount": 10, "source": "lotteriet"}, "unknown_funding_source"),
])
def test_a_malformed_funding_line_is_refused(konkret: Konkret, body, code):
    refused = konkret.post(f"/processes/{konkret.pid}/funding-lines", body)
    assert refused.status_code == 400
    assert refused.json["error"]["code"] == code


def test_a_budget_line_keeps_its_funding_line_s_source(konkret: Konkret, proposal):
    line = konkret.post(f"/processes/{konkret.pid}/funding-lines",
                        {"name": "Utvecklingsmedel", "amount": 100}).json
    mixed = konkret.post(f"/proposals/{proposal['id']}/budget-lines",
                         {"funding_line_id": line["id"], "source": "municipality",
                          "amount": 10})
    assert mixed.status_code == 400
    assert mixed.json["error"]["code"] == "source_not_of_funding_line"
    unknown = konkret.post(f"/proposals/{proposal['id']}/budget-lines",
                           {"funding_line_id": 999999, "amount": 10})
    assert unknown.status_code == 404
    assert unknown.json["error"]["code"] == "funding_line_not_found"
    no_source = konkret.post(f"/proposals/{proposal['id']}/budget-lines", {"amount": 10})
    assert no_source.json["error"]["code"] == "unknown_funding_source"
    made = konkret.post(f"/proposals/{proposal['id']}/budget-lines",
                        {"funding_line_id": line["id"], "amount": 10}).json
    assert made["source"] == "committee"
    removed = konkret.client.delete(f"/api/v1/budget-lines/{made['id']}", headers=konkret.auth)
    assert removed.status_code == 200
    assert konkret.get(f"/proposals/{proposal['id']}/follow-up").json["budget_lines"] == []


def test_an_indicator_is_measured_against_its_baseline_and_target(konkret: Konkret, proposal):
    made = konkret.post(f"/proposals/{proposal['id']}/indicators", {
        "name": "Andel unga som litar på polisen (LUPP)", "unit": "%", "baseline": 41,
        "target": "55"})
    assert made.status_code == 201, made.json
    assert (made.json["baseline"], made.json["target"]) == (41.0, 55.0)
    for value, day, source in [("44,5", "2022-06-01", "LUPP 2022"), (48, "2023-06-01",
                                                                   "LUPP 2023")]:
        measured = konkret.post(f"/indicators/{made.json['id']}/measurements",
                                {"value": value, "measured_on": day, "source": source})
        assert measured.status_code == 201, measured.json
    [indicator] = konkret.get(f"/proposals/{proposal['id']}/follow-up").json["indicators"]
    assert [(m["value"], m["measured_on"], m["source"]) for m in indicator["measurements"]] == [
        (44.5, "2022-06-01", "LUPP 2022"), (48.0, "2023-06-01", "LUPP 2023")]


@pytest.mark.parametrize(("path", "body", "code"), [
    ("indicators", {"unit": "%"}, "field_required"),
    ("indicators", {"name": "Besökare", "baseline": "många"}, "invalid_number"),
    ("indicators", {"name": "Besökare", "target": "nan"}, "invalid_number"),
    ("measurements", {"measured_on": "2022-01-01"}, "field_required"),
    ("measurements", {"value": 3, "measured_on": "igår"}, "invalid_date"),
    ("measurements", {"value": 3}, "field_required"),
    ("measurements", {"value": True, "measured_on": "2022-01-01"}, "invalid_number"),
])
def test_a_malformed_indicator_or_measurement_is_refused(konkret: Konkret, proposal, path, body,
                                                         code):
    indicator = konkret.post(f"/proposals/{proposal['id']}/indicators",
                             {"name": "Besökare per kväll"}).json
    url = (f"/proposals/{proposal['id']}/indicators" if path == "indicators"
           else f"/indicators/{indicator['id']}/measurements")
    refused = konkret.post(url, body)
    assert refused.status_code == 400
    assert refused.json["error"]["code"] == code


def test_the_consequence_analysis_is_written_and_rewritten(konkret: Konkret, proposal):
    url = f"/api/v1/proposals/{proposal['id']}/consequences"
    first = konkret.client.put(url, headers=konkret.auth, json={
        "children": "Unga har själva bett om kontakt före kontroll.", "equality": "",
        "ecology": "Ingen påverkan."})
    assert first.status_code == 200, first.json
    again = konkret.client.put(url, headers=konkret.auth,
                               json={"equality": "Både flickor och pojkar har hörts."})
    assert again.json == {"proposal_id": proposal["id"],
                          "children": "Unga har själva bett om kontakt före kontroll.",
                          "equality": "Både flickor och pojkar har hörts.",
                          "ecology": "Ingen påverkan."}
    refused = konkret.client.put(url, headers=konkret.auth, json={"children": ["a"]})
    assert refused.status_code == 400
    assert refused.json["error"]["code"] == "invalid_text"


def test_the_minority_s_condition_reaches_the_proposal_and_is_followed_up(
        konkret: Konkret, proposal):
    [condition] = konkret.get(f"/proposals/{proposal['id']}/follow-up").json["conditions"]
    assert condition["text"] == UNIFORM
    assert condition["from_minority"] is True
    assert condition["followed_up"] is False
    marked = konkret.patch(f"/proposals/{proposal['id']}/conditions/"
                           f"{condition['amendment_id']}",
                           {"followed_up": True, "note": "Poliserna kommer civilklädda.",
                            "dated": "2021-10-01"})
    assert marked.status_code == 200, marked.json
    assert (marked.json["followed_up"], marked.json["note"]) == (
        True, "Poliserna kommer civilklädda.")
    other = konkret.patch(f"/proposals/{proposal['id']}/conditions/999999",
                          {"followed_up": True})
    assert other.status_code == 404
    assert other.json["error"]["code"] == "condition_not_of_proposal"


def test_another_facilitator_cannot_follow_up_the_proposal(konkret: Konkret, proposal,
                                                           make_facilitator):
    _fid, token = make_facilitator("annan@kommun.se")
    refused = konkret.post(f"/proposals/{proposal['id']}/decisions",
                           {"decided_on": "2021-09-14", "outcome": "approved", "body": "LNV"},
                           token=token)
    assert refused.status_code == 403
    assert refused.json["error"]["code"] == "not_your_process"


def test_an_evaluation_comment_with_personal_data_waits_and_is_never_shown(konkret: Konkret):
    url = f"/workshops/{konkret.world.workshop_id}/evaluations"
    held = konkret.post(url, {"score": 5, "comment": "Ring mig på 070-123 45 67",
                              "client_id": "ev-1"}, konkret.phones[0])
    assert held.status_code == 201, held.json
    assert held.json["status"] == "pending"
    shown = konkret.post(url, {"score": 3, "comment": "Bra.", "client_id": "ev-2"},
                         konkret.phones[1])
    assert shown.json["status"] == "approved"
    [meeting] = konkret.get(f"/processes/{konkret.pid}/evaluations").json["meetings"]
    assert meeting["answers"] == 2
    assert meeting["comments"] == ["Bra."]
    hidden = konkret.patch(f"/evaluation-answers/{shown.json['id']}",
                           {"action": "hide", "reason": "Hör inte hit."})
    assert (hidden.status_code, hidden.json["status"]) == (200, "hidden")
    assert konkret.get(f"/processes/{konkret.pid}/evaluations").json["meetings"][0][
        "comments"] == []
    log = konkret.get(f"/processes/{konkret.pid}/moderation-log").json["events"]
    assert [e["subject_type"] for e in log][-1] == "evaluation_answer"
    too_long = konkret.post(url, {"score": 3, "comment": "x" * 501, "client_id": "ev-3"},
                            konkret.phones[2])
    assert (too_long.status_code, too_long.json["error"]["code"]) == (400, "field_too_long")


def test_the_phone_answers_the_evaluation_over_socket_io_exactly_once(konkret: Konkret,
                                                                      socket_client):
    sio = socket_client(konkret.phones[0])
    body = {"workshop_id": konkret.world.workshop_id, "score": "4", "comment": "",
            "client_id": "sock-1"}
    first = sio.emit("evaluation:submit", body, namespace="/live", callback=True)
    assert first["ok"] is True, first
    assert (first["score"], first["duplicate"]) == (4, False)
    again = sio.emit("evaluation:submit", body, namespace="/live", callback=True)
    assert (again["ok"], again["id"], again["duplicate"]) == (True, first["id"], True)
    other = sio.emit("evaluation:submit", {**body, "client_id": "sock-2"}, namespace="/live",
                     callback=True)
    assert other["ok"] is False
    assert other["error"]["code"] == "evaluation_already_answered"
    [meeting] = konkret.get(f"/processes/{konkret.pid}/evaluations").json["meetings"]
    assert meeting["answers"] == 1


def test_the_konkretisering_export_carries_what_happened_next(konkret: Konkret, proposal):
    konkret.post(f"/proposals/{proposal['id']}/decisions",
                 {"body": "LNV", "decided_on": "2021-09-14", "outcome": "rejected"})
    export = konkret.get(f"/processes/{konkret.pid}/konkretisering.json").json
    [follow] = export["follow_up"]
    assert follow["proposal_id"] == proposal["id"]
    assert [d["outcome"] for d in follow["decisions"]] == ["rejected"]
    assert [(c["text"], c["redacted"]) for c in follow["conditions"]] == [(UNIFORM, False)]
    assert export["funding"] == {"lines": [], "sources": [], "over_allocated": []}

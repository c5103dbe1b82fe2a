"""What happened next reaches the committee and the residents: the public page, the report
(HTML and the PDF's real text) and the open data."""

from __future__ import annotations

import csv
import io
import json

import pypdf

from tests.conftest import bearer
from tests.publish.conftest import (  # noqa: F401  (fixtures, reused)
    Publisher,
    demo,
    konkretisera,
    pdf_text,
    phone,
    publisher,
    zip_texts,
)

MANDATE = "Ta reda på vad som skapar trygghet i parken och lämna förslag inom 100 tkr."


def pypdf_text(data: bytes) -> str:
    """The PDF's text as pypdf extracts it, with its lines joined."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_mandate_is_there_from_the_first_version(publisher: Publisher):  # noqa: F811
    changed = publisher.api("PATCH", f"/processes/{publisher.process_id}",
                            {"mandate": MANDATE, "decision_maker": "Lokal nämnd Varberg"})
    assert changed.status_code == 200, changed.json
    assert publisher.publish()["version"] == 1
    page = publisher.page()
    assert "Uppdrag" in page
    assert MANDATE in page
    assert "Beslutas av:" in page
    assert "Lokal nämnd Varberg" in page
    assert "Mandate" in publisher.page(lang="en")
    assert MANDATE in publisher.file("report.html").decode()
    pdf = publisher.file("report.pdf")
    for text in (MANDATE, "Lokal nämnd Varberg"):
        assert text in pypdf_text(pdf), text
    assert publisher.snapshot(1)["mandate"] == {"mandate": MANDATE,
                                                "decision_maker": "Lokal nämnd Varberg"}


def test_a_decision_money_and_an_indicator_reach_the_page_report_and_open_data(
        publisher: Publisher):  # noqa: F811
    chain = konkretisera(publisher)
    pid, proposal = publisher.process_id, chain.proposal_id
    assert publisher.api("POST", f"/proposals/{proposal}/decisions", {
        "body": "Lokal nämnd Varberg", "decided_on": "2021-09-14", "paragraph": "§ 23",
        "case_number": "LNV 2021/17", "outcome": "approved"}).status_code == 201
    line = publisher.api("POST", f"/processes/{pid}/funding-lines",
                         {"name": "Tillit och trygghet, insats", "amount": 20}).json
    publisher.api("POST", f"/proposals/{proposal}/budget-lines",
                  {"funding_line_id": line["id"], "amount": 20})
    publisher.api("POST", f"/proposals/{proposal}/budget-lines",
                  {"source": "municipality", "amount": 100})
    indicator = publisher.api("POST", f"/proposals/{proposal}/indicators", {
        "name": "Tända armaturer längs gångvägen", "unit": "st", "baseline": 4,
        "target": 24}).json
    for value, day in ((12, "2021-10-01"), (24, "2021-12-15")):
        publisher.api("POST", f"/indicators/{indicator['id']}/measurements",
                      {"value": value, "measured_on": day, "source": "Kommunen"})
    publisher.client.put(f"/api/v1/proposals/{proposal}/consequences", headers=publisher.auth,
                         json={"children": "Barn går hem genom parken.", "ecology": "LED."})
    publisher.publish()

    page = publisher.page()
    for text in ("Beslut", "Bifall", "Lokal nämnd Varberg den 2021-09-14", "§ 23",
                 "dnr LNV 2021/17", "Finansiering", "Nämnden", "Kommunen", "20 tkr", "100 tkr",
                 "Pengar: fördelat och kvar", "Tillit och trygghet, insats",
                 "Tända armaturer längs gångvägen", "Utgångsläge", "Konsekvensanalys",
                 "Barnrätt", "Barn går hem genom parken.",
                 "Minoritetens villkor och hur de följts upp",
                 "Att belysningen släcks efter midnatt.", "Inte uppföljt ännu."):
        assert text in page, text
    # The indicator is a server-rendered chart named by its title, described in words,
    # and the same values stand in a table beside it.
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart indicator-chart" role="img"' \
        in page
    assert "Mätningar: 2021-10-01: 12 st; 2021-12-15: 24 st." in page
    assert "<script" not in page.split('id="proposals"')[1].split("</section>")[0]

    pdf = publisher.file("report.pdf")
    for text in ("Bifall", "§ 23", "Pengar: fördelat och kvar", "Tända armaturer",
                 "Konsekvensanalys", "Nämnden: 20 tkr fördelat (budgetrader 20 tkr, 0 tkr kvar).",
                 "Kommunen: 100 tkr."):
        assert text in pypdf_text(pdf), text
    assert "sammanlagd budget" not in pdf_text(pdf)
    assert "Tända armaturer" in pdf_text(pdf)

    files = zip_texts(publisher.file("data.zip"))
    [decision] = list(csv.DictReader(io.StringIO(files["decisions.csv"])))
    assert (decision["proposal_id"], decision["outcome"], decision["paragraph"]) == (
        str(proposal), "approved", "§ 23")
    budget = list(csv.DictReader(io.StringIO(files["budget_lines.csv"])))
    assert [(b["source"], b["amount"]) for b in budget] == [("committee", "20"),
                                                            ("municipality", "100")]
    measured = list(csv.DictReader(io.StringIO(files["indicator_measurements.csv"])))
    assert [m["value"] for m in measured] == ["12.0", "24.0"]
    assert json.loads(files["funding.json"])["over_allocated"] == []
    [conditions] = [json.loads(files["follow_up.json"])[0]["conditions"]]
    assert conditions[0]["text"] == "Att belysningen släcks efter midnatt."


def test_an_over_allocated_line_is_flagged_to_the_committee(publisher: Publisher):  # noqa: F811
    chain = konkretisera(publisher)
    line = publisher.api("POST", f"/processes/{publisher.process_id}/funding-lines",
                         {"name": "Barns och ungas levnadsvillkor", "amount": 50}).json
    publisher.api("POST", f"/proposals/{chain.proposal_id}/budget-lines",
                  {"funding_line_id": line["id"], "amount": 80})
    publisher.publish()
    expected = "Mer är fördelat än det finns på: Barns och ungas levnadsvillkor."
    assert expected in publisher.page()
    assert expected in pypdf_text(publisher.file("report.pdf"))


def test_the_evaluation_is_anonymous_once_per_meeting_and_below_five_nothing_is_shown(
        publisher: Publisher):  # noqa: F811
    url = f"/api/v1/workshops/{publisher.workshop_id}/evaluations"
    tokens = [phone(publisher) for _ in range(4)]
    first = publisher.client.post(url, headers=bearer(tokens[0]),
                                  json={"score": 4, "comment": "Bra möte.", "client_id": "e-1"})
    assert first.status_code == 201, first.json
    resend = publisher.client.post(url, headers=bearer(tokens[0]),
                                   json={"score": 4, "comment": "Bra möte.", "client_id": "e-1"})
    assert (resend.status_code, resend.json["id"], resend.json["duplicate"]) == (
        200, first.json["id"], True)
    twice = publisher.client.post(url, headers=bearer(tokens[0]),
                                  json={"score": 1, "client_id": "e-2"})
    assert (twice.status_code, twice.json["error"]["code"]) == (
        409, "evaluation_already_answered")
    for score in (0, 6, "fem", None, True):
        refused = publisher.client.post(url, headers=bearer(tokens[1]),
                                        json={"score": score, "client_id": "e-x"})
        assert (refused.status_code, refused.json["error"]["code"]) == (400, "invalid_score")
    nobody = publisher.client.post(url, json={"score": 3, "client_id": "e-y"})
    assert nobody.status_code == 401
    for number, token in enumerate(tokens[1:]):
        assert publisher.client.post(url, headers=bearer(token), json={
            "score": 5, "client_id": f"e-{number + 10}"}).status_code == 201
    publisher.publish()
    assert publisher.snapshot()["evaluation"][0]["answers"] is None
    page = publisher.page()
    assert "Färre än 5 svar: inget redovisas." in page
    assert "Bra möte." not in page

    late = phone(publisher)
    publisher.client.post(url, headers=bearer(late), json={"score": 2, "client_id": "e-late"})
    publisher.publish()
    [meeting] = publisher.snapshot()["evaluation"]
    assert (meeting["answers"], meeting["mean"]) == (5, 4.2)
    # Counts per score below five are "färre än 5", never a number.
    assert [s["count"] for s in meeting["scores"]] == [0, None, 0, None, None]
    assert "Bra möte." in publisher.page()
    assert "5 svar, medelvärde 4,2." in pypdf_text(publisher.file("report.pdf"))
    summary = publisher.api("GET", f"/processes/{publisher.process_id}/evaluations").json
    assert summary["meetings"][0]["scores"] == {"1": 0, "2": 1, "3": 0, "4": 1, "5": 3}


def test_the_team_s_assessment_is_in_the_report(publisher: Publisher):  # noqa: F811
    made = publisher.api("POST", f"/processes/{publisher.process_id}/assessments",
                         {"text": "Unga har hörts, kommunen för lite."})
    assert made.status_code == 201, made.json
    for body, code in (({}, "field_required"), ({"text": 5}, "field_required"),
                       ({"text": "x", "phase_id": 999999}, "assessment_phase_not_in_process")):
        refused = publisher.api("POST", f"/processes/{publisher.process_id}/assessments", body)
        assert (refused.status_code, refused.json["error"]["code"]) == (400, code)
    publisher.publish()
    assert "Vår bedömning av läget" in publisher.page()
    text = pypdf_text(publisher.file("report.pdf"))
    assert "Vår bedömning av läget" in text
    assert "Unga har hörts, kommunen för lite." in text


def test_the_demo_shows_what_happened_next_in_varberg(demo: Publisher):  # noqa: F811
    snapshot = demo.snapshot(1)
    assert snapshot["mandate"]["decision_maker"] == "Region Halland, Lokal nämnd Varberg"
    funding = snapshot["funding"]
    assert funding["over_allocated"] == []
    assert sum(line["amount"] for line in funding["lines"] if line["source"] == "committee") \
        == 330
    committee = next(s for s in funding["sources"] if s["source"] == "committee")
    assert (committee["allocated"], committee["remaining"]) == (70, 260)
    evenings = next(p for p in snapshot["proposals"] if p["title"].startswith("Fredags"))
    follow = next(f for f in snapshot["follow_up"] if f["proposal_id"] == evenings["id"])
    # The evenings serve a goal with 80 tkr of the committee's money: they take 50 of it.
    assert evenings["goal"]["code"] == "3.2.1.1"
    assert follow["budget_by_source"] == [{"source": "committee", "amount": 50},
                                          {"source": "municipality", "amount": 50},
                                          {"source": "region", "amount": 20}]
    assert [d["outcome"] for d in follow["decisions"]] == ["approved"]
    assert follow["indicators"][0]["measurements"]
    uniform = [c for c in follow["conditions"] if "utan uniform" in c["text"]]
    assert uniform
    assert uniform[0]["followed_up"] is True
    assert snapshot["assessments"]
    assert snapshot["evaluation"][0]["answers"] == 8
    # Two fishing answers are "färre än 5": counted as such, never quoted.
    [fishing] = snapshot["reflections"]["fishing"]
    assert (fishing["answers"], fishing["texts"]) == (None, [])
    for conversation in snapshot["reflections"]["rounds"]:
        if conversation["reflections"] is None:
            assert conversation["understood"] == conversation["keep"] == []
    text = pypdf_text(demo.file("report.pdf"))
    for expected in ("Uppdrag", "Beslut", "Bifall", "Pengar: fördelat och kvar",
                     "Nämnden: 70 tkr fördelat (budgetrader 330 tkr, 260 tkr kvar).",
                     "Kommunen: 180 tkr fördelat (budgetrader 200 tkr, 150 tkr kvar).",
                     "Indikatorer",
                     "utan uniform", "Uppföljt.", "Vår bedömning av läget",
                     "Utvärdering av mötena", "8 svar",
                     "Reflektioner och det som inte sagts", "Fiske: vad har inte sagts?"):
        assert expected in text, expected
    assert "270 tkr" not in text


def test_a_new_decision_is_news_in_the_next_version(publisher: Publisher):  # noqa: F811
    chain = konkretisera(publisher)
    publisher.publish()
    publisher.api("POST", f"/proposals/{chain.proposal_id}/decisions", {
        "body": "Lokal nämnd Varberg", "decided_on": "2021-09-14", "outcome": "approved"})
    publisher.publish()
    page = publisher.page()
    assert "Nytt sedan version 1" in page
    assert "Beslut om Belysning i Societetsparken: Bifall (2021-09-14)." in page
    assert "Bifall" not in publisher.page(1)

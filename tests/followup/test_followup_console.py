"""Follow-up in the console: every form drives the same action as the API, a refusal shows
the reason and keeps what was typed, and the money view flags an over-allocation."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from tests.followup.conftest import PLAN, UNIFORM
from tests.konkret.conftest import Konkret
from tests.konkret.test_pages import browser, post  # noqa: F401  (the fixture, reused)


def notices(response) -> list[str]:
    return re.findall(r'notice__text">([^<]*)', response.text)


def test_the_process_page_sets_the_mandate_and_the_money(konkret: Konkret, proposal,
                                                         browser: FlaskClient):  # noqa: F811
    base = f"/facilitator/processes/{konkret.pid}/follow-up"
    page = browser.get(base)
    assert page.status_code == 200
    assert "Uppföljning: beslut, pengar och bedömning" in page.text
    saved = post(browser, f"{base}/mandate", mandate="Ta reda på vad som skapar trygghet.",
                 decision_maker="Lokal nämnd Varberg")
    assert saved.status_code == 302, notices(saved)
    assert post(browser, f"{base}/funding-plan", preset=PLAN).status_code == 302
    page = browser.get(base).text
    assert "Ta reda på vad som skapar trygghet." in page
    assert "Kunskapsuppdrag Tillit och trygghet, genomförande av insats" in page
    assert "Nämnden:</strong>" in page
    assert "0 tkr fördelat. Budgetrader 330 tkr, 330 tkr kvar." in page

    refused = post(browser, f"{base}/funding-lines", name="Kommunens fritidsmedel",
                   amount="massor", source="municipality")
    assert refused.status_code == 400
    assert "Beloppet (amount) ska vara ett helt antal tkr, noll eller mer." in notices(refused)
    assert 'value="Kommunens fritidsmedel"' in refused.text
    assert post(browser, f"{base}/funding-lines", name="Kommunens fritidsmedel", amount="50",
                source="municipality").status_code == 302

    lines = konkret.get(f"/processes/{konkret.pid}/funding-lines").json["lines"]
    children = next(line for line in lines if line["name"] == "Barns och ungas levnadsvillkor")
    proposal_page = f"/facilitator/proposals/{proposal['id']}/follow-up"
    assert post(browser, f"{proposal_page}/budget-lines", funding_line_id=str(children["id"]),
                amount="60").status_code == 302
    over = browser.get(base).text
    assert "Mer är fördelat än det finns på: Barns och ungas levnadsvillkor." in over
    assert "(överfördelat)" in over
    assert post(browser, f"{base}/funding-lines/{children['id']}", amount="60").status_code \
        == 302
    assert "Mer är fördelat" not in browser.get(base).text

    assert post(browser, f"{base}/assessments", text="Unga har hörts mest.").status_code == 302
    assert "Unga har hörts mest." in browser.get(base).text


def test_the_proposal_page_records_what_happened_next(konkret: Konkret, proposal,
                                                      browser: FlaskClient):  # noqa: F811
    base = f"/facilitator/proposals/{proposal['id']}/follow-up"
    page = browser.get(base)
    assert page.status_code == 200
    assert UNIFORM in page.text
    assert "Inte uppföljt ännu." in page.text
    assert "Uppföljning: beslut, budget, indikatorer" in browser.get(
        f"/facilitator/proposals/{proposal['id']}").text

    refused = post(browser, f"{base}/decisions", body="Lokal nämnd Varberg", decided_on="",
                   paragraph="§ 23", outcome="approved")
    assert refused.status_code == 400
    assert "Fältet decided_on måste fyllas i." in notices(refused)
    assert 'value="§ 23"' in refused.text
    assert post(browser, f"{base}/decisions", body="Lokal nämnd Varberg",
                decided_on="2021-09-14", paragraph="§ 23", case_number="LNV 2021/17",
                outcome="approved", note="").status_code == 302
    assert post(browser, f"{base}/budget-lines", source="region", amount="20",
                note="Folkhälsomedel").status_code == 302
    assert post(browser, f"{base}/indicators", name="Besökare per kväll", unit="st",
                baseline="0", target="40").status_code == 302
    [indicator] = konkret.get(f"/proposals/{proposal['id']}/follow-up").json["indicators"]
    assert post(browser, f"{base}/indicators/{indicator['id']}/measurements", value="43",
                measured_on="2021-10-01", source="Räkning").status_code == 302
    assert post(browser, f"{base}/consequences", children="Unga har bett om det.",
                equality="", ecology="").status_code == 302
    condition = konkret.get(f"/proposals/{proposal['id']}/follow-up").json["conditions"][0]
    assert post(browser, f"{base}/conditions/{condition['amendment_id']}", followed_up="true",
                note="Civilklädda.").status_code == 302

    page = browser.get(base).text
    for text in ("Bifall", "Lokal nämnd Varberg den 2021-09-14", "§ 23", "Regionen",
                 "20 tkr", "Besökare per kväll", "2021-10-01: 43 st (Räkning)",
                 "Unga har bett om det.", "Uppföljt.", "Civilklädda."):
        assert text in page, text
    follow = konkret.get(f"/proposals/{proposal['id']}/follow-up").json
    [budget] = follow["budget_lines"]
    removed = post(browser, f"{base}/budget-lines/{budget['id']}/remove")
    assert removed.status_code == 302
    assert konkret.get(f"/proposals/{proposal['id']}/follow-up").json["budget_lines"] == []


@pytest.mark.parametrize("path", ["/facilitator/proposals/{id}/follow-up",
                                  "/facilitator/processes/{pid}/follow-up"])
def test_the_follow_up_pages_need_the_process_s_facilitator(konkret: Konkret, proposal, app,
                                                            path):
    anonymous = app.test_client().get(path.format(id=proposal["id"], pid=konkret.pid))
    assert anonymous.status_code in (302, 401)


def test_the_phone_page_asks_one_question(konkret: Konkret, app):
    page = app.test_client().get(f"/w/{konkret.world.workshop_id}/utvardering")
    assert page.status_code == 200
    assert "Kände du dig lyssnad på?" in page.text
    assert page.text.count('name="score"') == 5

"""The konkretisering pages render, and their forms drive the same services as the API."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from tests.conftest import PASSWORD
from tests.konkret.conftest import Konkret


@pytest.fixture
def browser(konkret: Konkret, app) -> FlaskClient:
    """A logged-in console session (cookie), as on the facilitator's tablet."""
    client = app.test_client()
    page = client.get("/facilitator/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    response = client.post("/facilitator/login", data={
        "email": konkret.world.facilitator_email, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302
    page = client.get(f"/facilitator/processes/{konkret.pid}/konkret")
    # Logging in starts a new session, with a new form token.
    client.csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[attr-defined]
    return client


def post(browser: FlaskClient, path: str, **form):
    data = {"csrf_token": browser.csrf} | form  # type: ignore[attr-defined]
    return browser.post(path, data=data)


def test_the_console_drafts_an_alternative_from_ticked_perspectives(konkret, browser):
    page = browser.get(f"/facilitator/processes/{konkret.pid}/konkret")
    assert page.status_code == 200
    assert "Skriv ett lösningsalternativ" in page.text
    assert "Jag känner mig otrygg" in page.text  # the perspectives to tick
    response = post(browser, f"/facilitator/processes/{konkret.pid}/konkret/alternatives",
                    title="Tänd parken", description="Belysning.",
                    perspective_ids=[str(i) for i in konkret.perspective_ids[:2]])
    assert response.status_code == 302, re.findall(r'notice__text">([^<]*)', response.text)
    [alternative] = konkret.get(f"/processes/{konkret.pid}/alternatives").json["alternatives"]
    assert alternative["perspective_ids"] == konkret.perspective_ids[:2]


def test_a_refused_form_shows_the_message_and_keeps_the_input(konkret, browser):
    response = post(browser, f"/facilitator/processes/{konkret.pid}/konkret/alternatives",
                    title="", description="Min text som inte får försvinna.", form="draft")
    assert response.status_code == 400
    assert "Fältet title måste fyllas i." in response.text
    assert "Min text som inte får försvinna." in response.text


def test_the_whole_loop_through_the_pages(konkret, browser):
    alternative = konkret.draft()
    base = f"/facilitator/alternatives/{alternative['id']}"
    assert post(browser, f"{base}/votes").status_code == 302
    [vote_round] = konkret.get(base.replace("/facilitator", "")).json["vote_rounds"]
    for phone, value in enumerate(["for", "for", "against"]):
        konkret.vote(vote_round["id"], phone, value)
    page = browser.get(base)
    assert f'data-vote-tally="{vote_round["id"]}"' in page.text
    assert post(browser, f"/facilitator/vote-rounds/{vote_round['id']}/close").status_code == 302
    page = browser.get(base)
    assert "Vad skulle krävas för att ni ska kunna följa med?" in page.text
    assert post(browser, f"{base}/amendments", text="Sagt i rummet: utvärdera efter ett år.",
                ).status_code == 302
    assert post(browser, f"{base}/conclude").status_code == 302
    page = browser.get(base)
    assert "Antaget med avvikande mening" in page.text
    assert "Sagt i rummet: utvärdera efter ett år." in page.text
    history = page.text.split('id="history"')[1].split("</section>")[0]
    assert "Omröstning 1 stängdes: 2 för, 1 emot." in history, history  # in words


def test_check_back_fishing_and_goals_through_the_console(konkret, browser):
    alternative = konkret.draft()
    assert post(browser, f"/facilitator/processes/{konkret.pid}/konkret/checkback",
                title="Efter runda 1", alternative_ids=[str(alternative["id"])],
                closes_at="2099-06-01T18:00").status_code == 302
    [checkback] = konkret.get(f"/processes/{konkret.pid}/checkback-rounds").json[
        "checkback_rounds"]
    assert checkback["round"]["closes_at"].startswith("2099-06-01T16:00")  # 18:00 in Sweden
    nothing = post(browser, f"/facilitator/processes/{konkret.pid}/konkret/checkback")
    assert nothing.status_code == 400
    assert post(browser, f"/facilitator/checkback-rounds/{checkback['round']['id']}/close"
                ).status_code == 302
    assert post(browser, f"/facilitator/processes/{konkret.pid}/konkret/fishing",
                question="Vad har ingen sagt?").status_code == 302
    assert post(browser, f"/facilitator/processes/{konkret.pid}/konkret/goals/preset",
                preset="lokal-namnd-varberg-2021").status_code == 302
    page = browser.get(f"/facilitator/processes/{konkret.pid}/konkret")
    assert "Vad har ingen sagt?" in page.text
    assert "Stärkt delaktighet" in page.text
    assert "Efter runda 1" in page.text


def test_proposal_pages_show_status_history_and_trace(konkret, browser):
    alternative = konkret.draft()
    konkret.run_vote(alternative["id"], ["for"] * 3)
    response = post(browser, f"/facilitator/processes/{konkret.pid}/proposals",
                    title="Belysning i parken", owner="Varbergs kommun", budget_tkr="80",
                    alternative_ids=[str(alternative["id"])],
                    indicators="Andel unga som känner sig trygga\nAntal armaturer")
    assert response.status_code == 302
    proposal_page = response.headers["Location"]
    assert post(browser, f"{proposal_page}/status", status="ongoing", dated="2021-10-01",
                note="Beställt.").status_code == 302
    page = browser.get(proposal_page)
    assert page.status_code == 200
    assert "Pågår" in page.text
    assert "2021-10-01" in page.text
    assert "Beställt." in page.text
    assert "Spårbarhet" in page.text
    assert "Jag känner mig otrygg" in page.text
    listing = browser.get(f"/facilitator/processes/{konkret.pid}/proposals")
    assert "Belysning i parken" in listing.text
    assert "Spåra bakåt" in listing.text
    bad = post(browser, f"{proposal_page}/status", status="kanske")
    assert bad.status_code == 400
    assert "planerad, pågår, genomförd eller avslutad" in bad.text


def test_the_phone_page_and_the_phase_screen(konkret, client):
    page = client.get(f"/w/{konkret.world.workshop_id}/konkret")
    assert page.status_code == 200
    assert "Stäm av förslagen" in page.text
    for kind in ("larande_samtal", "konkretisering"):
        assert konkret.post(f"/processes/{konkret.pid}/phases", {"kind": kind}).status_code == 201
    from dialog.extensions import db
    from dialog.models import Participant, Phase
    from phases import phase_for

    with db.transaction() as session:
        phase = session.query(Phase).filter_by(kind="konkretisering").one()
        participant = session.query(Participant).first()
        screen = phase_for("konkretisering").phone_screen(session, phase, participant)
        produced = phase_for("konkretisering").produce(session, phase)
    assert screen.context["endpoint"] == "konkret.phone"
    assert produced["kind"] == "konkretisering"
    assert produced["alternatives"] == []


@pytest.mark.parametrize("path", ["/facilitator/processes/{pid}/konkret",
                                  "/facilitator/processes/{pid}/proposals"])
def test_console_pages_need_a_login(konkret, client, path):
    response = client.get(path.format(pid=konkret.pid))
    assert response.status_code == 302
    assert "/facilitator/login" in response.headers["Location"]

"""The console's meetings pages: every form works without JavaScript, through the actions."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from dialog.extensions import db
from dialog.models import OutreachAction, Perspective, Workshop
from tests.conftest import PASSWORD, bearer


def csrf(client: FlaskClient, path: str) -> str:
    page = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match, f"no csrf token on {path}"
    return match.group(1)


def logged_in(client, world) -> str:
    client.post("/facilitator/login", data={
        "email": world.facilitator_email, "password": PASSWORD,
        "csrf_token": csrf(client, "/facilitator/login")})
    return f"/facilitator/processes/{world.process_id}/meetings"


def test_the_process_page_shows_a_timeline_of_meetings_and_phases(client, world):
    logged_in(client, world)
    page = client.get(f"/facilitator/processes/{world.process_id}").get_data(as_text=True)
    assert "Tidslinje: möten och faser" in page
    assert "Workshop 1" in page
    assert "Inventering öppnades (omgång 1)" in page


def test_a_meeting_is_opened_and_changed_from_the_console(client, world):
    page = logged_in(client, world)
    token = csrf(client, page)
    opened = client.post(page, data={
        "csrf_token": token, "title": "Fritidsgården", "place": "Håsten",
        "starts_at": "2026-03-04T18:00", "ends_at": "2026-03-04T20:00", "format": "physical",
        "target_groups": ["unga"], "facilitators": "Amira\nsamtalsledare@varberg.se",
        "agenda": "Välkomna"})
    assert opened.status_code == 302
    meeting = db.session.query(Workshop).filter_by(title="Fritidsgården").one()
    assert meeting.starts_at.isoformat() == "2026-03-04T17:00:00+00:00"  # 18:00 in Sweden
    assert meeting.facilitators == ["Amira", "samtalsledare@varberg.se"]
    assert meeting.target_groups == ["unga"]
    meeting_page = client.get(opened.headers["Location"]).get_data(as_text=True)
    assert "Håsten" in meeting_page
    assert 'value="2026-03-04T18:00"' in meeting_page

    refused = client.post(f"/facilitator/workshops/{meeting.id}/meeting", data={
        "csrf_token": token, "title": "Fritidsgården", "starts_at": "2026-03-04T18:00",
        "ends_at": "2026-03-04T17:00", "format": "physical"})
    assert refused.status_code == 400
    assert "Mötet kan inte sluta innan det börjar." in refused.get_data(as_text=True)


def test_a_facilitator_enters_an_interview_from_the_console(client, world):
    logged_in(client, world)
    path = f"/facilitator/workshops/{world.workshop_id}/meeting"
    token = csrf(client, path)
    sent = client.post(f"/facilitator/workshops/{world.workshop_id}/entered", data={
        "csrf_token": token, "text": "Bussen går för sällan på kvällen.", "kind": "feeling",
        "stakeholder_group": "vårdnadshavare", "source": "interview", "client_id": "c.1"})
    assert sent.status_code == 302
    page = client.get(path).get_data(as_text=True)
    assert "Bussen går för sällan på kvällen." in page
    assert "från intervju" in page
    stored = db.session.query(Perspective).one()
    assert (stored.source, stored.participant_id) == ("interview", None)


def test_groups_outreach_and_cards_from_the_console(client, world):
    page = logged_in(client, world)
    token = csrf(client, page)
    assert client.post(f"/facilitator/processes/{world.process_id}/stakeholder-groups",
                       data={"csrf_token": token, "name": "föreningsliv"}).status_code == 302
    planned = client.post(f"/facilitator/processes/{world.process_id}/outreach", data={
        "csrf_token": token, "stakeholder_group": "föreningsliv",
        "action": "Besök på idrottsföreningens styrelsemöte", "where": "Klubbstugan",
        "when": "2026-03-20", "responsible": "fritidsförvaltningen"})
    assert planned.status_code == 302
    shown = client.get(page).get_data(as_text=True)
    assert "Saknas och uppsök" in shown
    assert "Besök på idrottsföreningens styrelsemöte" in shown
    item = db.session.query(OutreachAction).one()
    client.post(f"/facilitator/outreach/{item.id}", data={"csrf_token": token,
                                                          "status": "done"})
    db.session.expire_all()
    assert db.session.get(OutreachAction, item.id).status.value == "done"

    cards = client.post(f"/facilitator/processes/{world.process_id}/participant-cards",
                        data={"csrf_token": token, "count": "3"})
    assert cards.status_code == 200
    codes = re.findall(r'participant-card__code mono">([a-z-]+)<', cards.get_data(as_text=True))
    assert len(codes) == 3
    joined = client.post("/api/v1/join", json={"join_code": world.join_code,
                                               "participant_code": codes[0]})
    assert joined.status_code == 201
    too_many = client.post(f"/facilitator/processes/{world.process_id}/participant-cards",
                           data={"csrf_token": token, "count": "500"})
    assert too_many.status_code == 400


def test_a_phase_opens_for_chosen_meetings_from_the_console(client, world):
    page = logged_in(client, world)
    headers = bearer(world.facilitator_token)
    digital = client.post(f"/api/v1/processes/{world.process_id}/workshops", headers=headers,
                          json={"title": "Digitalt", "format": "digital"}).json
    token = csrf(client, page)
    opened = client.post(f"/facilitator/processes/{world.process_id}/phases", data={
        "csrf_token": token, "kind": "larande_samtal", "workshop_ids": [str(digital["id"])]})
    assert opened.status_code == 302
    assert client.get(f"/api/v1/workshops/{digital['id']}", headers=headers).json[
        "phase"]["kind"] == "larande_samtal"
    assert client.get(f"/api/v1/workshops/{world.workshop_id}", headers=headers).json[
        "phase"]["kind"] == "inventering"


def test_the_meeting_page_counts_one_person_in_the_singular(client, world):
    logged_in(client, world)
    client.post("/api/v1/join", json={"join_code": world.join_code, "stakeholder_group": "unga"})
    page = client.get(f"/facilitator/workshops/{world.workshop_id}/meeting").get_data(
        as_text=True)
    assert "1 person, varav 0 som kom tillbaka." in page
    english = client.get(f"/facilitator/workshops/{world.workshop_id}/meeting?lang=en")
    assert "1 person, of whom 0 came back." in english.get_data(as_text=True)
    client.post("/api/v1/join", json={"join_code": world.join_code})
    page = client.get(f"/facilitator/workshops/{world.workshop_id}/meeting?lang=sv").get_data(
        as_text=True)
    assert "2 personer, varav 0 som kom tillbaka." in page

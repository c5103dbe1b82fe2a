"""The facilitator console and the phone pages, through the Flask test client."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from tests.conftest import PASSWORD, World, bearer


def csrf(client: FlaskClient, path: str) -> str:
    page = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match, f"no csrf token on {path}"
    return match.group(1)


def log_in(client: FlaskClient, email: str, password: str = PASSWORD):
    return client.post("/facilitator/login", data={
        "email": email, "password": password,
        "csrf_token": csrf(client, "/facilitator/login")})


def test_console_pages_need_a_login(client: FlaskClient, world: World):
    response = client.get(f"/facilitator/workshops/{world.workshop_id}")
    assert response.status_code == 302
    assert "/facilitator/login" in response.headers["Location"]


def test_a_wrong_password_shows_the_form_again_with_the_reason(client, world: World):
    response = log_in(client, world.facilitator_email, "fel lösenord")
    assert response.status_code == 401
    assert "Fel e-postadress eller lösenord." in response.get_data(as_text=True)


def test_a_form_without_its_csrf_token_is_refused(client, world: World):
    response = client.post("/facilitator/login", data={"email": world.facilitator_email,
                                                      "password": PASSWORD})
    assert response.status_code == 400


def test_a_facilitator_creates_a_process_and_opens_a_workshop(client, world: World):
    assert log_in(client, world.facilitator_email).status_code == 302
    created = client.post("/facilitator/processes/new", data={
        "title": "Trängselskatt i Backa", "question": "Hur påverkas ni av betalstationerna?",
        "stakeholder_groups": "boende\nföretag\n\npendlare",
        "csrf_token": csrf(client, "/facilitator/processes/new")})
    assert created.status_code == 302
    process_page = created.headers["Location"]
    page = client.get(process_page).get_data(as_text=True)
    assert "Trängselskatt i Backa" in page
    opened = client.post(f"{process_page}/workshops", data={
        "title": "Kväll i Backa", "csrf_token": csrf(client, process_page)})
    assert opened.status_code == 302
    console = client.get(opened.headers["Location"]).get_data(as_text=True)
    assert "Kväll i Backa" in console
    assert "<svg" in console  # the QR code
    for group in ("boende", "företag", "pendlare"):
        assert group in console


def test_an_invalid_process_form_keeps_what_was_typed(client, world: World):
    log_in(client, world.facilitator_email)
    response = client.post("/facilitator/processes/new", data={
        "title": "Bara en titel", "question": "", "stakeholder_groups": "unga",
        "csrf_token": csrf(client, "/facilitator/processes/new")})
    assert response.status_code == 400
    assert "Bara en titel" in response.get_data(as_text=True)


@pytest.mark.parametrize("page", ["workshop", "projector"])
def test_workshop_pages_show_code_and_qr(client, world: World, page: str):
    log_in(client, world.facilitator_email)
    path = f"/facilitator/workshops/{world.workshop_id}"
    html = client.get(path if page == "workshop" else f"{path}/projector").get_data(as_text=True)
    assert world.join_code in html
    assert 'role="img"' in html


def test_another_facilitator_cannot_open_my_console(client, make_world, world: World):
    other = make_world(email="annan@halland.se")
    log_in(client, other.facilitator_email)
    response = client.get(f"/facilitator/workshops/{world.workshop_id}")
    assert response.status_code == 403


def test_the_phone_pages_render_in_swedish_and_english(client, world: World):
    join = client.get(f"/j/{world.join_code}")
    assert join.status_code == 200
    assert 'lang="sv"' in join.get_data(as_text=True)
    english = client.get(f"/j/{world.join_code}?lang=en").get_data(as_text=True)
    assert 'lang="en"' in english
    for path in (f"/w/{world.workshop_id}", f"/w/{world.workshop_id}/sent", "/"):
        assert client.get(path).status_code == 200


@pytest.mark.parametrize(("path", "status", "text"), [
    ("/j/ZZZZZZ", 404, "Vi hittar ingen workshop med den koden"),
    ("/join?code=", 400, "Skriv in koden"),
    ("/w/9999", 404, "Workshoppen finns inte"),
])
def test_phone_errors_are_explained_on_a_page(client, world, path, status, text):
    response = client.get(path)
    assert response.status_code == status
    assert text in response.get_data(as_text=True)


def test_a_typed_code_leads_to_the_join_page(client, world: World):
    response = client.get(f"/join?code={world.join_code.lower()}")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/j/{world.join_code}")


def test_a_bare_visit_to_join_shows_the_code_form_without_an_error(client, world: World):
    response = client.get("/join", follow_redirects=True)
    assert response.status_code == 200
    assert "Skriv in koden du fått" not in response.get_data(as_text=True)


def test_the_process_page_counts_groups_as_the_workshop_console_and_the_wall_do(
        client, world: World, join_participant):
    # One rule for "which perspective are we missing": a group is heard once a perspective
    # of it is approved. A perspective waiting for review is counted in the total only.
    client.patch(f"/api/v1/workshops/{world.workshop_id}",
                 headers=bearer(world.facilitator_token), json={"pre_moderation": True})
    for group, kind in (("unga", "idea"), ("skola", "feeling")):
        token = join_participant(world.join_code, group)
        client.post(f"/api/v1/workshops/{world.workshop_id}/perspectives",
                    headers=bearer(token), json={"text": "Något", "kind": kind,
                                                 "client_id": group})
    waiting = client.get(f"/api/v1/processes/{world.process_id}/perspectives",
                         headers=bearer(world.facilitator_token)).json["perspectives"]
    unga = next(p["id"] for p in waiting if p["stakeholder_group"] == "unga")
    client.post(f"/api/v1/perspectives/{unga}/moderation", json={"action": "approve"},
                headers=bearer(world.facilitator_token))
    log_in(client, world.facilitator_email)

    page = client.get(f"/facilitator/processes/{world.process_id}").get_data(as_text=True)

    rows = dict(re.findall(r'tally__name">([^<]+)</span>\s*<span class="(?:tally__count|badge '
                           r'badge--missing)">([^<]+)<', page))
    assert rows == {"Unga": "1", "Vårdnadshavare": "saknas", "Skola": "saknas",
                    "Polis": "saknas",
                    "Ståndpunkt": "0", "Känsla": "0", "Idé": "1", "Tanke": "0"}
    # Each number says what it counts: all sent in first, then rows of approved ones only.
    total = page.index("Inskickat hittills: 2 perspektiv, godkända eller väntande på granskning.")
    rule = page.index("Raderna nedan räknar bara godkända perspektiv, som väggen gör.")
    assert total < rule < page.index('tally__name">Unga')
    assert "väntande och godkända" not in page

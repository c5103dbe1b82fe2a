"""The team's pages in a real browser: the team page, an invitation, a proposal owner's
follow-up page and a programme's public page pass axe (WCAG 2.1 AA) and fit 320 px."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import NARROW_PHONE, TABLET, axe_violations, describe_violations

pytestmark = pytest.mark.browser


def _clean_and_narrow(page: Any, name: str) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe found problems on {name}:\n" + describe_violations(violations)
    page.set_viewport_size(NARROW_PHONE)
    page.wait_for_timeout(100)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW_PHONE["width"], f"{name} scrolls sideways at 320 px ({width} px)"


def _sign_in(page: Any, email: str, password: str) -> None:
    page.goto("/facilitator/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("button[type=submit]")


def test_the_team_page_invites_by_keyboard_and_shows_the_link(
        new_page: Callable[..., Any], facilitator_state: Any, live_server: Any):
    page = new_page(TABLET, storage_state=facilitator_state)
    page.goto(f"/facilitator/processes/{live_server.demo['process_id']}/team")
    expect(page.locator("h1")).to_have_text("Team")
    expect(page.locator(".team-list")).to_contain_text("namnd@dialog.local")
    page.locator("#member-email").focus()
    page.keyboard.type("ny.kollega@varberg.se")
    page.select_option("#member-role", "reader")
    page.keyboard.press("Enter")
    expect(page.locator("#invite-url")).to_have_value(
        __import__("re").compile(r"/invite/inv_"))
    _clean_and_narrow(page, "team")


def test_an_invitation_page_is_accessible(new_page: Callable[..., Any], live_server: Any):
    status, body = live_server.request(
        "POST", f"/api/v1/processes/{live_server.demo['process_id']}/team",
        {"email": "inbjuden@varberg.se", "role": "facilitator"}, token=live_server.token)
    assert status == 201, body
    page = new_page(TABLET)
    page.goto(body["invite_url"].removeprefix(live_server.url))
    expect(page.locator("h1")).to_have_text("Skapa ditt konto")
    _clean_and_narrow(page, "invitation")


def test_the_proposal_owner_follows_up_their_proposal(new_page: Callable[..., Any],
                                                      live_server: Any):
    team = live_server.demo["team"]
    page = new_page(TABLET)
    _sign_in(page, team["proposal_owner"], team["password"])
    page.goto(live_server.demo["urls"]["owner_updates"].removeprefix(live_server.url))
    expect(page.locator(".timeline")).to_contain_text("51 besökare")
    _clean_and_narrow(page, "follow-up")


def test_a_programme_page_shows_published_processes(new_page: Callable[..., Any],
                                                    live_server: Any):
    status, made = live_server.request("POST", "/api/v1/programmes", {
        "title": "Tillit och trygghet i Halland", "slug": "tillit-halland"},
        token=live_server.token)
    assert status == 201, made
    status, _body = live_server.request(
        "POST", f"/api/v1/programmes/{made['id']}/processes",
        {"process_id": live_server.demo["process_id"]}, token=live_server.token)
    assert status == 201
    page = new_page(TABLET)
    page.goto("/programme/tillit-halland")
    expect(page.locator("h1")).to_have_text("Tillit och trygghet i Halland")
    expect(page.locator(".programme-list")).to_contain_text("Tillit och trygghet i Varberg")
    _clean_and_narrow(page, "programme")


def test_a_reader_is_told_they_only_read(new_page: Callable[..., Any], live_server: Any):
    team = live_server.demo["team"]
    page = new_page(TABLET)
    _sign_in(page, team["reader"], team["password"])
    page.goto(f"/facilitator/processes/{live_server.demo['process_id']}")
    expect(page.locator("#reader-note")).to_contain_text("Du är läsare")
    _clean_and_narrow(page, "reader's process page")

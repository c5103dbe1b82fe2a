"""The workshop console on a tablet: compact cards, "new since you looked", search and
filters, the running phase, and a confirmation before closing the workshop."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    NARROW_PHONE,
    TABLET,
    axe_violations,
    describe_violations,
    screenshot,
    wait_online,
)

pytestmark = pytest.mark.browser

VOICES = [
    ("unga", "idea", "Öppna fritidsgården till midnatt på fredagar."),
    ("polis", "standpoint", "Vi vill vara närvarande utan att skrämma."),
    ("skola", "feeling", "Det känns otryggt vid busshållplatsen efter skolan."),
    ("unga", "thought", "Vuxna pratar om oss men inte med oss, och det märks i allt som "
                        "bestäms om parken, om kvällarna och om vem som får vara var. "
                        "Vi vill vara med från början, inte bara bli tillfrågade i slutet."),
]


def seed(live_server: Any, workshop: dict[str, Any], count: int) -> None:
    """``count`` perspectives from phones that joined through the API."""
    for number in range(count):
        group, kind, text = VOICES[number % len(VOICES)]
        status, joined = live_server.request("POST", "/api/v1/join", {
            "join_code": workshop["join_code"], "stakeholder_group": group})
        assert status == 201, joined
        status, body = live_server.request(
            "POST", f"/api/v1/workshops/{workshop['id']}/perspectives",
            {"text": f"{text} ({number + 1})", "kind": kind, "client_id": f"seed-{number}"},
            token=joined["participant_token"])
        assert status in (200, 201), body


def open_console(page: Any, workshop_id: int) -> None:
    page.goto(f"/facilitator/workshops/{workshop_id}")
    wait_online(page)
    page.locator("#feed .p-card").first.wait_for()


def test_a_tablet_shows_many_compact_cards_and_the_running_phase(
        live_server: Any, tablet: Any, workshop: dict[str, Any]) -> None:
    seed(live_server, workshop, 14)
    open_console(tablet, workshop["id"])
    expect(tablet.locator("#phase-now")).to_contain_text("Pågående fas: ")
    expect(tablet.locator("#feed .p-card")).to_have_count(14)
    feed_top = tablet.locator("#feed").bounding_box()["y"]
    tablet.evaluate("y => window.scrollTo(0, y - 8)", feed_top)
    heights = tablet.locator("#feed .p-card").evaluate_all(
        "cards => cards.map(c => c.getBoundingClientRect()).filter(r => r.bottom <= innerHeight)"
        ".length")
    # Twice what the console showed before (about three). With approve, hide, block and
    # "edit and approve" on every card the actions take their own row on a tablet, so the
    # goal of eight is not reached yet (see the issue note).
    assert heights >= 6, f"only {heights} cards in one screen at 1024x768"
    screenshot(tablet, "room-console-tablet")
    violations = axe_violations(tablet)
    assert not violations, describe_violations(violations)


def test_search_and_filters_by_group_and_kind(
        live_server: Any, tablet: Any, workshop: dict[str, Any]) -> None:
    seed(live_server, workshop, 8)
    open_console(tablet, workshop["id"])
    visible = tablet.locator("#feed .p-card:visible")
    tablet.get_by_label("Grupp", exact=True).select_option("unga")
    expect(visible).to_have_count(4)
    tablet.get_by_label("Slag", exact=True).select_option("idea")
    expect(visible).to_have_count(2)
    tablet.get_by_label("Sök", exact=True).fill("(5)")
    expect(visible).to_have_count(1)
    tablet.get_by_label("Sök", exact=True).fill("finns inte")
    expect(visible).to_have_count(0)
    expect(tablet.locator("#feed-nomatch")).to_be_visible()


def test_new_since_you_looked_is_marked(
        live_server: Any, tablet: Any, workshop: dict[str, Any]) -> None:
    seed(live_server, workshop, 2)
    open_console(tablet, workshop["id"])
    expect(tablet.locator("#feed-unseen")).to_be_hidden()  # the first visit marks nothing
    tablet.goto("/facilitator/")  # leaving remembers the moment
    tablet.wait_for_timeout(50)
    _status, joined = live_server.request("POST", "/api/v1/join",
                                         {"join_code": workshop["join_code"]})
    live_server.request("POST", f"/api/v1/workshops/{workshop['id']}/perspectives",
                        {"text": "Skriven medan du var borta.", "kind": "idea",
                         "client_id": "late-1"}, token=joined["participant_token"])
    open_console(tablet, workshop["id"])
    expect(tablet.locator("#feed-unseen")).to_have_text("1 nytt sedan du tittade")
    expect(tablet.locator(".p-card--unseen")).to_have_count(1)
    expect(tablet.locator(".p-card--unseen")).to_contain_text("Skriven medan du var borta.")


def test_closing_the_workshop_asks_first_and_escape_cancels(
        tablet: Any, workshop: dict[str, Any]) -> None:
    tablet.goto(f"/facilitator/workshops/{workshop['id']}")
    wait_online(tablet)
    toggle = tablet.locator("#state-toggle")
    toggle.focus()
    tablet.keyboard.press("Enter")
    dialog = tablet.locator("#confirm-close-workshop")
    expect(dialog).to_be_visible()
    violations = axe_violations(tablet)
    assert not violations, describe_violations(violations)
    tablet.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(tablet.locator("#state-text")).to_have_text("Öppen")
    toggle.click()
    tablet.locator("#confirm-close-workshop-yes").click()
    expect(tablet.locator("#state-text")).to_have_text("Stängd")


def test_the_console_fits_a_320_px_phone(
        new_page: Any, facilitator_state: Any, live_server: Any,
        workshop: dict[str, Any]) -> None:
    seed(live_server, workshop, 3)
    page = new_page(NARROW_PHONE, storage_state=facilitator_state)
    open_console(page, workshop["id"])
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW_PHONE["width"], width
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)
    assert TABLET["width"] == 1024

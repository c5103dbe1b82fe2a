"""A map for people, in a real Chromium: cards first, the graph as the expert view.

Specifications: the facilitator's map page opens on the opinion-group cards and shows the
graph on request; it passes axe-core (WCAG 2.1 AA, and landmark-unique) at 320 px, 1024 x 768
and 1920 x 1080 without horizontal scrolling; the wall's labels are at least 28 px at
1920 x 1080; a facilitator renames a theme in the console and the wall follows; a phone is
told what the facilitator changed in its perspective and why.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    NARROW_PHONE,
    TABLET,
    axe_violations,
    describe_violations,
    join,
    too_wide,
    wait_online,
)

pytestmark = pytest.mark.browser

WALL = {"width": 1920, "height": 1080}
WRITTEN = "Ring mig på 070-123 45 67, parken behöver mer ljus på kvällarna"
VIEWPORTS = {"320": NARROW_PHONE, "1024x768": TABLET, "1920x1080": WALL}


def landmark_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core's landmark-unique rule (a best practice, not in the WCAG tags)."""
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'rule', values: ['landmark-unique']}})")
    return list(result["violations"])


def open_map(page: Any, process_id: int, suffix: str = "/map") -> None:
    page.goto(f"/facilitator/processes/{process_id}{suffix}")
    wait_online(page)
    expect(page.locator("#map-page")).to_have_attribute("data-computed-at", re.compile(r"\d"))


@pytest.mark.parametrize("size", list(VIEWPORTS), ids=list(VIEWPORTS))
def test_the_map_page_opens_on_the_cards_and_passes_axe(
    live_server: Any, new_page: Any, facilitator_state: Any, size: str,
) -> None:
    page = new_page(VIEWPORTS[size], storage_state=facilitator_state)
    open_map(page, live_server.demo["process_id"])
    expect(page.locator("#opinion-heading")).to_be_visible()
    expect(page.locator("#map-canvas")).to_be_hidden()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= VIEWPORTS[size]["width"], (
        f"horizontal scroll: {width}px {too_wide(page, VIEWPORTS[size]['width'])}")
    violations = axe_violations(page) + landmark_violations(page)
    assert violations == [], describe_violations(violations)

    page.get_by_role("button", name="Karta (expertvy)").click()
    expect(page.locator("#map-canvas")).to_be_visible()
    expect(page.get_by_role("button", name="Karta (expertvy)")).to_have_attribute(
        "aria-pressed", "true")
    violations = axe_violations(page) + landmark_violations(page)
    assert violations == [], describe_violations(violations)


def test_the_wall_is_readable_from_the_back_of_the_room(
    live_server: Any, new_page: Any, facilitator_state: Any,
) -> None:
    page = new_page(WALL, storage_state=facilitator_state)
    open_map(page, live_server.demo["process_id"], "/map/projector")
    expect(page.locator("#theme-list li").first).to_be_visible()
    sizes = page.evaluate("""() => [...document.querySelectorAll(
        '.map-wall__side li, .map-wall__heading, .map-wall__title')]
        .filter((node) => node.offsetParent !== null)
        .map((node) => [node.textContent.trim().slice(0, 30),
                        parseFloat(getComputedStyle(node).fontSize)])""")
    small = [(text, px) for text, px in sizes if px < 28]
    assert sizes, "no labels on the wall"
    assert not small, f"labels under 28 px: {small}"
    # The graph's labels are drawn on a canvas: the renderer reports the smallest one it
    # drew, in screen pixels with the zoom applied (Cytoscape's renderedStyle).
    canvas = page.locator("#map-canvas")
    expect(canvas).to_have_attribute("data-label-px", re.compile(r"^\d"))
    drawn = float(canvas.get_attribute("data-label-px") or 0)
    assert drawn >= 28, f"map labels drawn at {drawn} px on a 1920 x 1080 wall"
    violations = axe_violations(page) + landmark_violations(page)
    assert violations == [], describe_violations(violations)


def test_a_facilitator_renames_a_theme_and_the_wall_follows(
    live_server: Any, new_page: Any, facilitator_state: Any,
) -> None:
    process_id = live_server.demo["process_id"]
    console = new_page(TABLET, storage_state=facilitator_state)
    wall = new_page(WALL, storage_state=facilitator_state)
    open_map(console, process_id)
    open_map(wall, process_id, "/map/projector")
    first = console.locator("#theme-list .theme-rename__box").first
    first.locator("summary").click()
    field = first.get_by_label("Temats namn")
    field.fill("Trygghet i centrum på kvällen")
    first.get_by_role("button", name="Spara namn").click()
    expect(first.locator(".status-region")).to_contain_text("Trygghet i centrum på kvällen")
    expect(wall.locator("#theme-list")).to_contain_text("Trygghet i centrum på kvällen",
                                                         timeout=15_000)


def test_the_phone_is_told_what_was_changed_and_why(
    live_server: Any, new_page: Any, workshop: dict[str, Any],
) -> None:
    phone = new_page(NARROW_PHONE)
    workshop_id = join(phone, workshop["join_code"])
    phone.get_by_label("Ditt perspektiv").fill(WRITTEN)
    phone.get_by_role("radio", name=re.compile("Idé")).check()
    phone.get_by_role("button", name="Skicka").click()
    expect(phone.locator("#write-status")).to_contain_text("Tack! Ditt perspektiv är skickat.")
    phone.goto(f"/w/{workshop_id}/sent")
    wait_online(phone)
    item = phone.locator("#sent-list .my-item").first
    expect(item).to_be_visible()
    mine = next(p for p in live_server.perspectives() if p["text"] == WRITTEN)
    status, body = live_server.request(
        "POST", f"/api/v1/perspectives/{mine['id']}/moderation",
        {"action": "redact", "text": "Parken behöver mer ljus",
         "reason": "Telefonnumret togs bort"}, token=live_server.token)
    assert status == 200, body
    expect(phone.locator("#sent-status")).to_contain_text("Telefonnumret togs bort")
    expect(item.locator(".my-item__text")).to_have_text("Parken behöver mer ljus")
    expect(item.locator(".my-item__note")).to_contain_text("Telefonnumret togs bort")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW_PHONE["width"], f"horizontal scroll: {width}px"
    violations = axe_violations(phone)
    assert violations == [], describe_violations(violations)


def test_a_facilitator_edits_a_perspective_in_the_console_instead_of_hiding_it(
    live_server: Any, new_page: Any, tablet: Any, workshop: dict[str, Any],
) -> None:
    tablet.goto(f"/facilitator/workshops/{workshop['id']}")
    wait_online(tablet)
    phone = new_page(NARROW_PHONE)
    join(phone, workshop["join_code"])
    phone.get_by_label("Ditt perspektiv").fill(WRITTEN)
    phone.get_by_role("radio", name=re.compile("Idé")).check()
    phone.get_by_role("button", name="Skicka").click()
    card = tablet.locator("#feed > li", has_text="070-123")
    expect(card).to_contain_text("Väntar")
    card.locator(".redact-box summary").click()
    card.get_by_label("Texten som visas").fill("Parken behöver mer ljus på kvällarna")
    card.get_by_label("Varför ändras eller döljs texten?").fill("Telefonnumret togs bort")
    card.get_by_role("button", name=re.compile("Godkänn den redigerade texten")).click()
    edited = tablet.locator("#feed > li", has_text="Parken behöver mer ljus på kvällarna")
    expect(edited).to_contain_text("Godkänd")
    expect(tablet.locator("#feed")).not_to_contain_text("070-123")
    expect(phone.locator("#write-status")).to_contain_text("Telefonnumret togs bort")
    violations = axe_violations(tablet) + landmark_violations(tablet)
    assert violations == [], describe_violations(violations)

"""Hiding always gives the author a reason, from the console, in a noisy room.

"Dölj" on a card opens a short list of common reasons (one tap each, in the plain words the
author's phone will show) and "Annat skäl" for the facilitator's own words; nothing hides
without a reason. Keyboard alone, at a tablet's 1024 px and a phone's 320 px, with no axe
violations (WCAG 2.1 A and AA). The author's phone shows the reason live and after a reload.
"""

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
    too_wide,
    wait_online,
)

pytestmark = pytest.mark.browser

OFF_TOPIC = "Det du skrev handlar inte om frågan vi pratar om."
OWN_WORDS = "Samma fråga som i förra rundan"


def room(live_server: Any, title: str, texts: list[str]) -> tuple[dict[str, Any], str, list[int]]:
    """A workshop in inventering and one phone that has sent ``texts``."""
    workshop = live_server.inventering_workshop(title)
    status, joined = live_server.request("POST", "/api/v1/join", {
        "join_code": workshop["join_code"], "stakeholder_group": "unga"})
    assert status == 201, joined
    token = joined["participant_token"]
    ids = []
    for n, text in enumerate(texts):
        status, body = live_server.request(
            "POST", f"/api/v1/workshops/{workshop['id']}/perspectives",
            {"text": text, "kind": "thought", "client_id": f"hide-{n}"}, token=token)
        assert status == 201, body
        ids.append(body["id"])
    return workshop, token, ids


def authors_phone(new_page: Any, workshop: dict[str, Any], token: str) -> Any:
    phone = new_page(NARROW_PHONE)
    phone.context.add_init_script(
        f"localStorage.setItem('dialog.token.{workshop['id']}', '{token}')")
    phone.goto(f"/w/{workshop['id']}/sent")
    wait_online(phone)
    return phone


def console(new_page: Any, facilitator_state: Any, workshop: dict[str, Any],
            viewport: dict[str, int]) -> Any:
    page = new_page(viewport, storage_state=facilitator_state, mobile=viewport is NARROW_PHONE)
    page.goto(f"/facilitator/workshops/{workshop['id']}")
    wait_online(page)
    return page


def test_a_tap_on_a_common_reason_hides_and_the_authors_phone_says_why(
        live_server: Any, new_page: Any, facilitator_state: Any) -> None:
    workshop, token, (first, _) = room(live_server, "Dölj med skäl: surfplatta", [
        "Vi borde prata om fotboll i stället.", "Fler lampor i parken."])
    phone = authors_phone(new_page, workshop, token)
    expect(phone.locator("#sent-list")).to_contain_text("Vi borde prata om fotboll")
    tablet = console(new_page, facilitator_state, workshop, TABLET)
    card = tablet.locator(f'#feed > li[data-id="{first}"]')
    hide = card.locator('button[data-action="hide"]')

    # Keyboard alone: focus "Dölj", Enter opens the reasons with the first one focused.
    hide.focus()
    expect(hide).to_have_attribute("aria-expanded", "false")
    tablet.keyboard.press("Enter")
    expect(hide).to_have_attribute("aria-expanded", "true")
    panel = card.locator(".hide-panel")
    expect(panel).to_be_visible()
    expect(panel.locator(".hide-reason").first).to_be_focused()
    expect(panel.locator(".hide-reason")).to_have_count(4)
    expect(card.locator(".status")).not_to_contain_text("Dold")  # opening hides nothing
    # Esc closes the panel and gives the focus back to "Dölj".
    tablet.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(hide).to_be_focused()
    tablet.keyboard.press("Enter")
    violations = axe_violations(tablet)
    assert not violations, describe_violations(violations)
    screenshot(tablet, "hide-reasons-tablet")

    # Tab to "Hör inte hit" and press it: hidden, with the reason the phone will show.
    for _ in range(2):
        tablet.keyboard.press("Tab")
    expect(panel.locator('.hide-reason[data-reason="off_topic"]')).to_be_focused()
    tablet.keyboard.press("Enter")
    expect(card.locator(".status")).to_contain_text("Dold")
    expect(card.locator('button[data-action="restore"]')).to_be_visible()

    # The author's phone says why, live and after a reload.
    mine = phone.locator("#sent-list")
    expect(mine).to_contain_text(f"Samtalsledaren dolde ditt perspektiv. Skäl: {OFF_TOPIC}")
    phone.reload()
    wait_online(phone)
    expect(mine).to_contain_text(f"Skäl: {OFF_TOPIC}")

    status, log = live_server.request(
        "GET", f"/api/v1/processes/{workshop['process_id']}/moderation-log",
        token=live_server.token)
    assert status == 200, log
    assert [(e["subject_id"], e["action"], e["reason"]) for e in log["events"]] == [
        (first, "hide", OFF_TOPIC)]
    assert not tablet.js_errors
    assert not phone.js_errors


def test_at_320_px_own_words_are_asked_for_before_anything_is_hidden(
        live_server: Any, new_page: Any, facilitator_state: Any) -> None:
    workshop, token, (perspective,) = room(live_server, "Dölj med skäl: telefon", [
        "Kan vi få fler bänkar vid stationen?"])
    narrow = console(new_page, facilitator_state, workshop, NARROW_PHONE)
    card = narrow.locator(f'#feed > li[data-id="{perspective}"]')
    card.locator('button[data-action="hide"]').click()
    panel = card.locator(".hide-panel")
    expect(panel).to_be_visible()
    assert not too_wide(narrow, NARROW_PHONE["width"]), too_wide(narrow, NARROW_PHONE["width"])

    # "Dölj med det skälet" with nothing written: a clear message, the focus on the field.
    own = panel.get_by_label("Annat skäl (med egna ord)")
    panel.get_by_role("button", name="Dölj med det skälet", exact=False).click()
    expect(panel.get_by_role("alert")).to_contain_text("Välj ett skäl eller skriv ett eget")
    expect(own).to_be_focused()
    expect(own).to_have_attribute("aria-invalid", "true")
    expect(card.locator(".status")).not_to_contain_text("Dold")
    violations = axe_violations(narrow)
    assert not violations, describe_violations(violations)
    screenshot(narrow, "hide-reasons-320")

    own.fill(OWN_WORDS)
    own.press("Enter")
    expect(card.locator(".status")).to_contain_text("Dold")
    assert not too_wide(narrow, NARROW_PHONE["width"]), too_wide(narrow, NARROW_PHONE["width"])

    phone = authors_phone(new_page, workshop, token)
    expect(phone.locator("#sent-list")).to_contain_text(f"Skäl: {OWN_WORDS}")
    assert not narrow.js_errors

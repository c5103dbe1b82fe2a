"""The samtal console cuts a phone number from a reflection and keeps the rest, in Chromium.

Specifications: on a 1024 x 768 tablet the facilitator opens "Redigera" on a reflection held
back for a phone number; the box (the workshop console's, static/js/inventering/redact.js)
starts from the guard's suggestion, lists what it found, can go back to the words as written
and to the suggestion again; approving the edit publishes it in place (no reload), the
number is gone from the card, the card says why, and the writer's English phone reads what
was changed and why. The same by keyboard alone. Zero axe violations (WCAG 2.1 A, AA).
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.test_samtal import no_axe_violations, tab_to
from tests.browser.test_samtal_moderation import (
    PHONE_NUMBER,
    reflection,
    samtal_console,
    samtal_room,
    writers_phone,
)

pytestmark = pytest.mark.browser

SUGGESTED = "Ring mig på [telefonnummer borttaget] så berättar jag mer."
UNDERSTOOD = "Det här förstår jag nu, efter att ha hört ett annat perspektiv"


def test_a_tablet_redacts_a_flagged_reflection_from_the_guards_suggestion(
        live_server: Any, new_page: Any, facilitator_state: Any) -> None:
    room = samtal_room(live_server, "Redigera reflektioner")
    phone = writers_phone(new_page, room, "en-GB")
    tablet = samtal_console(new_page, facilitator_state, room)

    card = reflection(tablet, room["flagged"])
    card.locator(".redact-box summary").click()
    box = card.get_by_label(UNDERSTOOD)
    expect(box).to_have_value(SUGGESTED)
    found = card.get_by_role("list", name="Personuppgiftskontrollen hittade:")
    expect(found).to_contain_text("telefonnummer")
    expect(found).to_contain_text("070-123 45 67")
    no_axe_violations(tablet)

    card.get_by_role("button", name="Börja från originaltexten").click()
    expect(box).to_have_value(PHONE_NUMBER)
    expect(box).to_be_focused()
    card.get_by_role("button", name="Börja från förslaget igen").click()
    expect(box).to_have_value(SUGGESTED)

    card.get_by_label("Varför ändras eller döljs texten?").fill("Telefonnumret togs bort.")
    card.get_by_role("button", name="Godkänn den redigerade texten").click()
    expect(card.locator(".status")).to_have_text("Godkänd")
    expect(card).to_contain_text("[telefonnummer borttaget]")
    expect(card).not_to_contain_text("070-123")
    expect(card).to_contain_text("Redigerad. Skäl: Telefonnumret togs bort.")
    assert tablet.evaluate("window.__sameDocument === true"), "the console reloaded"
    no_axe_violations(tablet)

    expect(phone.locator("#my-hidden")).to_contain_text(
        "The facilitator changed your reflection before it was shown. "
        "Reason: Telefonnumret togs bort.")
    expect(phone.locator("#my-hidden")).to_contain_text("[telefonnummer borttaget]")
    expect(phone.locator("#my-hidden")).not_to_contain_text("070-123")
    no_axe_violations(phone)

    # After a reload the server draws the same card; only the log keeps the number.
    tablet.reload()
    card = reflection(tablet, room["flagged"])
    expect(card).to_contain_text("Redigerad. Skäl: Telefonnumret togs bort.")
    expect(card).not_to_contain_text("070-123")
    for page in (tablet, phone):
        assert page.js_errors == []


def test_a_reflection_is_redacted_by_keyboard_alone(
        live_server: Any, new_page: Any, facilitator_state: Any) -> None:
    room = samtal_room(live_server, "Redigera med tangentbordet")
    tablet = samtal_console(new_page, facilitator_state, room)
    flagged = f"#reflection-{room['flagged']}"

    tab_to(tablet, f"{flagged} .redact-box summary", limit=160)
    tablet.keyboard.press("Enter")
    expect(tablet.locator(f"{flagged} .redact-form")).to_be_visible()
    tab_to(tablet, f"{flagged} input[name=reason]")
    tablet.keyboard.type("Telefonnumret togs bort.")
    tab_to(tablet, f"{flagged} .redact-form button[type=submit]")
    tablet.keyboard.press("Enter")
    expect(tablet.locator(f"{flagged} .status")).to_have_text("Godkänd")
    expect(tablet.locator(flagged)).not_to_contain_text("070-123")
    # The focus stays on the card it acted on.
    assert tablet.evaluate(f"document.querySelector('{flagged}').contains(document.activeElement)")
    no_axe_violations(tablet)
    assert tablet.js_errors == []

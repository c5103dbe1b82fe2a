"""The console's redact box starts from the personal-data guard's suggestion, in Chromium.

Specifications: when a phone sends a text with a phone number, the facilitator's "Redigera"
box (1024 x 768) opens on the text with the number replaced by "[telefonnummer borttaget]",
lists what the guard found (its kind in Swedish, the words as written), can go back to the
original and to the suggestion again, approves the suggestion as it stands, and passes
axe-core with no violations.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    NARROW_PHONE,
    axe_violations,
    describe_violations,
    join,
    wait_online,
)

pytestmark = pytest.mark.browser

WRITTEN = "Ring mig på 070-123 45 67, skolgården behöver mer ljus"
SUGGESTED = "Ring mig på [telefonnummer borttaget], skolgården behöver mer ljus"


def test_the_redact_box_starts_from_the_guards_suggestion(
    new_page: Any, tablet: Any, workshop: dict[str, Any],
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
    box = card.get_by_label("Texten som visas")
    expect(box).to_have_value(SUGGESTED)
    found = card.get_by_role("list", name="Personuppgiftskontrollen hittade:")
    expect(found).to_contain_text("telefonnummer")
    expect(found).to_contain_text("070-123 45 67")
    expect(found).to_contain_text("[telefonnummer borttaget]")
    violations = axe_violations(tablet)
    assert violations == [], describe_violations(violations)

    card.get_by_role("button", name="Börja från originaltexten").click()
    expect(box).to_have_value(WRITTEN)
    expect(box).to_be_focused()
    card.get_by_role("button", name="Börja från förslaget igen").click()
    expect(box).to_have_value(SUGGESTED)

    card.get_by_label("Varför ändras eller döljs texten?").fill("Telefonnumret togs bort")
    card.get_by_role("button", name=re.compile("Godkänn den redigerade texten")).click()
    edited = tablet.locator("#feed > li", has_text="[telefonnummer borttaget]")
    expect(edited).to_contain_text("Godkänd")
    expect(tablet.locator("#feed")).not_to_contain_text("070-123")
    # Redacted, nothing is flagged: the box starts from the published text, with no list.
    edited.locator(".redact-box summary").click()
    expect(edited.get_by_label("Texten som visas")).to_have_value(SUGGESTED)
    expect(edited.locator(".redact-found")).to_have_count(0)
    violations = axe_violations(tablet)
    assert violations == [], describe_violations(violations)

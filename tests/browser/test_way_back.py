"""The way back in a real browser: the public page says "ditt perspektiv" to the phone that
wrote it (and to no other), and the subscription pages pass axe at 320 px."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import NARROW_PHONE, PHONE, axe_violations, describe_violations

pytestmark = pytest.mark.browser


def test_the_public_page_tells_this_phone_which_proposal_holds_its_perspective(
        new_page: Callable[..., Any], live_server: Any):
    slug = live_server.demo["slug"]
    page = new_page(PHONE)
    page.goto(f"/p/{slug}")
    proposal = page.locator(".pub-proposal[data-perspective-ids]:not([data-perspective-ids=''])"
                            ).first
    own = proposal.get_attribute("data-perspective-ids").split()[0]
    expect(page.locator(".pub-quote__yours")).to_have_count(0)

    page.evaluate("([key, id]) => localStorage.setItem(key, JSON.stringify([Number(id)]))",
                  [f"dialog.mine.{slug}", own])
    page.reload()

    expect(proposal.locator(".pub-yours")).to_be_visible()
    expect(proposal.locator(".pub-yours")).to_contain_text("Ditt perspektiv finns med")
    expect(page.locator(f"[data-perspective-id='{own}'] .pub-quote__yours").first
           ).to_have_text("Ditt perspektiv")
    assert not page.js_errors, page.js_errors


def test_subscribing_from_the_public_page_works_by_keyboard_and_passes_axe(
        new_page: Callable[..., Any], live_server: Any):
    page = new_page(NARROW_PHONE)
    page.goto(f"/p/{live_server.demo['slug']}#follow")
    field = page.get_by_label("E-postadress")
    field.focus()
    field.fill("inte-en-adress")
    page.keyboard.press("Enter")
    expect(page.locator(".field__error")).to_contain_text("e-postadress")
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)
    page.get_by_label("E-postadress").fill("boende@example.se")
    page.get_by_role("button", name="Bevaka").click()
    expect(page.get_by_role("status")).to_contain_text("Tack!")
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW_PHONE["width"]

"""Every page meets WCAG 2.1 AA as far as axe-core can tell, fits a 320 px phone, and the
whole participant flow works with the keyboard alone."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    NARROW_PHONE,
    PHONE,
    PROJECTOR,
    TABLET,
    axe_violations,
    describe_violations,
    wait_online,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def scene(live_server: Any) -> dict[str, Any]:
    """A workshop with a little of everything: approved, pending, hidden, personal data."""
    workshop = live_server.inventering_workshop("Tillgänglighet")  # the wall in inventering
    status, joined = live_server.request("POST", "/api/v1/join", {
        "join_code": workshop["join_code"], "stakeholder_group": "unga", "age_band": "13-15"})
    assert status == 201, joined
    token = joined["participant_token"]
    sent = {}
    for n, (text, kind) in enumerate([
        ("Jag känner mig trygg i skolan men inte på busshållplatsen.", "feeling"),
        ("Fler vuxna ute på kvällarna, kanske nattvandrare.", "idea"),
        ("Ring mig på 070-123 45 67 så berättar jag mer.", "thought"),
        ("Det här ska döljas.", "standpoint"),
    ]):
        status, body = live_server.request(
            "POST", f"/api/v1/workshops/{workshop['id']}/perspectives",
            {"text": text, "kind": kind, "client_id": f"scene-{n}"}, token=token)
        assert status == 201, body
        sent[kind] = body["id"]
    status, body = live_server.request(
        "POST", f"/api/v1/perspectives/{sent['standpoint']}/moderation", {"action": "hide"},
        token=live_server.token)
    assert status == 200, body
    return {"workshop": workshop, "token": token}


def as_participant(page: Any, scene: dict[str, Any]) -> None:
    page.context.add_init_script(
        f"localStorage.setItem('dialog.token.{scene['workshop']['id']}', '{scene['token']}')")


def _home(page: Any, scene: dict[str, Any]) -> None:
    page.goto("/")


def _home_with_error(page: Any, scene: dict[str, Any]) -> None:
    page.goto("/join?code=ZZZZZZ")


def _join(page: Any, scene: dict[str, Any]) -> None:
    page.goto(f"/j/{scene['workshop']['join_code']}")


def _write(page: Any, scene: dict[str, Any]) -> None:
    as_participant(page, scene)
    page.goto(f"/w/{scene['workshop']['id']}")
    wait_online(page)
    page.locator("#write-submit").click()  # nothing written: an error notice shows too
    expect(page.locator("#write-status .notice--error")).to_be_visible()


def _sent(page: Any, scene: dict[str, Any]) -> None:
    as_participant(page, scene)
    page.goto(f"/w/{scene['workshop']['id']}/sent")
    wait_online(page)
    expect(page.locator("#sent-list > li")).to_have_count(4)


def _error(page: Any, scene: dict[str, Any]) -> None:
    page.goto("/w/999999")


def _login(page: Any, scene: dict[str, Any]) -> None:
    page.goto("/facilitator/login")


def _login_failed(page: Any, scene: dict[str, Any]) -> None:
    page.goto("/facilitator/login")
    page.get_by_label("E-postadress").fill("nobody@example.se")
    page.get_by_label("Lösenord").fill("fel-lösenord")
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("alert")).to_contain_text("Fel e-postadress eller lösenord.")


def _dashboard(page: Any, scene: dict[str, Any]) -> None:
    page.goto("/facilitator/")


def _process(page: Any, scene: dict[str, Any]) -> None:
    page.goto("/facilitator/")
    page.locator(".process-card__title a").first.click()
    expect(page.locator("h1")).to_be_visible()


def _process_new(page: Any, scene: dict[str, Any]) -> None:
    page.goto("/facilitator/processes/new")


def _process_new_failed(page: Any, scene: dict[str, Any]) -> None:
    page.goto("/facilitator/processes/new")
    page.get_by_label("Frågan").fill("Vad gör oss trygga?")
    page.evaluate("document.querySelector('main form').noValidate = true")
    page.get_by_role("button", name="Skapa processen").click()
    expect(page.get_by_role("alert")).to_be_visible()


def _console(page: Any, scene: dict[str, Any]) -> None:
    page.goto(f"/facilitator/workshops/{scene['workshop']['id']}")
    wait_online(page)
    expect(page.locator("#feed > li")).to_have_count(4)
    expect(page.locator(".pd-warning")).to_be_visible()


def _projector(page: Any, scene: dict[str, Any]) -> None:
    page.goto(f"/facilitator/workshops/{scene['workshop']['id']}/projector")
    expect(page.locator("#wall-list > li")).to_have_count(2)


PAGES: dict[str, tuple[Callable[[Any, dict[str, Any]], None], dict[str, int], bool]] = {
    # name: (how to get there, viewport, as a logged-in facilitator)
    "home": (_home, PHONE, False),
    "home-with-error": (_home_with_error, PHONE, False),
    "join": (_join, PHONE, False),
    "write": (_write, PHONE, False),
    "sent": (_sent, PHONE, False),
    "error": (_error, PHONE, False),
    "login": (_login, TABLET, False),
    "login-failed": (_login_failed, TABLET, False),
    "dashboard": (_dashboard, TABLET, True),
    "process": (_process, TABLET, True),
    "process-new": (_process_new, TABLET, True),
    "process-new-failed": (_process_new_failed, TABLET, True),
    "console": (_console, TABLET, True),
    "projector": (_projector, PROJECTOR, True),
}


#: Swedish on every page; English on the screens used during a workshop.
CASES = [(name, "sv-SE") for name in PAGES] + [
    (name, "en-GB") for name in ("join", "write", "sent", "console", "projector")]


@pytest.mark.parametrize(("name", "locale"), CASES)
def test_page_has_no_axe_violations_and_fits_320px(
    name: str, locale: str, new_page: Any, facilitator_state: Any, scene: dict[str, Any],
) -> None:
    setup, viewport, facilitator = PAGES[name]
    page = new_page(viewport, locale=locale,
                    storage_state=facilitator_state if facilitator else None)
    setup(page, scene)

    lang = locale[:2]
    assert page.evaluate("document.documentElement.lang") == lang
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("main")).to_have_count(1)
    other = "en" if lang == "sv" else "sv"
    expect(page.locator(f'a[hreflang="{other}"]')).to_have_count(1)

    violations = axe_violations(page)
    assert not violations, f"axe found problems on {name} ({lang}):\n" + describe_violations(
        violations)

    page.set_viewport_size(NARROW_PHONE)
    page.wait_for_timeout(100)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW_PHONE["width"], f"{name} scrolls sideways at 320 px ({width} px)"
    assert not page.js_errors, page.js_errors


def test_language_link_switches_to_english_and_back(new_page: Any, scene: dict[str, Any]) -> None:
    page = new_page(PHONE)
    page.goto(f"/j/{scene['workshop']['join_code']}")
    expect(page.locator("h1")).to_have_text("Välkommen")
    page.get_by_role("link", name="In English").click()
    expect(page.locator("h1")).to_have_text("Welcome")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.get_by_role("link", name="På svenska").click()
    expect(page.locator("h1")).to_have_text("Välkommen")


def tab_to(page: Any, selector: str, limit: int = 40) -> None:
    """Press Tab until the element matching `selector` has focus (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_the_whole_participant_flow_works_with_the_keyboard_alone(
    live_server: Any, new_page: Any,
) -> None:
    # A meeting in inventering: joining lands on the write page (the demo's are further on).
    workshop = live_server.inventering_workshop("Tangentbordet")
    page = new_page(NARROW_PHONE, mobile=False)
    page.goto("/")

    # Skip link first, and it works.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Hoppa till innehållet"
    page.keyboard.press("Enter")
    tab_to(page, "#code")
    page.keyboard.type(workshop["join_code"])
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/j/{workshop['join_code']}")

    tab_to(page, 'input[name="stakeholder_group"]')  # "Vill inte säga", already chosen
    tab_to(page, "#join-submit")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/w/{workshop['id']}")
    wait_online(page)

    text = "Skrivet med tangentbordet: fler ljus i gångtunneln."
    tab_to(page, "#text")
    page.keyboard.type(text)
    tab_to(page, 'input[name="kind"]')
    page.keyboard.press("Space")  # the first kind, Ståndpunkt
    expect(page.get_by_role("radio", name=re.compile("Ståndpunkt"))).to_be_checked()
    tab_to(page, "#write-submit")
    page.keyboard.press("Enter")
    expect(page.locator("#write-status")).to_contain_text("Tack! Ditt perspektiv är skickat.")

    tab_to(page, "#sent-link")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/w/{workshop['id']}/sent")
    expect(page.locator("#sent-list > li", has_text=text)).to_contain_text("Godkänd")
    rows = [p for p in live_server.perspectives(workshop["process_id"]) if p["text"] == text]
    assert len(rows) == 1
    assert rows[0]["kind"] == "standpoint"

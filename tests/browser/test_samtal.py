"""Lärande samtal in a real browser: phones reflect, the console follows, the line guides.

Specifications: a phone in the room follows the process into lärande samtal and answers a
round by keyboard alone; the facilitator's console shows the reflection and the updated
indicators without a reload; when the facilitator returns to inventering the phone switches
back to the write page by itself; logging the resistance line shows the intervention; every
samtal page passes axe-core and fits a 320 px phone.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    NARROW_PHONE,
    TABLET,
    axe_violations,
    describe_violations,
    join,
    screenshot,
    wait_online,
)

pytestmark = pytest.mark.browser

VOICES = [
    ("unga", "standpoint", "Vuxna pratar om oss men inte med oss."),
    ("polis", "standpoint", "Kontakt före kontroll är vårt sätt att arbeta med unga."),
    ("skola", "feeling", "Det är tungt när elever inte vill gå hem."),
]


def api(live_server: Any, method: str, path: str, body: Any = None,
        token: str | None = None) -> Any:
    status, answer = live_server.request(method, path, body, token=token or live_server.token)
    assert status < 300, (status, answer)
    return answer


@pytest.fixture
def scene(live_server: Any, request: pytest.FixtureRequest) -> dict[str, Any]:
    """A fresh process of its own (so phase moves touch no other test) with three voices."""
    process = api(live_server, "POST", "/api/v1/processes", {
        "title": f"Samtal i Varberg {request.node.name.count('_')}",
        "question": "Vad gör Varberg tryggt?",
        "stakeholder_groups": ["unga", "polis", "skola"]})
    workshop = api(live_server, "POST", f"/api/v1/processes/{process['id']}/workshops",
                   {"title": "Charrette"})
    ids = []
    for number, (group, kind, text) in enumerate(VOICES):
        joined = api(live_server, "POST", "/api/v1/join",
                     {"join_code": workshop["join_code"], "stakeholder_group": group}, token="")
        sent = api(live_server, "POST", f"/api/v1/workshops/{workshop['id']}/perspectives",
                   {"text": text, "kind": kind, "client_id": f"b-{number}"},
                   token=joined["participant_token"])
        ids.append(sent["id"])
    return {"process_id": process["id"], "workshop": workshop, "perspective_ids": ids}


def to_samtal(live_server: Any, scene: dict[str, Any]) -> int:
    api(live_server, "POST", f"/api/v1/processes/{scene['process_id']}/phases",
        {"kind": "larande_samtal"})
    built = api(live_server, "POST",
                f"/api/v1/processes/{scene['process_id']}/conversation-rounds",
                {"title": "Unga och polisen", "perspective_ids": scene["perspective_ids"][:2]})
    return int(built["id"])


def tab_to(page: Any, selector: str, limit: int = 60) -> None:
    for _ in range(limit):
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def fits(page: Any, width: int) -> None:
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"horizontal scroll: {scroll}px"


def no_axe_violations(page: Any) -> None:
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


def test_a_phone_reflects_by_keyboard_and_the_console_follows_live(
        live_server: Any, scene: dict[str, Any], new_page: Any, tablet: Any) -> None:
    phone = new_page(NARROW_PHONE, mobile=False)
    join(phone, scene["workshop"]["join_code"], "unga")
    round_id = to_samtal(live_server, scene)
    tablet.goto(f"/facilitator/processes/{scene['process_id']}/samtal")
    tablet.evaluate("window.__sameDocument = true")
    time.sleep(0.5)  # let the console join its room

    # The write page follows the room by itself: through /now to the samtal screen.
    phone.wait_for_url(f"**/w/{scene['workshop']['id']}/samtal")
    wait_online(phone)
    tab_to(phone, f"#r{round_id}-understood")
    phone.keyboard.type("Polisen vill också ha kontakt med oss.")
    tab_to(phone, 'input[name="view_change"]')
    phone.keyboard.press("ArrowDown")  # radio group: from "oförändrad" to "nyanserad"
    tab_to(phone, "form.reflection-form button[type=submit]")
    phone.keyboard.press("Enter")
    expect(phone.locator(f"#r{round_id}-status")).to_contain_text("Tack!")
    screenshot(phone, "phone-samtal-sent", full_page=True)

    article = tablet.locator(f"#round-{round_id}")
    expect(article.locator(".reflection")).to_contain_text("Polisen vill också ha kontakt")
    expect(article.locator('[data-ind="participants"]')).to_have_text("1")
    expect(article.locator('[data-ind="view_changes.nuanced"]')).to_have_text("1")
    assert tablet.evaluate("window.__sameDocument === true"), "the console reloaded"
    assert phone.js_errors == []
    assert tablet.js_errors == []


def test_a_phone_on_the_write_page_follows_the_room_into_lärande_samtal(
        live_server: Any, scene: dict[str, Any], phone: Any) -> None:
    join(phone, scene["workshop"]["join_code"], "unga")
    phone.locator("#text").fill("Ett utkast som inte får försvinna.")
    round_id = to_samtal(live_server, scene)
    phone.wait_for_url(f"**/w/{scene['workshop']['id']}/samtal")
    expect(phone.locator(f"#round-{round_id}")).to_contain_text("Unga och polisen")
    phone.goto(f"/w/{scene['workshop']['id']}")
    expect(phone.locator("#text")).to_have_value("Ett utkast som inte får försvinna.")


def test_a_phone_joining_during_lärande_samtal_lands_in_the_round(
        live_server: Any, scene: dict[str, Any], phone: Any) -> None:
    round_id = to_samtal(live_server, scene)
    phone.goto(f"/j/{scene['workshop']['join_code']}")
    phone.get_by_role("button", name="Gå med").click()
    phone.wait_for_url(f"**/w/{scene['workshop']['id']}/samtal")
    expect(phone.locator(f"#round-{round_id}")).to_be_visible()
    # A phone that opens the write page (a bookmark, the back button) is offered the round.
    phone.goto(f"/w/{scene['workshop']['id']}")
    offer = phone.locator("#phase-offer a")
    expect(offer).to_contain_text("Lärande samtal")
    offer.click()
    phone.wait_for_url(f"**/w/{scene['workshop']['id']}/samtal")
    expect(phone.locator(f"#round-{round_id}")).to_be_visible()


def test_returning_to_inventering_takes_the_phone_back_to_writing(
        live_server: Any, scene: dict[str, Any], phone: Any) -> None:
    join(phone, scene["workshop"]["join_code"], "polis")
    to_samtal(live_server, scene)
    phone.wait_for_url(f"**/w/{scene['workshop']['id']}/samtal")
    wait_online(phone)
    api(live_server, "POST", f"/api/v1/processes/{scene['process_id']}/phases",
        {"kind": "inventering"})
    phone.wait_for_url(f"**/w/{scene['workshop']['id']}")
    expect(phone.locator("#write-form")).to_be_visible()


def test_the_phone_waits_while_no_phase_is_open(
        live_server: Any, scene: dict[str, Any], phone: Any) -> None:
    join(phone, scene["workshop"]["join_code"], "skola")
    phases = api(live_server, "GET", f"/api/v1/processes/{scene['process_id']}/phases")
    api(live_server, "POST", f"/api/v1/phases/{phases['current']['id']}/close")
    phone.wait_for_url(f"**/w/{scene['workshop']['id']}/now")  # by itself, from the write page
    expect(phone.locator("#now-status")).to_contain_text("Ingen fas är öppen")
    api(live_server, "POST", f"/api/v1/processes/{scene['process_id']}/phases",
        {"kind": "larande_samtal"})
    phone.wait_for_url(f"**/w/{scene['workshop']['id']}/samtal")


def test_the_facilitator_builds_a_round_and_logs_the_line_by_keyboard(
        live_server: Any, scene: dict[str, Any], tablet: Any) -> None:
    api(live_server, "POST", f"/api/v1/processes/{scene['process_id']}/phases",
        {"kind": "larande_samtal"})
    tablet.goto(f"/facilitator/processes/{scene['process_id']}/samtal")
    tablet.locator("#suggestions form button").first.click()
    expect(tablet.locator("#rounds .samtal-round")).to_have_count(1)

    tab_to(tablet, 'input[name="level"]')
    for _ in range(3):  # jokes -> sarcasm -> "ja, men" -> gossip
        tablet.keyboard.press("ArrowDown")
    tablet.locator("#resistance-note").fill("Det pratas i pausen om att allt redan är bestämt.")
    tab_to(tablet, "#resistance-form button[type=submit]")
    tablet.keyboard.press("Enter")
    expect(tablet.locator("#intervention")).to_contain_text("Ta in skvallret i rummet")
    expect(tablet.locator("#resistance-rows")).to_contain_text("Skvaller")
    expect(tablet.locator("#resistance-svg")).to_be_visible()
    screenshot(tablet, "samtal-console", full_page=True)


def test_the_samtal_pages_pass_axe_and_fit_320_px(
        live_server: Any, scene: dict[str, Any], new_page: Any, facilitator_state: Any) -> None:
    round_id = to_samtal(live_server, scene)
    phone = new_page(NARROW_PHONE)
    join(phone, scene["workshop"]["join_code"], "unga")
    token = phone.evaluate("id => localStorage.getItem('dialog.token.' + id)",
                           scene["workshop"]["id"])
    api(live_server, "POST", f"/api/v1/conversation-rounds/{round_id}/reflections",
        {"client_id": "axe", "view_change": "changed", "keep": "Fråga unga först.",
         "moved_by": scene["perspective_ids"][1]}, token=token)
    api(live_server, "POST", f"/api/v1/processes/{scene['process_id']}/resistance-line",
        {"level": "yes_but", "note": "Ja, men-stämning."})
    api(live_server, "POST", f"/api/v1/processes/{scene['process_id']}/resistance-line",
        {"level": "polarisation", "note": "Vi mot dem."})

    phone.goto(f"/w/{scene['workshop']['id']}/samtal")
    wait_online(phone)
    no_axe_violations(phone)
    fits(phone, NARROW_PHONE["width"])
    screenshot(phone, "phone-samtal-320", full_page=True)

    for viewport in (TABLET, NARROW_PHONE):
        console = new_page(viewport, storage_state=facilitator_state)
        console.goto(f"/facilitator/processes/{scene['process_id']}/samtal")
        expect(console.locator(f"#round-{round_id} .reflection")).to_have_count(1)
        no_axe_violations(console)
        fits(console, viewport["width"])

    api(live_server, "POST", f"/api/v1/processes/{scene['process_id']}/phases",
        {"kind": "inventering"})
    phases = api(live_server, "GET", f"/api/v1/processes/{scene['process_id']}/phases")
    api(live_server, "POST", f"/api/v1/phases/{phases['current']['id']}/close")
    waiting = new_page(NARROW_PHONE)
    waiting.context.add_init_script(
        f"localStorage.setItem('dialog.token.{scene['workshop']['id']}', '{token}')")
    waiting.goto(f"/w/{scene['workshop']['id']}/now")
    expect(waiting.locator("#now-status")).to_contain_text("Ingen fas är öppen")
    no_axe_violations(waiting)
    fits(waiting, NARROW_PHONE["width"])

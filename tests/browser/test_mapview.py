"""The perspective map in a real browser: a phone reacts, the facilitator's map follows live.

Specifications: a phone reacts to perspectives with the keyboard alone and hears each one
saved; the facilitator's map shows opinion groups and updates without a reload when it does;
a facilitator draws a link with the form; the pages pass axe-core and fit a 320 px phone.
"""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    NARROW_PHONE,
    PROJECTOR,
    axe_violations,
    describe_violations,
    join,
    screenshot,
    wait_online,
)

pytestmark = pytest.mark.browser

#: Enough voters in two camps for the analysis to find opinion groups.
VOTERS = 16
WORDS = {"agree": "Håller med", "disagree": "Håller inte med", "pass": "Vet inte"}


def approved(live_server: Any) -> list[dict[str, Any]]:
    return [p for p in live_server.perspectives() if p["status"] == "approved"]


def vote(live_server: Any, token: str, perspective_id: int, answer: str) -> None:
    status, body = live_server.request("POST", f"/api/v1/perspectives/{perspective_id}/votes",
                                       {"vote": answer}, token=token)
    assert status in (200, 201), body


def seed_two_camps(live_server: Any, join_code: str) -> None:
    """Sixteen participants who agree with every other perspective and reject the rest."""
    perspectives = approved(live_server)
    for voter in range(VOTERS):
        status, body = live_server.request("POST", "/api/v1/join", {"join_code": join_code})
        assert status == 201, body
        for index, perspective in enumerate(perspectives):
            same_side = index % 2 == voter % 2 or index % 5 == 0
            vote(live_server, body["participant_token"], perspective["id"],
                 "agree" if same_side else "disagree")


def phone_token(phone: Any, workshop_id: int) -> str:
    return str(phone.evaluate("id => localStorage.getItem('dialog.token.' + id)", workshop_id))


def open_map(tablet: Any, process_id: int, *, projector: bool = False) -> None:
    suffix = "/map/projector" if projector else "/map"
    tablet.goto(f"/facilitator/processes/{process_id}{suffix}")
    wait_online(tablet)
    expect(tablet.locator("#map-page")).to_have_attribute("data-computed-at", re.compile(r"\d"))
    # Mark the document: if the page reloaded, the mark would be gone.
    tablet.evaluate("window.__sameDocument = true")


def tab_to(page: Any, selector: str, limit: int = 40) -> None:
    """Press Tab until the element matching ``selector`` has the focus."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def wait_for(check: Any, what: str, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"not in time: {what}")
        time.sleep(0.2)


def group_sizes(tablet: Any) -> int:
    sizes = tablet.locator("#opinion-groups .og-card__size").all_inner_texts()
    return sum(int(re.search(r"\d+", size).group()) for size in sizes)


def test_a_phone_reacts_by_keyboard_and_the_facilitators_map_follows(
    live_server: Any, phone: Any, tablet: Any, workshop: dict[str, Any],
) -> None:
    seed_two_camps(live_server, workshop["join_code"])
    process_id = live_server.demo["process_id"]
    workshop_id = join(phone, workshop["join_code"])
    # Four earlier reactions: three more put this phone into the conversation (seven votes).
    token = phone_token(phone, workshop_id)
    for perspective in approved(live_server)[-4:]:
        vote(live_server, token, perspective["id"], "pass")

    open_map(tablet, process_id)
    expect(tablet.locator("#opinion-groups .og-card")).not_to_have_count(0)
    expect(tablet.locator("#opinion-none")).to_be_hidden()
    before = group_sizes(tablet)
    computed = tablet.locator("#map-page").get_attribute("data-computed-at")
    screenshot(tablet, "map-facilitator", full_page=True)

    phone.goto(f"/w/{workshop_id}/react")
    wait_online(phone)
    text = phone.locator("#react-text")
    expect(text).not_to_be_empty()
    reacted: list[str] = []
    for button, key in (("agree", "Enter"), ("disagree", "Space"), ("pass", "Enter")):
        shown = text.inner_text()
        reacted.append(shown)
        tab_to(phone, f'button[data-vote="{button}"]')
        phone.keyboard.press(key)
        expect(text).not_to_have_text(shown)
        expect(text).to_be_focused()
        expect(phone.locator("#react-live")).to_have_text(
            f"Sparat: {WORDS[button]}. Nästa perspektiv visas.")
    screenshot(phone, "phone-react", full_page=True)

    # The map updated itself: a newer analysis, the phone now in an opinion group.
    expect(tablet.locator("#map-page")).not_to_have_attribute("data-computed-at", computed)
    wait_for(lambda: group_sizes(tablet) == before + 1, "the phone joined an opinion group")
    row = tablet.locator("#table-wrap tr", has_text=reacted[0])
    expect(row).to_contain_text("håller med")
    assert tablet.evaluate("window.__sameDocument") is True
    assert phone.js_errors == []
    assert tablet.js_errors == []


def test_a_phone_that_has_reacted_to_everything_is_told_so(
    live_server: Any, phone: Any, workshop: dict[str, Any],
) -> None:
    workshop_id = join(phone, workshop["join_code"])
    token = phone_token(phone, workshop_id)
    for perspective in approved(live_server)[1:]:
        vote(live_server, token, perspective["id"], "pass")
    phone.goto(f"/w/{workshop_id}/react")
    wait_online(phone)
    expect(phone.locator("#react-remaining")).to_have_text("Det här är det sista just nu")
    phone.get_by_role("button", name="Håller med").click()
    done = phone.get_by_role("heading", name="Du har reagerat på alla perspektiv just nu")
    expect(done).to_be_visible()
    expect(done).to_be_focused()
    phone.get_by_role("button", name="Titta efter nya perspektiv").click()
    expect(phone.locator("#react-live")).to_have_text("Inga nya perspektiv ännu.")
    phone.get_by_role("link", name="Skriv ett eget perspektiv").click()
    phone.wait_for_url(f"**/w/{workshop_id}")


def test_a_perspective_without_a_group_shows_no_null_on_the_phone(
    live_server: Any, phone: Any,
) -> None:
    """A perspective whose writer gave no group read "Idé null" on the react card: the
    card's meta line was built with a null child, which the DOM writes out as "null"."""
    room = live_server.inventering_workshop("Reagera utan grupp")
    status, body = live_server.request("POST", "/api/v1/join",
                                       {"join_code": room["join_code"]})
    assert status == 201, body
    status, body = live_server.request(
        "POST", f"/api/v1/workshops/{room['id']}/perspectives",
        {"text": "Fler vuxna ute på kvällarna.", "kind": "idea", "client_id": "utan-grupp"},
        token=body["participant_token"])
    assert status == 201, body
    workshop_id = join(phone, room["join_code"])
    phone.goto(f"/w/{workshop_id}/react")
    wait_online(phone)
    expect(phone.locator("#react-text")).to_have_text("Fler vuxna ute på kvällarna.")
    expect(phone.locator("#react-meta")).to_have_text("Idé")


def test_a_facilitator_draws_a_link_and_the_table_shows_it(
    live_server: Any, tablet: Any,
) -> None:
    first, second = approved(live_server)[:2]
    open_map(tablet, live_server.demo["process_id"])
    tablet.get_by_label("Från perspektiv").select_option(str(second["id"]))
    tablet.get_by_label("Hur hänger de ihop?").select_option("builds_on")
    tablet.get_by_label("Till perspektiv").select_option(str(first["id"]))
    tablet.get_by_role("button", name="Spara kopplingen").click()
    expect(tablet.locator("#link-status")).to_contain_text("Kopplingen är sparad.")
    row = tablet.locator(f"#row-p-{second['id']}")
    expect(row).to_contain_text(f"bygger vidare på #{first['id']}")
    expect(tablet.locator(f"#row-p-{first['id']}")).to_contain_text(
        f"bygger vidare på #{first['id']}")


def test_the_link_form_explains_a_missing_choice(live_server: Any, tablet: Any) -> None:
    open_map(tablet, live_server.demo["process_id"])
    tablet.get_by_role("button", name="Spara kopplingen").click()
    expect(tablet.locator("#link-status")).to_have_text("Välj både från och till.")
    expect(tablet.get_by_label("Från perspektiv")).to_be_focused()


def test_a_facilitator_pauses_the_live_map_and_resumes_it(
    live_server: Any, tablet: Any, workshop: dict[str, Any],
) -> None:
    open_map(tablet, live_server.demo["process_id"])
    computed = tablet.locator("#map-page").get_attribute("data-computed-at")
    pause = tablet.get_by_role("button", name="Pausa uppdateringen")
    pause.click()
    expect(pause).to_have_attribute("aria-pressed", "true")
    status, body = live_server.request("POST", "/api/v1/join", {"join_code": workshop["join_code"]})
    assert status == 201, body
    vote(live_server, body["participant_token"], approved(live_server)[0]["id"], "agree")
    expect(tablet.locator("#map-pending")).to_be_visible(timeout=15_000)
    assert tablet.locator("#map-page").get_attribute("data-computed-at") == computed
    pause.click()
    expect(pause).to_have_attribute("aria-pressed", "false")
    expect(tablet.locator("#map-pending")).to_be_hidden()
    expect(tablet.locator("#map-page")).not_to_have_attribute("data-computed-at", computed)


def test_the_react_page_passes_axe_and_fits_320_px(
    live_server: Any, new_page: Any, workshop: dict[str, Any],
) -> None:
    phone = new_page(NARROW_PHONE)
    workshop_id = join(phone, workshop["join_code"])
    phone.goto(f"/w/{workshop_id}/react")
    wait_online(phone)
    expect(phone.locator("#react-text")).not_to_be_empty()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW_PHONE["width"], f"horizontal scroll: {width}px"
    screenshot(phone, "phone-react-320", full_page=True)
    violations = axe_violations(phone)
    assert violations == [], describe_violations(violations)


@pytest.mark.parametrize("projector", [False, True], ids=["map", "projector"])
def test_the_map_pages_pass_axe(
    live_server: Any, new_page: Any, facilitator_state: Any, projector: bool,
) -> None:
    viewport = PROJECTOR if projector else {"width": 1280, "height": 900}
    page = new_page(viewport, storage_state=facilitator_state)
    open_map(page, live_server.demo["process_id"], projector=projector)
    screenshot(page, "map-projector" if projector else "map-page", full_page=not projector)
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)


@pytest.mark.parametrize("projector", [False, True], ids=["map", "projector"])
def test_the_theme_of_leftovers_is_named_in_the_readers_language(
    live_server: Any, new_page: Any, facilitator_state: Any, projector: bool,
) -> None:
    """An English console showed the theme of perspectives that fit no other as "övrigt":
    the analysis stores that label in Swedish, and the map printed it as it came."""
    page = new_page({"width": 1280, "height": 900}, storage_state=facilitator_state)
    page.goto("/?lang=en")
    open_map(page, live_server.demo["process_id"], projector=projector)
    assert "övrigt" not in page.locator("main").inner_text()
    # Whether the demo's map has leftovers now depends on what other tests added: the
    # page's own model, built from a map that has them, names them in English.
    label = page.evaluate("""async () => {
        const data = await import('/static/js/inventering/mapview-data.js');
        const strings = JSON.parse(document.getElementById('i18n').textContent);
        const map = {themes: [{id: 0, label: 'övrigt', other: true, name: null}]};
        return data.buildModel(map, strings.other_theme).themes[0].label;
    }""")
    assert label == "Other"

"""The samtal console moderates reflections from a tablet in a noisy room (issue 12.6).

Specifications: on a 1024 x 768 tablet the facilitator approves a reflection held back for
a phone number ("Godkänn ändå") and hides another with one tap on a common reason; the page
does not reload, a second console follows live, and the writer's English phone reads why in
English. The same by keyboard alone, where the focus stays on the card it acted on; at 320 px
the open hide panel fits without a horizontal scroll. Zero axe violations (WCAG 2.1 A, AA).
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import NARROW_PHONE, TABLET, screenshot, wait_online
from tests.browser.test_samtal import api, fits, no_axe_violations, tab_to, to_samtal

pytestmark = pytest.mark.browser

OFF_TOPIC_SV = "Det du skrev handlar inte om frågan vi pratar om."
OFF_TOPIC_EN = "What you wrote is not about the question we are talking about."
PHONE_NUMBER = "Ring mig på 070-123 45 67 så berättar jag mer."


def samtal_room(live_server: Any, title: str) -> dict[str, Any]:
    """A process in lärande samtal with one open round and two reflections: one held back
    for a phone number, one approved; its writer's token for the phone."""
    process = api(live_server, "POST", "/api/v1/processes", {
        "title": title, "question": "Vad gör Varberg tryggt?",
        "stakeholder_groups": ["unga", "polis"]})
    workshop = api(live_server, "POST", f"/api/v1/processes/{process['id']}/workshops",
                   {"title": "Samtal"})
    token = api(live_server, "POST", "/api/v1/join", {
        "join_code": workshop["join_code"], "stakeholder_group": "unga"}, token="")[
        "participant_token"]
    ids = [api(live_server, "POST", f"/api/v1/workshops/{workshop['id']}/perspectives",
               {"text": text, "kind": "standpoint", "client_id": f"m-{n}"}, token=token)["id"]
           for n, text in enumerate(["Vuxna pratar om oss.", "Kontakt före kontroll."])]
    round_id = to_samtal(live_server, {"process_id": process["id"], "perspective_ids": ids})
    sent = [api(live_server, "POST", f"/api/v1/conversation-rounds/{round_id}/reflections",
                {"client_id": f"m-r{n}", "view_change": "nuanced", "understood": text},
                token=token)
            for n, text in enumerate([PHONE_NUMBER, "Vi borde prata om fotboll i stället."])]
    assert [s["status"] for s in sent] == ["pending", "approved"]
    return {"process_id": process["id"], "workshop": workshop, "token": token,
            "round_id": round_id, "flagged": sent[0]["id"], "other": sent[1]["id"]}


def samtal_console(new_page: Any, facilitator_state: Any, room: dict[str, Any],
                   viewport: dict[str, int] = TABLET) -> Any:
    page = new_page(viewport, storage_state=facilitator_state, mobile=viewport is NARROW_PHONE)
    page.goto(f"/facilitator/processes/{room['process_id']}/samtal")
    page.locator('#samtal-console[data-watching="true"]').wait_for()
    page.evaluate("window.__sameDocument = true")
    return page


def writers_phone(new_page: Any, room: dict[str, Any], locale: str) -> Any:
    phone = new_page(NARROW_PHONE, locale=locale)
    phone.context.add_init_script(
        f"localStorage.setItem('dialog.token.{room['workshop']['id']}', '{room['token']}')")
    phone.goto(f"/w/{room['workshop']['id']}/samtal")
    wait_online(phone)
    return phone


def reflection(page: Any, reflection_id: int) -> Any:
    return page.locator(f"#reflection-{reflection_id}")


def test_a_tablet_approves_a_flagged_reflection_and_hides_another_with_one_tap(
        live_server: Any, new_page: Any, facilitator_state: Any) -> None:
    room = samtal_room(live_server, "Moderera reflektioner")
    phone = writers_phone(new_page, room, "en-GB")
    tablet = samtal_console(new_page, facilitator_state, room)
    other_console = samtal_console(new_page, facilitator_state, room)

    flagged = reflection(tablet, room["flagged"])
    expect(flagged.locator(".status")).to_have_text("Väntar på granskning")
    expect(flagged.locator(".pd-warning")).to_contain_text("telefonnummer")
    no_axe_violations(tablet)
    screenshot(tablet, "samtal-reflection-flagged-tablet")
    flagged.get_by_role("button", name="Godkänn ändå").click()
    expect(flagged.locator(".status")).to_have_text("Godkänd")
    expect(flagged.get_by_role("button", name="Godkänn ändå")).to_have_count(0)

    other = reflection(tablet, room["other"])
    other.locator('button[data-action="hide"]').click()
    expect(other.locator(".hide-panel")).to_be_visible()
    no_axe_violations(tablet)
    screenshot(tablet, "samtal-reflection-hide-reasons-tablet")
    other.locator('.hide-reason[data-reason="off_topic"]').click()
    expect(other.locator(".status")).to_have_text("Dold")
    expect(other).to_contain_text(f"Dold. Skäl: {OFF_TOPIC_SV}")
    expect(other).to_contain_text("Vi borde prata om fotboll")  # hidden, never deleted
    expect(other.get_by_role("button", name="Visa igen")).to_be_visible()
    expect(tablet.locator("#moderation-status")).to_contain_text("Dold")

    # The other console follows without a reload, the reason with it.
    expect(reflection(other_console, room["flagged"]).locator(".status")).to_have_text(
        "Godkänd")
    expect(reflection(other_console, room["other"])).to_contain_text(
        f"Dold. Skäl: {OFF_TOPIC_SV}")
    # The writer's English phone reads why, in English.
    hidden_list = phone.locator("#my-hidden")
    expect(hidden_list).to_contain_text(
        f"The facilitator hid your reflection. Reason: {OFF_TOPIC_EN}")
    no_axe_violations(phone)

    # After a reload the console draws the same from the server.
    for page in (tablet, other_console):
        assert page.evaluate("window.__sameDocument === true"), "the console reloaded"
    tablet.reload()
    expect(reflection(tablet, room["other"])).to_contain_text(f"Dold. Skäl: {OFF_TOPIC_SV}")
    expect(reflection(tablet, room["flagged"]).locator(".status")).to_have_text("Godkänd")
    no_axe_violations(tablet)
    for page in (tablet, other_console, phone):
        assert page.js_errors == []


def test_the_console_moderates_by_keyboard_alone(
        live_server: Any, new_page: Any, facilitator_state: Any) -> None:
    room = samtal_room(live_server, "Moderera med tangentbordet")
    phone = writers_phone(new_page, room, "sv-SE")
    tablet = samtal_console(new_page, facilitator_state, room)
    flagged = f"#reflection-{room['flagged']}"

    tab_to(tablet, f'{flagged} button[data-action="approve"]', limit=120)
    tablet.keyboard.press("Enter")
    expect(tablet.locator(f"{flagged} .status")).to_have_text("Godkänd")
    # The focus stays on the card it acted on: now its "Dölj".
    expect(tablet.locator(f'{flagged} button[data-action="hide"]')).to_be_focused()
    tablet.keyboard.press("Enter")
    expect(tablet.locator(f'{flagged} .hide-reason[data-reason="personal_data"]')).to_be_focused()
    tablet.keyboard.press("Escape")  # closes the panel, back on "Dölj"
    expect(tablet.locator(f"{flagged} .hide-panel")).to_be_hidden()
    expect(tablet.locator(f'{flagged} button[data-action="hide"]')).to_be_focused()
    tablet.keyboard.press("Enter")
    tab_to(tablet, f'{flagged} .hide-reason[data-reason="off_topic"]')
    tablet.keyboard.press("Enter")
    expect(tablet.locator(f"{flagged} .status")).to_have_text("Dold")
    expect(tablet.locator(f'{flagged} button[data-action="approve"]')).to_be_focused()
    expect(phone.locator("#my-hidden")).to_contain_text(OFF_TOPIC_SV)

    # "Visa igen": shown again, by Enter; the phone says so and lists no hidden one.
    tablet.keyboard.press("Enter")
    expect(tablet.locator(f"{flagged} .status")).to_have_text("Godkänd")
    expect(phone.locator("#my-hidden-status")).to_contain_text("godkände din reflektion")
    expect(phone.locator("#my-hidden-list li")).to_have_count(0)
    no_axe_violations(tablet)
    assert tablet.js_errors == []


def test_at_320_px_the_open_hide_panel_fits_and_passes_axe(
        live_server: Any, new_page: Any, facilitator_state: Any) -> None:
    room = samtal_room(live_server, "Moderera på 320 px")
    narrow = samtal_console(new_page, facilitator_state, room, NARROW_PHONE)
    card = reflection(narrow, room["flagged"])
    expect(card.get_by_role("button", name="Godkänn ändå")).to_be_visible()
    card.locator('button[data-action="hide"]').click()
    expect(card.locator(".hide-panel")).to_be_visible()
    time.sleep(0.2)
    fits(narrow, NARROW_PHONE["width"])
    no_axe_violations(narrow)
    screenshot(narrow, "samtal-reflection-hide-320", full_page=True)
    # Own words without words: asked for, nothing hidden.
    card.locator(".hide-panel__other button[type=submit]").click()
    expect(card.locator(".hide-panel .hide-panel__error")).to_be_visible()
    expect(card.locator(".status")).to_have_text("Väntar på granskning")
    card.get_by_label("Annat skäl (med egna ord)").fill("Vi tar det efter pausen.")
    card.locator(".hide-panel__other button[type=submit]").click()
    expect(card).to_contain_text("Dold. Skäl: Vi tar det efter pausen.")
    fits(narrow, NARROW_PHONE["width"])
    no_axe_violations(narrow)
    assert narrow.js_errors == []

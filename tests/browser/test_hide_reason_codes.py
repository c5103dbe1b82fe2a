"""A Swedish console hides, an English phone reads why in English (issue 12, point 6).

The facilitator taps a common reason on a Swedish tablet; the author's phone reads English.
The reason travels with its stable code, so the phone says it in English, live and after a
reload; the facilitator's own words would be shown as written. The same for a fishing
answer the facilitator hides from the konkretisering console, and for a reflection, which the
samtal phone now lists when it was hidden. Zero axe violations (WCAG 2.1 A and AA) on the
phones and the console.
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
    wait_online,
)
from tests.browser.test_hide_reason import console, room
from tests.browser.test_samtal import api, to_samtal

pytestmark = pytest.mark.browser

PERSONAL_DATA_EN = ("What you wrote could show who someone is, like a name or a phone "
                    "number.")
PERSONAL_DATA_SV = ("Det du skrev kan visa vem någon är, till exempel ett namn eller ett "
                    "telefonnummer.")
OFF_TOPIC_EN = "What you wrote is not about the question we are talking about."


def assert_accessible(page: Any) -> None:
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


def english_phone(new_page: Any, workshop: dict[str, Any], token: str, path: str) -> Any:
    phone = new_page(NARROW_PHONE, locale="en-GB")
    phone.context.add_init_script(
        f"localStorage.setItem('dialog.token.{workshop['id']}', '{token}')")
    phone.goto(f"/w/{workshop['id']}/{path}")
    wait_online(phone)
    assert phone.locator("html").get_attribute("lang") == "en"
    return phone


def test_an_english_phone_reads_a_swedish_consoles_common_reason_in_english(
        live_server: Any, new_page: Any, facilitator_state: Any) -> None:
    workshop, token, (perspective,) = room(live_server, "Skälets språk", [
        "Ring Kalle på 070-123 45 67 om fotbollsplanen."])
    phone = english_phone(new_page, workshop, token, "sent")
    expect(phone.locator("#sent-list")).to_contain_text("Ring Kalle")
    tablet = console(new_page, facilitator_state, workshop, TABLET)
    card = tablet.locator(f'#feed > li[data-id="{perspective}"]')
    card.locator('button[data-action="hide"]').click()
    card.locator('.hide-reason[data-reason="personal_data"]').click()
    expect(card.locator(".status")).to_contain_text("Dold")

    # Live: English on the phone, though the console spoke Swedish.
    mine = phone.locator("#sent-list")
    expect(mine).to_contain_text(
        f"The facilitator hid your perspective. Reason: {PERSONAL_DATA_EN}")
    expect(phone.locator("#sent-status")).to_contain_text(PERSONAL_DATA_EN)
    assert "Det du skrev" not in phone.locator("main").inner_text()
    assert_accessible(phone)
    # After a reload, still English.
    phone.reload()
    wait_online(phone)
    expect(mine).to_contain_text(f"Reason: {PERSONAL_DATA_EN}")
    assert_accessible(phone)
    screenshot(phone, "hidden-perspective-en-320", full_page=True)

    # The moderation log keeps what the console stored: Swedish words and the code.
    status, log = live_server.request(
        "GET", f"/api/v1/processes/{workshop['process_id']}/moderation-log",
        token=live_server.token)
    assert status == 200, log
    assert [(e["action"], e["reason"], e["reason_code"]) for e in log["events"]] == [
        ("hide", PERSONAL_DATA_SV, "personal_data")]
    assert not tablet.js_errors
    assert not phone.js_errors


def test_a_hidden_fishing_answer_tells_its_english_author_why(
        live_server: Any, new_page: Any, facilitator_state: Any) -> None:
    workshop = live_server.new_workshop("Fiskesvar med skäl")  # the demo is in konkretisering
    pid = live_server.demo["process_id"]
    status, joined = live_server.request("POST", "/api/v1/join", {
        "join_code": workshop["join_code"], "stakeholder_group": "unga"})
    assert status == 201, joined
    status, prompt = live_server.request("POST", f"/api/v1/processes/{pid}/fishing",
                                         {"question": "Vad har ingen sagt om bussen?"},
                                         token=live_server.token)
    assert status == 201, prompt
    phone = english_phone(new_page, workshop, joined["participant_token"], "konkret")
    fish = phone.locator(f"#card-fish-{prompt['id']}")
    fish.get_by_label("Your answer").fill("Bussen till Himle går för sällan.")
    fish.get_by_role("button", name="Send").click()
    expect(fish).to_contain_text("Bussen till Himle går för sällan.")

    tablet = new_page(TABLET, storage_state=facilitator_state)
    tablet.goto(f"/facilitator/processes/{pid}/konkret#fishing")
    answer = tablet.locator(f'[data-fishing-answers="{prompt["id"]}"] li',
                            has_text="Bussen till Himle")
    answer.locator("summary").click()
    expect(answer.locator('button[value="off_topic"]')).to_be_visible()
    assert_accessible(tablet)
    answer.scroll_into_view_if_needed()
    screenshot(tablet, "fishing-hide-reasons-tablet")
    answer.locator('button[value="off_topic"]').click()
    tablet.wait_for_url("**/konkret#fishing")
    expect(tablet.locator(f'[data-fishing-answers="{prompt["id"]}"] li',
                          has_text="Bussen till Himle")).to_contain_text("Dolt:")

    # Live on the author's phone, in English, and again after a reload.
    expect(fish).to_contain_text(f"The facilitator hid this answer. Reason: {OFF_TOPIC_EN}")
    assert_accessible(phone)
    phone.reload()
    wait_online(phone)
    expect(phone.locator(f"#card-fish-{prompt['id']} .my-answer__note")).to_have_text(
        f"The facilitator hid this answer. Reason: {OFF_TOPIC_EN}")
    screenshot(phone, "fishing-hidden-answer-en-320", full_page=True)
    assert not phone.js_errors
    assert not tablet.js_errors


DUPLICATE_EN = "The same thing is already on the wall."


def test_a_hidden_reflection_tells_its_english_writer_why(
        live_server: Any, new_page: Any) -> None:
    """The samtal phone lists no reflections (it sends and empties the form), so a hidden one
    gets a place of its own: "Reflections the facilitator hid", with the reason."""
    process = api(live_server, "POST", "/api/v1/processes", {
        "title": "Dolda reflektioner", "question": "Vad gör Varberg tryggt?",
        "stakeholder_groups": ["unga", "polis"]})
    workshop = api(live_server, "POST", f"/api/v1/processes/{process['id']}/workshops",
                   {"title": "Samtal"})
    joined = api(live_server, "POST", "/api/v1/join", {"join_code": workshop["join_code"],
                                                       "stakeholder_group": "unga"}, token="")
    token = joined["participant_token"]
    ids = [api(live_server, "POST", f"/api/v1/workshops/{workshop['id']}/perspectives",
               {"text": text, "kind": "standpoint", "client_id": f"hr-{n}"}, token=token)["id"]
           for n, text in enumerate(["Vuxna pratar om oss.", "Kontakt före kontroll."])]
    round_id = to_samtal(live_server, {"process_id": process["id"], "perspective_ids": ids})
    reflection = api(live_server, "POST", f"/api/v1/conversation-rounds/{round_id}/reflections",
                     {"client_id": "hr-r", "view_change": "nuanced",
                      "understood": "Polisen vill också prata."}, token=token)

    phone = english_phone(new_page, workshop, token, "samtal")
    hidden_list = phone.locator("#my-hidden")
    expect(hidden_list).to_be_hidden()
    api(live_server, "POST", f"/api/v1/reflections/{reflection['id']}/moderation",
        {"action": "hide", "reason_code": "duplicate"})

    expect(hidden_list).to_be_visible()
    expect(hidden_list).to_contain_text(
        f"The facilitator hid your reflection. Reason: {DUPLICATE_EN}")
    expect(hidden_list).to_contain_text("Polisen vill också prata.")
    assert_accessible(phone)
    phone.reload()
    wait_online(phone)
    expect(hidden_list.locator("li")).to_have_count(1)
    expect(hidden_list.locator("li")).to_contain_text(f"Reason: {DUPLICATE_EN}")
    screenshot(phone, "samtal-hidden-reflection-en-320", full_page=True)
    assert not phone.js_errors

"""When the workshop has ended, the phone stops sending and gives the writer their words.

A perspective the server refuses with ``workshop_closed`` leaves the outbox (it is no
longer sent every 15 seconds) and is kept on the phone, under "Workshoppen har avslutats",
with its text to copy, until the writer removes it. Every refusal code falls in one class
of the outbox's table (``refusal`` in static/js/outbox.js).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE_SCREEN, join, screenshot, wait_online

pytestmark = pytest.mark.browser


def stored(page: Any, key: str) -> list[dict[str, Any]]:
    raw = page.evaluate("key => localStorage.getItem(key)", key)
    return json.loads(raw) if raw else []


def set_state(live_server: Any, workshop: dict[str, Any], state: str) -> None:
    status, body = live_server.request("PATCH", f"/api/v1/workshops/{workshop['id']}",
                                       {"state": state}, token=live_server.token)
    assert status == 200, body


def write(page: Any, text: str) -> None:
    page.get_by_label("Ditt perspektiv").fill(text)
    page.get_by_role("radio", name=re.compile("Idé")).check()
    page.get_by_role("button", name="Skicka").click()


def test_written_in_a_pause_and_the_workshop_ends_the_phone_gives_the_words_back_to_copy(
    live_server: Any, phone: Any, workshop: dict[str, Any],
) -> None:
    workshop_id = join(phone, workshop["join_code"])
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"])
    text = "Skrivet i pausen som aldrig tog slut: fler vuxna vid busshållplatsen."
    set_state(live_server, workshop, "paused")
    write(phone, text)
    expect(phone.locator("#write-status")).to_contain_text("sparas på telefonen")
    assert [item["text"] for item in stored(phone, f"dialog.outbox.{workshop_id}")] == [text]

    # The facilitator closes instead of resuming: the phone hears it at once.
    set_state(live_server, workshop, "closed")
    panel = phone.locator("#undelivered")
    expect(panel).to_be_visible()
    expect(panel.get_by_role("heading", name="Workshoppen har avslutats")).to_be_visible()
    expect(panel).to_contain_text("Det här kom inte fram till workshoppen")
    box = panel.get_by_role("textbox", name="Din text som inte kom fram")
    expect(box).to_have_value(text)
    expect(phone.locator("#state-banner")).to_contain_text("Workshoppen är stängd")
    # Out of the outbox, so nothing is sent again every 15 seconds; kept on the shelf.
    assert stored(phone, f"dialog.outbox.{workshop_id}") == []
    assert [item["text"] for item in stored(phone, f"dialog.undelivered.{workshop_id}")] == [text]
    expect(phone.locator("#outbox-count")).to_be_hidden()
    assert [p for p in live_server.perspectives() if p["text"] == text] == []

    panel.get_by_role("button", name="Kopiera texten").click()
    expect(panel).to_contain_text("Texten är kopierad.")
    assert phone.evaluate("navigator.clipboard.readText()") == text
    screenshot(phone, "phone-workshop-ended", full_page=True)

    # Still there after a reload, on the sent page too, until the writer removes it.
    phone.goto(f"/w/{workshop_id}/sent")
    wait_online(phone)
    expect(phone.locator("#undelivered textarea")).to_have_value(text)
    phone.get_by_role("button", name="Ta bort från telefonen").click()
    expect(phone.locator("#undelivered")).to_be_hidden()
    assert stored(phone, f"dialog.undelivered.{workshop_id}") == []
    assert phone.js_errors == []


def test_an_outbox_that_waited_offline_for_a_closed_workshop_is_shown_in_english(
    live_server: Any, new_page: Any, workshop: dict[str, Any],
) -> None:
    phone = new_page(locale="en-GB")
    phone.goto(f"/j/{workshop['join_code']}")
    phone.locator("form button[type=submit]").first.click()
    phone.wait_for_url(PHONE_SCREEN)  # the demo's meetings are in konkretisering: go write
    workshop_id = workshop["id"]
    phone.goto(f"/w/{workshop_id}")
    wait_online(phone)
    text = "Written on the bus with no signal: more light by the underpass."
    phone.evaluate("([key, value]) => localStorage.setItem(key, value)", [
        f"dialog.outbox.{workshop_id}",
        json.dumps([{"client_id": "5b0c7f3e-1d2a-4c3b-8e4f-6a7b8c9d0e1f", "text": text,
                     "kind": "idea", "stakeholder_group": ""}])])
    set_state(live_server, workshop, "closed")

    phone.reload()
    wait_online(phone)
    panel = phone.locator("#undelivered")
    expect(panel.get_by_role("heading", name="The workshop has ended")).to_be_visible()
    expect(panel).to_contain_text("This did not reach the workshop")
    expect(panel.get_by_role("textbox", name="Your text that did not arrive")).to_have_value(text)
    expect(panel.get_by_role("button", name="Remove from this phone")).to_be_visible()
    phone.wait_for_function("key => !localStorage.getItem(key)",
                            arg=f"dialog.outbox.{workshop_id}")
    assert [p for p in live_server.perspectives() if p["text"] == text] == []


#: Every code ``perspective:submit`` can refuse with, and what the outbox does with it.
REFUSALS = {
    "text_required": "fix", "text_too_long": "fix", "unknown_kind": "fix",
    "unknown_stakeholder_group": "fix", "client_id_required": "fix",
    "client_id_too_long": "fix", "invalid_json": "fix", "payload_too_large": "fix",
    "field_required": "fix", "token_not_for_this_process": "fix", "workshop_not_found": "fix",
    "workshop_closed": "ended",
    "workshop_paused": "wait",
    "participant_throttled": "later",
    "participant_blocked": "retry", "internal_error": "retry", "unknown_event": "retry",
    "a_code_from_a_newer_server": "retry",
}


def test_every_refusal_has_one_class_in_the_outbox(
    live_server: Any, phone: Any, workshop: dict[str, Any],
) -> None:
    known = set()
    for path in [*Path("dialog/translations/sv").glob("*.json"),
                 *Path("phases").glob("*/translations/sv.json")]:
        known |= set(json.loads(path.read_text(encoding="utf-8")).get("errors", {}))
    assert set(REFUSALS) - known == {"a_code_from_a_newer_server"}  # real codes, all of them
    join(phone, workshop["join_code"])
    classes = phone.evaluate("""async codes => {
        const { refusal } = await import("/static/js/outbox.js");
        return Object.fromEntries(codes.map((code) => [code, refusal(code)]));
    }""", list(REFUSALS))
    assert classes == REFUSALS
    # A page that treats every other refusal as final (the reactions) still waits out a
    # pause and still moves an ended workshop's item aside rather than dropping it unseen.
    final = phone.evaluate("""async codes => {
        const { refusal } = await import("/static/js/outbox.js");
        return codes.map((code) => refusal(code, () => true));
    }""", ["workshop_paused", "workshop_closed", "vote_closed"])
    assert final == ["wait", "ended", "fix"]


def test_a_fishing_answer_waits_through_a_pause_and_comes_back_when_the_workshop_ends(
    live_server: Any, phone: Any, workshop: dict[str, Any],
) -> None:
    """Konkretisering in the room follows the meeting (docs/architecture.md)."""
    pid = live_server.demo["process_id"]
    workshop_id = join(phone, workshop["join_code"])
    status, prompt = live_server.request("POST", f"/api/v1/processes/{pid}/fishing", {},
                                         token=live_server.token)
    assert status == 201, prompt
    try:
        phone.goto(f"/w/{workshop_id}/konkret")
        wait_online(phone)
        fish = phone.locator("#fishing-section")
        box = fish.get_by_label("Ditt svar")
        key = f"dialog.outbox.konkret.{workshop_id}"

        set_state(live_server, workshop, "paused")
        box.fill("Skrivet i pausen: ingen pratar om vägen hem.")
        fish.get_by_role("button", name="Skicka").click()
        expect(fish).to_contain_text("Workshoppen är pausad just nu.")
        assert len(stored(phone, key)) == 1
        set_state(live_server, workshop, "open")
        expect(fish).to_contain_text("Tack! Det är sparat.")
        phone.wait_for_function("key => !localStorage.getItem(key)", arg=key)

        set_state(live_server, workshop, "paused")
        text = "Skrivet när det tog slut: vem lyssnar på de som inte kom hit?"
        box.fill(text)
        fish.get_by_role("button", name="Skicka").click()
        expect(fish).to_contain_text("Workshoppen är pausad just nu.")
        set_state(live_server, workshop, "closed")
        # The meeting is over: the question leaves the page, the words stay on it, to copy.
        expect(phone.locator("#meeting-closed")).to_contain_text("Mötet är avslutat.")
        expect(fish).to_be_hidden()
        expect(phone.locator("#not-sent")).to_contain_text(text)
        assert stored(phone, key) == []
        status, found = live_server.request("GET", f"/api/v1/processes/{pid}/fishing",
                                            token=live_server.token)
        answers = [a["text"] for p in found["fishing_prompts"] if p["id"] == prompt["id"]
                   for a in p["answers"]]
        assert answers == ["Skrivet i pausen: ingen pratar om vägen hem."]
        assert phone.js_errors == []
    finally:
        live_server.request("POST", f"/api/v1/fishing/{prompt['id']}/close", {},
                            token=live_server.token)


def test_a_reflection_in_the_room_waits_through_a_pause_and_stays_in_the_form_at_the_end(
    live_server: Any, phone: Any,
) -> None:
    """A lärande samtal round without a deadline follows the meeting, too."""
    token = live_server.token
    _, process = live_server.request("POST", "/api/v1/processes", {
        "title": "Samtal som slutar", "question": "Vad gör Varberg tryggt?",
        "stakeholder_groups": ["unga", "polis"]}, token=token)
    _, room = live_server.request("POST", f"/api/v1/processes/{process['id']}/workshops",
                                  {"title": "Charrette"}, token=token)
    ids = []
    for number, text in enumerate(["Vuxna pratar om oss men inte med oss.",
                                   "Kontakt före kontroll är vårt sätt att arbeta."]):
        _, joined = live_server.request("POST", "/api/v1/join", {"join_code": room["join_code"]})
        _, sent = live_server.request(
            "POST", f"/api/v1/workshops/{room['id']}/perspectives",
            {"text": text, "kind": "standpoint", "client_id": f"s-{number}"},
            token=joined["participant_token"])
        ids.append(sent["id"])
    workshop_id = join(phone, room["join_code"])
    live_server.request("POST", f"/api/v1/processes/{process['id']}/phases",
                        {"kind": "larande_samtal"}, token=token)
    _, built = live_server.request(
        "POST", f"/api/v1/processes/{process['id']}/conversation-rounds",
        {"title": "Unga och polisen", "perspective_ids": ids}, token=token)
    phone.wait_for_url(f"**/w/{workshop_id}/samtal")
    wait_online(phone)
    round_id, key = built["id"], f"dialog.outbox.samtal.{workshop_id}"
    status = phone.locator(f"#r{round_id}-status")
    understood = phone.locator(f"#r{round_id}-understood")

    set_state(live_server, room, "paused")
    understood.fill("Polisen vill också ha kontakt med oss.")
    phone.locator(f'form[data-round-id="{round_id}"] input[name="view_change"]').first.check()
    phone.locator(f'form[data-round-id="{round_id}"] button[type=submit]').click()
    expect(status).to_contain_text("Workshoppen är pausad just nu.")
    assert len(stored(phone, key)) == 1

    set_state(live_server, room, "closed")
    expect(status).to_contain_text("Workshoppen har avslutats, så svaret kom inte fram.")
    expect(understood).to_have_value("Polisen vill också ha kontakt med oss.")
    assert stored(phone, key) == []
    assert phone.js_errors == []

"""Nothing written on a phone is lost, and nothing is stored twice.

Every perspective goes into a localStorage outbox before it is sent, stays there until the
server acknowledges it, and the whole outbox is sent again on every (re)connect; the
server recognises a client_id it has already stored.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import join, screenshot, wait_online

pytestmark = pytest.mark.browser


def rows_with(live_server: Any, text: str) -> list[dict[str, Any]]:
    return [p for p in live_server.perspectives() if p["text"] == text]


def outbox(page: Any, workshop_id: int) -> list[dict[str, Any]]:
    raw = page.evaluate("key => localStorage.getItem(key)", f"dialog.outbox.{workshop_id}")
    return json.loads(raw) if raw else []


def cut_the_connection(page: Any) -> None:
    """Refuse every Socket.IO transport of this page, as a dead mobile network would."""
    transport = re.compile(r"/socket\.io/\?")  # not the /static/vendor/socket.io/ script
    page.route_web_socket(transport, lambda ws: ws.close())
    page.route(transport, lambda route: route.abort())


def test_written_offline_it_waits_and_is_sent_once_after_a_reload(
    live_server: Any, phone: Any, new_page: Any, workshop: dict[str, Any],
) -> None:
    workshop_id = join(phone, workshop["join_code"], group="unga")
    text = "Skrivet i källaren utan täckning: fler vuxna i parken på kvällen."

    # A page whose network is dead: the perspective goes into the outbox and waits.
    offline = phone.context.new_page()
    cut_the_connection(offline)
    offline.goto(f"/w/{workshop_id}")
    # A network that neither answers nor fails shows as offline after a few seconds.
    expect(offline.locator("#connection")).to_have_attribute("data-state", "offline",
                                                              timeout=10_000)
    expect(offline.locator("#connection")).to_contain_text("Ingen anslutning just nu.")
    phone.close()
    offline.get_by_label("Ditt perspektiv").fill(text)
    offline.get_by_role("radio", name=re.compile("Idé")).check()
    offline.get_by_role("button", name="Skicka").click()
    expect(offline.locator("#write-status")).to_contain_text("Sparat på telefonen")
    expect(offline.locator("#outbox-count")).to_have_text("1 väntar på att skickas")
    assert [item["text"] for item in outbox(offline, workshop_id)] == [text]
    assert rows_with(live_server, text) == []
    screenshot(offline, "phone-offline", full_page=True)
    offline.close()

    # Back in coverage: the page loads, connects and empties the outbox, exactly once.
    online = phone.context.new_page()
    online.goto(f"/w/{workshop_id}")
    wait_online(online)
    expect(online.locator("#outbox-count")).to_be_hidden()
    online.wait_for_function(
        "key => !localStorage.getItem(key)", arg=f"dialog.outbox.{workshop_id}")
    rows = rows_with(live_server, text)
    assert len(rows) == 1
    assert rows[0]["stakeholder_group"] == "unga"
    assert rows[0]["kind"] == "idea"

    online.reload()
    wait_online(online)
    online.get_by_role("link", name="Se det du har skickat").click()
    expect(online.locator("#sent-list > li", has_text=text)).to_have_count(1)
    assert len(rows_with(live_server, text)) == 1


def test_a_lost_acknowledgement_is_resent_after_reload_without_a_duplicate(
    live_server: Any, phone: Any, workshop: dict[str, Any],
) -> None:
    workshop_id = join(phone, workshop["join_code"])
    token = phone.evaluate("key => localStorage.getItem(key)", f"dialog.token.{workshop_id}")
    arrived = "Den här kom fram, men kvittot försvann på vägen."
    never_sent = "Den här hann aldrig iväg innan batteriet tog slut."
    client_id = "0b7f6a1e-5c1d-4a57-9d0e-3f2b1a4c5d6e"

    # The server already has the first one (its acknowledgement was lost) ...
    status, body = live_server.request(
        "POST", f"/api/v1/workshops/{workshop_id}/perspectives",
        {"text": arrived, "kind": "thought", "client_id": client_id}, token=token)
    assert status == 201, body
    # ... yet both are still in the phone's outbox when the page is opened again.
    items = [
        {"client_id": client_id, "text": arrived, "kind": "thought", "stakeholder_group": ""},
        {"client_id": "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "text": never_sent,
         "kind": "feeling", "stakeholder_group": ""},
    ]
    phone.evaluate("([key, value]) => localStorage.setItem(key, value)",
                   [f"dialog.outbox.{workshop_id}", json.dumps(items)])

    phone.reload()
    wait_online(phone)
    phone.wait_for_function("key => !localStorage.getItem(key)",
                            arg=f"dialog.outbox.{workshop_id}")
    assert len(rows_with(live_server, arrived)) == 1
    assert len(rows_with(live_server, never_sent)) == 1

    phone.reload()
    wait_online(phone)
    phone.goto(f"/w/{workshop_id}/sent")
    expect(phone.locator("#sent-list > li")).to_have_count(2)
    assert len(rows_with(live_server, arrived)) == 1
    assert len(rows_with(live_server, never_sent)) == 1


def test_validation_errors_are_shown_in_swedish_and_the_text_is_kept(
    live_server: Any, phone: Any, workshop: dict[str, Any],
) -> None:
    workshop_id = join(phone, workshop["join_code"])
    status = phone.locator("#write-status")
    textarea = phone.get_by_label("Ditt perspektiv")

    phone.get_by_role("button", name="Skicka").click()
    expect(status).to_contain_text("Skriv något innan du skickar.")

    textarea.fill("En tanke utan slag.")
    phone.get_by_role("button", name="Skicka").click()
    expect(status).to_contain_text(
        "Välj vad det är: en ståndpunkt, en känsla, en idé eller en tanke.")
    expect(textarea).to_have_value("En tanke utan slag.")

    too_long = "Trygghet är att bli sedd. " * 20  # 520 characters, 519 once trimmed
    textarea.fill(too_long)
    # The counter counts what the server will: the text without its trailing space.
    expect(phone.locator("#counter")).to_contain_text("519/500")
    expect(phone.locator("#counter")).to_contain_text("19 tecken för mycket")
    phone.get_by_role("radio", name=re.compile("Känsla")).check()
    phone.get_by_role("button", name="Skicka").click()
    # The server refuses it; the phone says why, in Swedish, and gives the words back.
    expect(status).to_contain_text("Högst 500 tecken går att skicka: korta ner den lite.")
    expect(textarea).to_have_value(too_long)
    expect(phone.get_by_role("radio", name=re.compile("Känsla"))).to_be_checked()
    assert outbox(phone, workshop_id) == []
    assert not [p for p in live_server.perspectives() if p["text"] == too_long.strip()]
    screenshot(phone, "phone-validation", full_page=True)

    # A huge paste is stopped on the phone: it never becomes a frame the server must drop.
    textarea.fill("x" * 100_000)
    phone.get_by_role("button", name="Skicka").click()
    expect(status).to_contain_text("Texten är 100000 tecken.")
    assert outbox(phone, workshop_id) == []
    expect(phone.locator("#connection")).to_contain_text("Ansluten")

    # The home page explains an unknown code instead of failing.
    phone.goto("/join?code=ZZZZZZ")
    expect(phone.get_by_role("alert")).to_contain_text("Vi hittar ingen workshop med den koden.")


def test_a_reaction_waiting_in_the_same_outbox_is_sent_once_on_connect(
    live_server: Any, phone: Any, workshop: dict[str, Any],
) -> None:
    """The reaction page keeps its votes in the one outbox (``dialog.outbox.vote.<id>``)."""
    workshop_id = join(phone, workshop["join_code"])
    token = phone.evaluate("key => localStorage.getItem(key)", f"dialog.token.{workshop_id}")
    target = next(p for p in live_server.perspectives() if p["status"] == "approved")
    key = f"dialog.outbox.vote.{workshop_id}"
    waiting = [{"client_id": f"vote-{target['id']}", "perspective_id": target["id"],
                "vote": "agree"}]
    phone.evaluate("([key, value]) => localStorage.setItem(key, value)",
                   [key, json.dumps(waiting)])

    phone.goto(f"/w/{workshop_id}/react")
    wait_online(phone)
    phone.wait_for_function("key => !localStorage.getItem(key)", arg=key)
    expect(phone.locator("#react-live")).to_contain_text("Sparat: Håller med")
    # Sent again (as after a lost acknowledgement), it is still one reaction.
    status, body = live_server.request("POST", f"/api/v1/perspectives/{target['id']}/votes",
                                       {"vote": "agree"}, token=token)
    assert (status, body["created"]) == (200, False)
    assert phone.js_errors == []


def test_written_in_a_pause_it_waits_on_the_phone_and_is_sent_once_when_the_workshop_continues(
    live_server: Any, phone: Any, workshop: dict[str, Any],
) -> None:
    path = f"/api/v1/workshops/{workshop['id']}"
    status, _ = live_server.request("PATCH", path, {"state": "paused"}, token=live_server.token)
    assert status == 200
    text = "Skrivet i pausen: en trygg väg hem från bussen."

    # A paused workshop can be joined; the join page and the write page both say "paus".
    phone.goto(f"/j/{workshop['join_code']}")
    expect(phone.get_by_role("status").filter(has_text="paus just nu")).to_be_visible()
    workshop_id = join(phone, workshop["join_code"])
    expect(phone.locator("#state-banner")).to_contain_text("Paus. Vi fortsätter snart.")

    # The server answers workshop_paused: the phone keeps the words and says why.
    phone.get_by_label("Ditt perspektiv").fill(text)
    phone.get_by_role("radio", name=re.compile("Idé")).check()
    phone.get_by_role("button", name="Skicka").click()
    expect(phone.locator("#write-status")).to_contain_text("sparas på telefonen")
    expect(phone.locator("#write-status")).not_to_contain_text("stängd")
    expect(phone.locator("#outbox-count")).to_have_text("1 väntar på att skickas")
    assert [item["text"] for item in outbox(phone, workshop_id)] == [text]
    assert rows_with(live_server, text) == []

    # The facilitator resumes: the phone sends its outbox at once, and the row is stored once.
    status, _ = live_server.request("PATCH", path, {"state": "open"}, token=live_server.token)
    assert status == 200
    expect(phone.locator("#state-banner")).to_be_hidden()
    phone.wait_for_function("key => !localStorage.getItem(key)",
                            arg=f"dialog.outbox.{workshop_id}")
    expect(phone.locator("#outbox-count")).to_be_hidden()
    assert len(rows_with(live_server, text)) == 1

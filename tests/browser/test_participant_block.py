"""In a real browser: the console blocks a writer after asking; the phone stops, keeps its
outbox and does not join again with a fresh token by itself. Axe finds nothing new."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, describe_violations, join, wait_online
from tests.browser.test_participant_flow import open_console, send


def test_the_console_blocks_a_writer_after_confirmation(
    live_server: Any, phone: Any, tablet: Any, workshop: dict[str, Any],
) -> None:
    open_console(tablet, workshop["id"])
    workshop_id = join(phone, workshop["join_code"])
    text = "Samma text igen och igen och igen."
    send(phone, text)
    card = tablet.locator("#feed > li", has_text=text)
    expect(card).to_be_visible()
    violations = axe_violations(tablet)
    assert not violations, describe_violations(violations)

    # Saying no to the question changes nothing.
    tablet.once("dialog", lambda dialog: dialog.dismiss())
    card.get_by_role("button", name=re.compile("^Blockera")).click()
    token = phone.evaluate(f"localStorage.getItem('dialog.token.{workshop_id}')")
    status, _body = live_server.request(
        "POST", f"/api/v1/workshops/{workshop_id}/perspectives",
        {"text": "Fortfarande öppen", "kind": "idea", "client_id": "still-open"}, token=token)
    assert status == 201

    messages: list[str] = []

    def accept(dialog: Any) -> None:
        messages.append(dialog.message)
        dialog.accept()

    tablet.once("dialog", accept)
    card.get_by_role("button", name=re.compile("^Blockera")).click()
    expect(tablet.locator("#controls-status")).to_contain_text("Skribenten är blockerad")
    assert "finns kvar" in messages[0]
    expect(card).to_be_visible()  # nothing is deleted

    status, body = live_server.request(
        "POST", f"/api/v1/workshops/{workshop_id}/perspectives",
        {"text": "En till", "kind": "idea", "client_id": "after-block"}, token=token)
    assert status == 403
    assert body["error"]["code"] == "participant_blocked"

    # The phone's connection is dropped; reloading does not join again with a new token.
    expect(phone.locator("#connection")).not_to_have_attribute("data-state", "online")
    phone.reload()
    phone.wait_for_timeout(1500)
    assert f"/w/{workshop_id}" in phone.url
    assert phone.evaluate(f"localStorage.getItem('dialog.token.{workshop_id}')") == token


def test_a_phone_that_joined_goes_back_to_its_own_code_when_its_token_is_refused(
    live_server: Any, phone: Any, workshop: dict[str, Any],
) -> None:
    workshop_id = join(phone, workshop["join_code"])
    wait_online(phone)
    phone.evaluate(f"localStorage.setItem('dialog.token.{workshop_id}', 'p.no-such-token')")
    phone.reload()
    phone.wait_for_url(f"**/j/{workshop['join_code']}")

"""The konkretisering phone stops offering the room's items once the meeting is closed.

Specifications: a phone shows an open vote and a fishing prompt; the facilitator closes the
meeting while the page is open (``workshop:state`` closed); the vote and the fishing prompt
leave the page, a short line says the meeting has ended, words written in the fishing box
stay on the page to copy, and a check-back round with a deadline (answered from home) stays.
Reloaded, the page says so at once (server-rendered). Opened again, the items come back.
The page passes axe-core with no violations.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    PHONE,
    axe_violations,
    describe_violations,
    join,
    wait_online,
)
from tests.browser.test_konkret import draft_alternative
from tests.browser.test_outbox_closed import set_state

pytestmark = pytest.mark.browser


def test_a_closed_meeting_takes_the_rooms_items_off_the_phone(
    live_server: Any, new_page: Any, workshop: dict[str, Any],
) -> None:
    pid = live_server.demo["process_id"]
    phone = new_page(PHONE)
    workshop_id = join(phone, workshop["join_code"])
    alternative = draft_alternative(live_server, "Ljus på gångvägen till skolan")
    opened: list[tuple[str, int]] = []
    status, vote = live_server.request("POST", f"/api/v1/alternatives/{alternative['id']}/votes",
                                       {}, token=live_server.token)
    assert status == 201, vote
    opened.append(("vote-rounds", vote["id"]))
    status, prompt = live_server.request("POST", f"/api/v1/processes/{pid}/fishing", {},
                                         token=live_server.token)
    assert status == 201, prompt
    opened.append(("fishing", prompt["id"]))
    in_a_week = (datetime.now(UTC) + timedelta(days=7)).isoformat()
    status, checkback = live_server.request(
        "POST", f"/api/v1/processes/{pid}/checkback-rounds",
        {"title": "Avstämning hemifrån", "closes_at": in_a_week,
         "alternative_ids": [alternative["id"]]}, token=live_server.token)
    assert status == 201, checkback
    opened.append(("checkback-rounds", checkback["round"]["id"]))
    try:
        phone.goto(f"/w/{workshop_id}/konkret")
        wait_online(phone)
        vote_card = phone.locator("#vote-section article.k-card",
                                  has_text="Ljus på gångvägen till skolan")
        expect(vote_card).to_be_visible()
        fish = phone.locator("#fishing-section")
        expect(fish).to_be_visible()
        expect(phone.locator("#meeting-closed")).to_be_hidden()
        typed = "Skrevs precis när mötet tog slut: vägen hem är mörk."
        fish.get_by_label("Ditt svar").fill(typed)

        set_state(live_server, workshop, "closed")  # heard live, the page stays open
        expect(phone.locator("#meeting-closed")).to_contain_text(
            "Mötet är avslutat. Röster och frågor som hör till mötet går inte längre att "
            "svara på.")
        expect(phone.locator("#vote-section")).to_be_hidden()
        expect(fish).to_be_hidden()
        expect(phone.locator("#not-sent")).to_contain_text(typed)  # to copy, not lost
        home = phone.locator("#checkback-section")
        expect(home).to_be_visible()  # a deadline: answered from home
        expect(home).to_contain_text("Ljus på gångvägen till skolan")
        expect(phone.locator("#nothing-open")).to_be_hidden()
        violations = axe_violations(phone)
        assert violations == [], describe_violations(violations)

        phone.reload()  # server-rendered: said at once, before the live state arrives
        expect(phone.locator("#meeting-closed")).to_be_visible()
        wait_online(phone)
        expect(phone.locator("#vote-section")).to_be_hidden()
        expect(phone.locator("#checkback-section")).to_be_visible()

        set_state(live_server, workshop, "open")  # opened again: the room's items return
        expect(phone.locator("#meeting-closed")).to_be_hidden()
        expect(phone.locator("#vote-section")).to_be_visible()
        expect(phone.locator("#fishing-section")).to_be_visible()
        assert phone.js_errors == []
    finally:
        set_state(live_server, workshop, "open")
        for kind, item_id in opened:
            live_server.request("POST", f"/api/v1/{kind}/{item_id}/close", {},
                                token=live_server.token)

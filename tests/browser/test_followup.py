"""Follow-up in a real browser: the phone answers the meeting's evaluation once, through its
outbox; the follow-up console pages and the published follow-up pass axe-core (WCAG 2.1 AA)
and fit 320 px."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    NARROW_PHONE,
    TABLET,
    axe_violations,
    describe_violations,
    join,
)

pytestmark = pytest.mark.browser


def assert_accessible_and_narrow(page: Any) -> None:
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
    page.set_viewport_size(NARROW_PHONE)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def test_a_phone_answers_the_evaluation_once_by_keyboard(
        live_server: Any, new_page: Callable[..., Any], workshop: dict[str, Any]) -> None:
    phone = new_page(NARROW_PHONE)
    join(phone, workshop["join_code"], "unga")
    phone.goto(f"/w/{workshop['id']}/utvardering")
    expect(phone.get_by_text("Kände du dig lyssnad på?")).to_be_visible()
    assert_accessible_and_narrow(phone)
    phone.get_by_role("button", name="Skicka svaret").click()
    expect(phone.get_by_text("Välj ett svar från 1 till 5 först.")).to_be_visible()
    phone.get_by_label("4").focus()
    phone.keyboard.press("Space")
    phone.get_by_label("Vill du säga något mer? (frivilligt)").fill("Bra samtal.")
    phone.get_by_role("button", name="Skicka svaret").click()
    expect(phone.get_by_text("Tack för ditt svar!")).to_be_visible()
    status, body = live_server.request(
        "GET", f"/api/v1/processes/{live_server.demo['process_id']}/evaluations",
        token=live_server.token)
    assert status == 200, body
    [meeting] = [m for m in body["meetings"] if m["workshop_id"] == workshop["id"]]
    assert (meeting["answers"], meeting["scores"]["4"]) == (1, 1)
    # Acknowledged after the commit, the answer has left the phone's outbox.
    assert phone.evaluate("localStorage.getItem('dialog.outbox.evaluation.'"
                          f" + {workshop['id']})") in (None, "[]")


@pytest.mark.parametrize("path", ["/facilitator/processes/{pid}/follow-up",
                                  "/facilitator/proposals/{proposal}/follow-up"])
def test_the_follow_up_console_pages_pass_axe(live_server: Any, tablet: Any, path: str) -> None:
    pid = live_server.demo["process_id"]
    status, body = live_server.request("GET", f"/api/v1/processes/{pid}/proposals",
                                       token=live_server.token)
    assert status == 200, body
    tablet.goto(path.format(pid=pid, proposal=body["proposals"][-1]["id"]))
    expect(tablet.locator("h1")).to_have_count(1)
    assert_accessible_and_narrow(tablet)


def test_the_published_follow_up_passes_axe(live_server: Any,
                                             new_page: Callable[..., Any]) -> None:
    page = new_page(TABLET)
    page.goto(f"/p/{live_server.demo['slug']}/v/1")
    for heading in ("Uppdrag", "Pengar: fördelat och kvar", "Vår bedömning av läget",
                    "Utvärdering av mötena"):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.locator("svg.indicator-chart").first).to_be_visible()
    assert_accessible_and_narrow(page)

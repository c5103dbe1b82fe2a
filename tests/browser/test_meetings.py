"""Meetings in a browser: a phone shows its participant code, a returning person enters it,
and the console's meetings pages and printed cards pass axe-core at tablet and phone width."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import (
    NARROW_PHONE,
    PHONE_SCREEN,
    axe_violations,
    describe_violations,
    expect,
    join,
)


def test_a_phone_shows_its_code_and_a_returning_person_enters_it(
        new_page: Any, live_server: Any, workshop: dict[str, Any]) -> None:
    phone = new_page(NARROW_PHONE)
    join(phone, workshop["join_code"], group="unga")
    box = phone.locator("#participant-code-box")
    expect(box).to_be_visible()
    code = phone.locator("#participant-code-value").inner_text()
    assert re.fullmatch(r"[a-z]+-[a-z]+-[a-z]+", code)
    violations = axe_violations(phone)
    assert not violations, describe_violations(violations)
    phone.get_by_role("button", name="Jag har skrivit upp koden").click()
    expect(box).to_be_hidden()
    phone.reload()
    expect(box).to_be_hidden()

    later = live_server.new_workshop(f"Senare möte {workshop['id']}")
    other_phone = new_page(NARROW_PHONE)
    other_phone.goto(f"/j/{later['join_code']}")
    violations = axe_violations(other_phone)
    assert not violations, describe_violations(violations)
    other_phone.get_by_label("Har du en deltagarkod?").fill(code.replace("-", " ").upper())
    other_phone.get_by_role("button", name="Gå med").click()
    other_phone.wait_for_url(PHONE_SCREEN)
    expect(other_phone.locator("#participant-code-returning")).to_be_visible()
    expect(other_phone.locator("#participant-code-value")).to_have_text(code)
    assert not phone.js_errors
    assert not other_phone.js_errors


def test_the_meetings_pages_pass_axe(tablet: Any, new_page: Any, facilitator_state: Any,
                                     live_server: Any, workshop: dict[str, Any]) -> None:
    process_id = live_server.demo["process_id"]
    for page in (tablet, new_page(NARROW_PHONE, storage_state=facilitator_state)):
        for path in (f"/facilitator/processes/{process_id}/meetings",
                     f"/facilitator/workshops/{workshop['id']}/meeting",
                     f"/facilitator/processes/{process_id}"):
            page.goto(path)
            violations = axe_violations(page)
            assert not violations, f"{path}\n" + describe_violations(violations)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= page.viewport_size["width"], path
    tablet.goto(f"/facilitator/processes/{process_id}/meetings")
    tablet.get_by_label("Antal kort").fill("4")
    tablet.get_by_role("button", name="Skapa och visa korten").click()
    expect(tablet.locator(".participant-card")).to_have_count(4)
    violations = axe_violations(tablet)
    assert not violations, describe_violations(violations)

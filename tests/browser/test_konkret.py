"""Konkretisering in a real browser: a check-back round with two phones and a tablet.

The facilitator's tablet opens a check-back round on an alternative; two phones rate it
(one with the keyboard alone, one on a 320 px screen); the tablet's tallies move without a
reload; a phone changes its mind and the latest answer counts; the tablet closes the round
and the phones stop showing it. Every konkretisering page passes axe-core (WCAG 2.1 AA).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    NARROW_PHONE,
    PHONE,
    TABLET,
    axe_violations,
    describe_violations,
    join,
    screenshot,
    wait_online,
)

pytestmark = pytest.mark.browser


def draft_alternative(live_server: Any, title: str) -> dict[str, Any]:
    pid = live_server.demo["process_id"]
    perspective = next(p for p in live_server.perspectives() if p["status"] == "approved")
    status, body = live_server.request("POST", f"/api/v1/processes/{pid}/alternatives",
                                       {"title": title, "description": "Från webbläsartestet.",
                                        "perspective_ids": [perspective["id"]]},
                                       token=live_server.token)
    assert status == 201, body
    return dict(body)


def assert_accessible(page: Any) -> None:
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)


def assert_fits(page: Any) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def wait_watching(tablet: Any) -> None:
    """The console has joined the process's live room: it hears every change from now on."""
    tablet.locator('#konkret-console[data-watching="true"]').wait_for(state="attached")


def open_konkret_phone(page: Any, workshop: dict[str, Any], group: str) -> None:
    join(page, workshop["join_code"], group)
    page.goto(f"/w/{workshop['id']}/konkret")
    wait_online(page)


def test_a_check_back_round_with_two_phones_and_a_tablet(
    live_server: Any, new_page: Callable[..., Any], tablet: Any, workshop: dict[str, Any],
) -> None:
    alternative = draft_alternative(live_server, "Bänkar och ljus vid busstationen")
    pid = live_server.demo["process_id"]

    # The tablet opens a check-back round on this alternative only.
    tablet.goto(f"/facilitator/processes/{pid}/konkret")
    wait_online(tablet)
    form = tablet.locator("#checkback-open-form")
    if not form.is_visible():
        tablet.get_by_text("Öppna en ny avstämning").click()
    form.get_by_label("Namn på avstämningen").fill("Avstämning i webbläsaren")
    for box in form.locator('input[name="alternative_ids"]').all():
        box.uncheck()
    form.get_by_label("Bänkar och ljus vid busstationen").check()
    form.get_by_role("button", name="Öppna avstämningen").click()
    round_box = tablet.locator("article.checkback-round", has_text="Avstämning i webbläsaren")
    expect(round_box).to_contain_text("Öppen")
    round_id = round_box.get_attribute("data-round-id")
    wait_watching(tablet)
    tablet.evaluate("window.__sameDocument = true")
    row = round_box.locator(f'tr[data-alternative-id="{alternative["id"]}"]')

    # Two phones: one ordinary, one 320 px wide.
    first, second = new_page(PHONE), new_page(NARROW_PHONE)
    open_konkret_phone(first, workshop, "unga")
    open_konkret_phone(second, workshop, "polis")
    card_id = f"#card-cb-{round_id}-{alternative['id']}"
    first_card, second_card = first.locator(card_id), second.locator(card_id)
    expect(first_card).to_contain_text("Bänkar och ljus vid busstationen")
    expect(second_card).to_be_visible()
    screenshot(second, "konkret-phone-320", full_page=True)
    assert_fits(second)

    first_card.get_by_role("radio", name="Stöder").check()
    first_card.get_by_label("Varför? (frivilligt)").fill("Då vågar fler vänta på bussen.")
    first_card.get_by_role("button", name="Skicka ditt svar").click()
    expect(first_card).to_contain_text("Tack! Det är sparat.")
    expect(row.locator('[data-count="supports"]')).to_have_text("1")

    second_card.get_by_role("radio", name="Invänder").check()
    second_card.get_by_role("button", name="Skicka ditt svar").click()
    expect(second_card).to_contain_text("Ditt svar nu: Invänder")
    expect(row.locator('[data-count="objects"]')).to_have_text("1")
    expect(row.locator('[data-count="total"]')).to_have_text("2")
    expect(round_box.locator("[data-respondents]")).to_have_text("2")

    # The first phone changes its mind with the keyboard alone; the latest answer counts.
    first_card.get_by_role("radio", name="Stöder").focus()
    first.keyboard.press("ArrowDown")
    expect(first_card.get_by_role("radio", name="Kan leva med")).to_be_checked()
    first.keyboard.press("Tab")
    expect(first_card.get_by_label("Varför? (frivilligt)")).to_be_focused()
    first.keyboard.press("Tab")
    expect(first_card.get_by_role("button", name="Skicka ditt svar")).to_be_focused()
    first.keyboard.press("Enter")
    expect(first_card).to_contain_text("Ditt svar nu: Kan leva med")
    expect(row.locator('[data-count="supports"]')).to_have_text("0")
    expect(row.locator('[data-count="can_live_with"]')).to_have_text("1")
    expect(row.locator('[data-count="total"]')).to_have_text("2")
    assert tablet.evaluate("window.__sameDocument") is True, "the tablet reloaded"
    screenshot(tablet, "konkret-tablet-checkback")
    assert_accessible(first)

    # The tablet closes the round; the phones stop offering it, the tally stays.
    round_box.get_by_role("button", name="Stäng avstämningen").click()
    closed = tablet.locator(f"#checkback-{round_id}")
    expect(closed).to_contain_text("Stängd")
    expect(closed.locator(f'tr[data-alternative-id="{alternative["id"]}"] '
                          '[data-count="total"]')).to_have_text("2")
    expect(first_card).to_have_count(0)
    expect(second_card).to_have_count(0)
    assert not first.js_errors
    assert not second.js_errors
    assert not tablet.js_errors


@pytest.fixture
def phone_with_token(live_server: Any, workshop: dict[str, Any]) -> dict[str, Any]:
    status, joined = live_server.request("POST", "/api/v1/join", {
        "join_code": workshop["join_code"], "stakeholder_group": "skola"})
    assert status == 201, joined
    return {"workshop": workshop, "token": joined["participant_token"]}


def test_the_phone_answers_the_minority_question_and_goes_fishing(
    live_server: Any, new_page: Callable[..., Any], tablet: Any,
    phone_with_token: dict[str, Any],
) -> None:
    workshop, token = phone_with_token["workshop"], phone_with_token["token"]
    alternative = draft_alternative(live_server, "Nattvandring med föreningarna")
    phone = new_page(PHONE)
    phone.context.add_init_script(
        f"localStorage.setItem('dialog.token.{workshop['id']}', '{token}')")
    phone.goto(f"/w/{workshop['id']}/konkret")
    wait_online(phone)

    tablet.goto(f"/facilitator/alternatives/{alternative['id']}")
    tablet.get_by_role("button", name="Rösta om alternativet").click()
    expect(tablet.locator(".vote-open")).to_be_visible()
    wait_watching(tablet)
    assert_accessible(tablet)  # an open vote with its live tally
    vote_card = phone.locator("article.k-card", has_text="Nattvandring med föreningarna")
    vote_card.get_by_role("radio", name="Emot").check()
    vote_card.get_by_role("button", name="Skicka din röst").click()
    expect(vote_card).to_contain_text("Din röst nu: Emot")
    expect(tablet.locator('[data-vote-tally] [data-count="against"]')).to_have_text("1")
    # Two others in the room vote for, over the API, so this phone is in the minority.
    status, found = live_server.request("GET", f"/api/v1/alternatives/{alternative['id']}",
                                        token=live_server.token)
    vote_round_id = found["vote_rounds"][-1]["id"]
    for n in range(2):
        status, other = live_server.request("POST", "/api/v1/join",
                                            {"join_code": workshop["join_code"]})
        status, body = live_server.request(
            "POST", f"/api/v1/vote-rounds/{vote_round_id}/votes",
            {"value": "for", "client_id": f"other-{n}"}, token=other["participant_token"])
        assert status == 201, body
    expect(tablet.locator('[data-vote-tally] [data-count="for"]')).to_have_text("2")
    tablet.get_by_role("button", name="Stäng omröstningen och fråga minoriteten").click()
    expect(tablet.locator(".minority-question")).to_be_visible()
    wait_watching(tablet)

    # Pushed to the minority's phone, asked once and to one person: "du", not "ni".
    asked = phone.locator("#minority-section")
    expect(asked).to_be_visible()
    expect(asked.locator("article")).to_contain_text(
        "Vad skulle krävas för att du ska kunna följa med?")
    assert phone.locator("main").inner_text().count("skulle krävas") == 1
    asked.get_by_label("Ditt svar").fill("Att någon från skolan också går med.")
    asked.get_by_role("button", name="Skicka").click()
    expect(asked).to_contain_text("Att någon från skolan också går med.")
    expect(tablet.locator("#amendments")).to_contain_text("Att någon från skolan också går med.")
    assert_accessible(phone)
    tablet.reload()
    expect(tablet.locator("#amendments")).to_contain_text("Från deltagare")
    assert_accessible(tablet)  # the loop between votes: amendments, conclude, go fishing

    wait_watching(tablet)
    tablet.get_by_role("button", name="Gå och fiska om det här alternativet").click()
    fish = phone.locator("#fishing-section")
    expect(fish).to_be_visible()
    expect(fish.locator("article")).to_contain_text("Finns det något som inte har sagts?")
    fish.get_by_label("Ditt svar").fill("Vi pratar inte om vem som får vara i centrum.")
    fish.get_by_role("button", name="Skicka").click()
    expect(fish).to_contain_text("Vi pratar inte om vem som får vara i centrum.")
    assert_accessible(phone)
    assert not phone.js_errors


PAGES = ["/facilitator/processes/{pid}/konkret", "/facilitator/processes/{pid}/proposals",
         "/facilitator/proposals/{proposal}", "/facilitator/alternatives/{alternative}"]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("viewport", [TABLET, NARROW_PHONE], ids=["tablet", "320px"])
def test_every_konkretisering_page_is_accessible_and_fits(
    live_server: Any, new_page: Callable[..., Any], facilitator_state: Any, path: str,
    viewport: dict[str, int],
) -> None:
    pid = live_server.demo["process_id"]
    status, found = live_server.request("GET", f"/api/v1/processes/{pid}/proposals",
                                        token=live_server.token)
    assert status == 200, found
    assert found["proposals"], found
    proposal = found["proposals"][-1]
    page = new_page(viewport, storage_state=facilitator_state, mobile=False)
    page.goto(path.format(pid=pid, proposal=proposal["id"],
                          alternative=proposal["alternative_ids"][-1]))
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page)
    assert_fits(page)
    assert not page.js_errors

"""Safe phase controls in a real browser: the running phase on every console page, a
confirmation page (keyboard only) that proposes the next phase, and a minute to undo."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import NARROW_PHONE, TABLET, axe_violations, describe_violations
from tests.browser.test_room_wall import own_process

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", [TABLET, NARROW_PHONE], ids=["tablet", "phone-320"])
def test_change_phase_by_keyboard_confirm_and_undo(
        live_server: Any, new_page: Any, facilitator_state: Any,
        viewport: dict[str, int]) -> None:
    workshop = own_process(live_server, f"Faserna {viewport['width']}")
    page = new_page(viewport, storage_state=facilitator_state)
    page.goto(f"/facilitator/workshops/{workshop['id']}")
    expect(page.locator("#phase-now")).to_contain_text("Pågående fas: Inventering, runda 1")
    for name in ("Inventering", "Lärande samtal", "Konkretisering"):
        expect(page.locator("#phase-bar nav")).to_contain_text(name)
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)

    # "Byt fas …" leads to a confirmation that proposes the next phase, not inventering.
    page.locator("#phase-change").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/phases/confirm**")
    expect(page.get_by_role("radio", name="Lärande samtal (föreslås)")).to_be_checked()
    expect(page.locator("#confirm-open")).to_contain_text("Inventering, runda 1, stängs.")
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)
    page.locator("#confirm-open-button").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#phase-now")).to_contain_text("Pågående fas: Lärande samtal, runda 1")

    # A minute to undo: back to inventering round 1, nothing lost.
    undo = page.get_by_role("button", name="Ångra fasbytet")
    expect(page.locator("#phase-undo-hint")).to_contain_text("Inventering (runda 1) öppnas igen")
    undo.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#phase-now")).to_contain_text("Pågående fas: Inventering, runda 1")
    expect(page.locator("#phase-undo")).to_have_count(0)
    # ... on inventering's console, not left on the samtal console of a closed phase.
    expect(page).to_have_url(re.compile(r"/facilitator/workshops/\d+$"))


def test_closing_a_phase_asks_on_a_page_of_its_own(
        live_server: Any, tablet: Any) -> None:
    workshop = own_process(live_server, "Faserna: stäng")
    tablet.goto(f"/facilitator/processes/{workshop['process_id']}")
    tablet.locator("#phase-close").click()
    expect(tablet.get_by_role("heading", name="Stäng fasen?")).to_be_visible()
    violations = axe_violations(tablet)
    assert not violations, describe_violations(violations)
    tablet.get_by_role("link", name="Avbryt").click()
    expect(tablet.locator("#phase-now")).to_contain_text("Pågående fas: Inventering")
    tablet.locator("#phase-close").click()
    tablet.get_by_role("button", name="Ja, stäng fasen").click()
    expect(tablet.locator("#phase-now")).to_contain_text("Ingen fas är öppen")


def test_closing_a_conversation_round_asks_in_a_dialog(
        live_server: Any, tablet: Any) -> None:
    workshop = own_process(live_server, "Faserna: rundan")
    pid = workshop["process_id"]
    ids = []
    for text in ("Vuxna pratar om oss.", "Vi vill vara närvarande."):
        status, joined = live_server.request("POST", "/api/v1/join", {
            "join_code": workshop["join_code"], "stakeholder_group": "unga"})
        status, body = live_server.request(
            "POST", f"/api/v1/workshops/{workshop['id']}/perspectives",
            {"text": text, "kind": "idea", "client_id": "c-1"}, token=joined["participant_token"])
        ids.append(body["id"])
    token = live_server.token
    live_server.request("POST", f"/api/v1/processes/{pid}/phases", {"kind": "larande_samtal"},
                        token=token)
    status, built = live_server.request("POST", f"/api/v1/processes/{pid}/conversation-rounds",
                                        {"title": "Unga och polisen", "perspective_ids": ids},
                                        token=token)
    assert status == 201, built
    tablet.goto(f"/facilitator/processes/{pid}/samtal")
    close = tablet.get_by_role("button", name="Stäng rundan").first
    close.click()
    dialog = tablet.locator("dialog.confirm-dialog")
    expect(dialog).to_contain_text("Stäng rundan ”Unga och polisen”?")
    violations = axe_violations(tablet)
    assert not violations, describe_violations(violations)
    tablet.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    status, rounds = live_server.request("GET", f"/api/v1/conversation-rounds/{built['id']}",
                                         token=token)
    assert rounds["status"] == "open"
    close.click()
    dialog.get_by_role("button", name="Stäng rundan").click()
    expect(tablet.locator(f"#round-{built['id']} form[data-confirm]")).to_have_count(0)
    status, after = live_server.request("GET", f"/api/v1/conversation-rounds/{built['id']}",
                                        token=token)
    assert after["status"] == "closed"


def test_every_page_shows_its_meetings_running_phase_and_follows_a_change_live(
        live_server: Any, new_page: Any, facilitator_state: Any) -> None:
    """Two meetings in one process: the process page lists each meeting's phase once they
    differ, each workshop console shows its own, and a change made elsewhere (the API, another
    tablet) reaches every open page without a reload."""
    first = own_process(live_server, "Faserna: möte A")
    process_id = first["process_id"]
    status, second = live_server.request(
        "POST", f"/api/v1/processes/{process_id}/workshops", {"title": "Möte B"},
        token=live_server.token)
    assert status == 201, second
    pages = {}
    for name, path in (("process", f"/facilitator/processes/{process_id}"),
                       ("a", f"/facilitator/workshops/{first['id']}"),
                       ("b", f"/facilitator/workshops/{second['id']}"),
                       ("meetings", f"/facilitator/processes/{process_id}/meetings")):
        page = new_page(TABLET, storage_state=facilitator_state)
        page.goto(path)
        expect(page.locator("#phase-now")).to_contain_text("Pågående fas: Inventering, runda 1")
        page.locator('#phase-bar[data-followed="true"]').wait_for()
        page.evaluate("window.__sameDocument = true")
        pages[name] = page

    # Meeting B moves on alone (workshop_ids): B's console says so, A's does not change, the
    # process's pages list each meeting with its own phase.
    status, body = live_server.request(
        "POST", f"/api/v1/processes/{process_id}/phases",
        {"kind": "larande_samtal", "workshop_ids": [second["id"]]}, token=live_server.token)
    assert status == 201, body
    expect(pages["b"].locator("#phase-now")).to_contain_text(
        "Pågående fas: Lärande samtal, runda 1")
    expect(pages["a"].locator("#phase-now")).to_contain_text("Pågående fas: Inventering, runda 1")
    for name in ("process", "meetings"):
        now = pages[name].locator("#phase-now")
        expect(now).to_contain_text("Pågående fas per möte:")
        expect(now.locator("li")).to_have_text([
            "Inventering, runda 1: Faserna: möte A", "Lärande samtal, runda 1: Möte B"])
    violations = axe_violations(pages["process"])
    assert not violations, describe_violations(violations)

    # The whole process moves on: every page shows the one running phase again.
    status, body = live_server.request(
        "POST", f"/api/v1/processes/{process_id}/phases", {"kind": "konkretisering"},
        token=live_server.token)
    assert status == 201, body
    for page in pages.values():
        expect(page.locator("#phase-now")).to_contain_text("Pågående fas: Konkretisering, runda 1")
        expect(page.locator(".phase-bar__link--running")).to_have_text("Konkretisering")
        assert page.evaluate("window.__sameDocument === true")  # no reload


def test_the_phase_bar_lists_the_meetings_at_320_px(
        live_server: Any, new_page: Any, facilitator_state: Any) -> None:
    first = own_process(live_server, "Faserna: smal")
    process_id = first["process_id"]
    status, second = live_server.request(
        "POST", f"/api/v1/processes/{process_id}/workshops", {"title": "Möte på biblioteket"},
        token=live_server.token)
    assert status == 201, second
    status, body = live_server.request(
        "POST", f"/api/v1/processes/{process_id}/phases",
        {"kind": "larande_samtal", "workshop_ids": [second["id"]]}, token=live_server.token)
    assert status == 201, body
    page = new_page(NARROW_PHONE, storage_state=facilitator_state)
    page.goto(f"/facilitator/processes/{process_id}")
    expect(page.locator("#phase-now li")).to_have_count(2)
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW_PHONE["width"]
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


def _open(live_server: Any, workshop: dict[str, Any], kind: str) -> None:
    status, body = live_server.request(
        "POST", f"/api/v1/processes/{workshop['process_id']}/phases", {"kind": kind},
        token=live_server.token)
    assert status == 201, body


@pytest.mark.parametrize(("start", "screen", "then", "lands_on"), [
    (["inventering"], "react", "larande_samtal", "samtal"),
    (["larande_samtal", "konkretisering"], "konkret", "inventering", ""),
], ids=["reacting-to-samtal", "konkret-to-inventering"])
def test_a_phone_on_any_phase_screen_follows_the_room_into_the_next_phase(
        live_server: Any, new_page: Any, start: list[str], screen: str, then: str,
        lands_on: str) -> None:
    # "Telefonerna och väggen går över till den nya fasen direkt": also a phone that is
    # reacting to perspectives or waiting for the next check-back question.
    workshop = own_process(live_server, f"Faserna: telefonen på {screen}")
    status, joined = live_server.request("POST", "/api/v1/join",
                                         {"join_code": workshop["join_code"]})
    assert status == 201, joined
    for kind in start[1:] if start[0] == "inventering" else start:
        _open(live_server, workshop, kind)
    phone = new_page(NARROW_PHONE)
    phone.context.add_init_script(
        f"localStorage.setItem('dialog.token.{workshop['id']}', '{joined['participant_token']}')")
    phone.goto(f"/w/{workshop['id']}/{screen}")
    phone.locator('#connection[data-state="online"]').wait_for()

    _open(live_server, workshop, then)

    where = f"/w/{workshop['id']}" + (f"/{lands_on}" if lands_on else "")
    phone.wait_for_url(lambda url: url.endswith(where))
    assert not phone.js_errors


def test_a_phone_joining_in_another_phase_lands_on_its_screen_and_is_not_sent_where_it_is(
        live_server: Any, new_page: Any) -> None:
    workshop = own_process(live_server, "Faserna: gå med mitt i")
    phone = new_page(NARROW_PHONE)
    phone.goto(f"/j/{workshop['join_code']}")
    phone.get_by_role("button", name="Gå med").click()
    phone.wait_for_url(lambda url: url.endswith(f"/w/{workshop['id']}"))
    phone.locator('#connection[data-state="online"]').wait_for()
    # On the list of what it sent, in inventering, the phone is not told to go to inventering.
    phone.goto(f"/w/{workshop['id']}/sent")
    phone.locator('#connection[data-state="online"]').wait_for()
    phone.wait_for_timeout(1500)  # the offer, if any, follows one request after connecting
    expect(phone.locator("#phase-offer")).to_have_count(0)

    _open(live_server, workshop, "larande_samtal")
    late = new_page(NARROW_PHONE)
    late.goto(f"/j/{workshop['join_code']}")
    late.get_by_role("button", name="Gå med").click()
    late.wait_for_url(lambda url: url.endswith(f"/w/{workshop['id']}/samtal"))
    assert not phone.js_errors
    assert not late.js_errors

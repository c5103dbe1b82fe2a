"""The workshop console on a tablet: compact cards, "new since you looked", search and
filters, the running phase, and a confirmation before closing the workshop."""

from __future__ import annotations

import re
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

pytestmark = pytest.mark.browser

VOICES = [
    ("unga", "idea", "Öppna fritidsgården till midnatt på fredagar."),
    ("polis", "standpoint", "Vi vill vara närvarande utan att skrämma."),
    ("skola", "feeling", "Det känns otryggt vid busshållplatsen efter skolan."),
    ("unga", "thought", "Vuxna pratar om oss men inte med oss, och det märks i allt som "
                        "bestäms om parken, om kvällarna och om vem som får vara var. "
                        "Vi vill vara med från början, inte bara bli tillfrågade i slutet."),
]


def seed(live_server: Any, workshop: dict[str, Any], count: int) -> None:
    """``count`` perspectives from phones that joined through the API."""
    for number in range(count):
        group, kind, text = VOICES[number % len(VOICES)]
        status, joined = live_server.request("POST", "/api/v1/join", {
            "join_code": workshop["join_code"], "stakeholder_group": group})
        assert status == 201, joined
        status, body = live_server.request(
            "POST", f"/api/v1/workshops/{workshop['id']}/perspectives",
            {"text": f"{text} ({number + 1})", "kind": kind, "client_id": f"seed-{number}"},
            token=joined["participant_token"])
        assert status in (200, 201), body


def open_console(page: Any, workshop_id: int) -> None:
    page.goto(f"/facilitator/workshops/{workshop_id}")
    wait_online(page)
    page.locator("#feed .p-card").first.wait_for()


#: Perspectives a 1024 x 768 tablet shows whole on first load, without scrolling (issue 12
#: asks for "a real number"; the console showed about three before).
ABOVE_THE_FOLD = 8


def test_a_tablet_shows_eight_compact_cards_above_the_fold_on_first_load(
        live_server: Any, tablet: Any) -> None:
    # A process of its own: no phase change within the minute (whose undo note takes a row).
    workshop = live_server.inventering_workshop("Konsolen: täthet")
    seed(live_server, workshop, 14)
    open_console(tablet, workshop["id"])
    expect(tablet.locator("#phase-now")).to_contain_text("Pågående fas: Inventering, runda 1")
    expect(tablet.locator("#feed .p-card")).to_have_count(14)
    assert tablet.evaluate("window.scrollY") == 0
    whole = tablet.locator("#feed .p-card").evaluate_all(
        "cards => cards.filter(c => { const r = c.getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= innerHeight; }).length")
    assert whole >= ABOVE_THE_FOLD, f"only {whole} whole cards above the fold at 1024x768"
    # Each card keeps its label, status and actions in its one row.
    first = tablet.locator("#feed .p-card").first
    expect(first.locator(".p-card__meta")).to_contain_text("Godkänd")
    expect(first.get_by_role("button", name=re.compile("^Dölj"))).to_be_visible()
    expect(first.locator(".redact-box summary")).to_be_visible()
    assert tablet.evaluate("document.documentElement.scrollWidth") <= TABLET["width"]
    screenshot(tablet, "room-console-tablet")
    violations = axe_violations(tablet)
    assert not violations, describe_violations(violations)


def test_search_and_filters_by_group_and_kind(
        live_server: Any, tablet: Any, workshop: dict[str, Any]) -> None:
    seed(live_server, workshop, 8)
    open_console(tablet, workshop["id"])
    visible = tablet.locator("#feed .p-card:visible")
    tablet.get_by_label("Grupp", exact=True).select_option("unga")
    expect(visible).to_have_count(4)
    tablet.get_by_label("Slag", exact=True).select_option("idea")
    expect(visible).to_have_count(2)
    tablet.get_by_label("Sök", exact=True).fill("(5)")
    expect(visible).to_have_count(1)
    tablet.get_by_label("Sök", exact=True).fill("finns inte")
    expect(visible).to_have_count(0)
    expect(tablet.locator("#feed-nomatch")).to_be_visible()


def test_new_since_you_looked_is_marked(
        live_server: Any, tablet: Any, workshop: dict[str, Any]) -> None:
    seed(live_server, workshop, 2)
    open_console(tablet, workshop["id"])
    expect(tablet.locator("#feed-unseen")).to_be_hidden()  # the first visit marks nothing
    tablet.goto("/facilitator/")  # leaving remembers the moment
    tablet.wait_for_timeout(50)
    _status, joined = live_server.request("POST", "/api/v1/join",
                                         {"join_code": workshop["join_code"]})
    live_server.request("POST", f"/api/v1/workshops/{workshop['id']}/perspectives",
                        {"text": "Skriven medan du var borta.", "kind": "idea",
                         "client_id": "late-1"}, token=joined["participant_token"])
    open_console(tablet, workshop["id"])
    expect(tablet.locator("#feed-unseen")).to_have_text("1 nytt sedan du tittade")
    expect(tablet.locator(".p-card--unseen")).to_have_count(1)
    expect(tablet.locator(".p-card--unseen")).to_contain_text("Skriven medan du var borta.")


def test_closing_the_workshop_asks_first_and_escape_cancels(
        tablet: Any, workshop: dict[str, Any]) -> None:
    tablet.goto(f"/facilitator/workshops/{workshop['id']}")
    wait_online(tablet)
    toggle = tablet.locator("#state-toggle")
    toggle.focus()
    tablet.keyboard.press("Enter")
    dialog = tablet.locator("#confirm-close-workshop")
    expect(dialog).to_be_visible()
    violations = axe_violations(tablet)
    assert not violations, describe_violations(violations)
    tablet.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(tablet.locator("#state-text")).to_have_text("Öppen")
    toggle.click()
    tablet.locator("#confirm-close-workshop-yes").click()
    expect(tablet.locator("#state-text")).to_have_text("Stängd")


def test_the_console_fits_a_320_px_phone(
        new_page: Any, facilitator_state: Any, live_server: Any,
        workshop: dict[str, Any]) -> None:
    seed(live_server, workshop, 3)
    page = new_page(NARROW_PHONE, storage_state=facilitator_state)
    open_console(page, workshop["id"])
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW_PHONE["width"], width
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)
    assert TABLET["width"] == 1024


def test_the_console_and_the_wall_count_the_same(
        live_server: Any, new_page: Any, facilitator_state: Any, tablet: Any) -> None:
    """Only approved perspectives count, on both: a pending one and a hidden one leave their
    group "saknas" on the console as on the wall."""
    workshop = live_server.inventering_workshop(
        "Konsolen: samma siffror", pre_moderation=True, groups=("unga", "polis", "region"))
    written = []
    for group, kind, text in [("unga", "idea", "Tänd parken."),
                              ("unga", "feeling", "Otryggt vid bussen."),
                              ("polis", "standpoint", "Vi vill synas mer."),
                              ("region", "thought", "Fler bussar på kvällen.")]:
        status, joined = live_server.request("POST", "/api/v1/join", {
            "join_code": workshop["join_code"], "stakeholder_group": group})
        assert status == 201, joined
        status, body = live_server.request(
            "POST", f"/api/v1/workshops/{workshop['id']}/perspectives",
            {"text": text, "kind": kind, "client_id": f"same-{group}-{kind}"},
            token=joined["participant_token"])
        assert status in (200, 201), body
        written.append(body["id"])
    for perspective_id, action in zip(written, ["approve", "approve", None, "hide"], strict=True):
        if action:
            status, body = live_server.request(
                "POST", f"/api/v1/perspectives/{perspective_id}/moderation",
                {"action": action, "reason": "Test"}, token=live_server.token)
            assert status == 200, body
    open_console(tablet, workshop["id"])
    wall = new_page({"width": 1920, "height": 1080}, storage_state=facilitator_state,
                    mobile=False)
    wall.goto(f"/facilitator/workshops/{workshop['id']}/projector")
    wall.locator('#wall[data-connection="online"]').wait_for()
    # The wall draws its counts from its first live answer: on a loaded machine (load
    # average 15 on two cores) that has come after more than ten seconds.
    expect(wall.locator('#wall-groups [data-group="unga"] .wall-voice__count')).to_have_text(
        "2", timeout=30_000)
    expect(tablet.locator('#tally-groups [data-group="unga"]')).to_contain_text("2")
    for group in ("polis", "region"):  # pending, hidden: not heard yet on both
        expect(wall.locator(f'#wall-groups [data-group="{group}"]')).to_contain_text("saknas")
        expect(tablet.locator(f'#tally-groups [data-group="{group}"]')).to_contain_text("saknas")
    expect(tablet.locator("#missing-text")).to_contain_text("polis, region")
    for kind, count in (("idea", "1"), ("feeling", "1"), ("standpoint", "0"), ("thought", "0")):
        on_wall = wall.locator(f'#wall-kinds [data-kind="{kind}"] .wall-kind__count')
        on_console = tablet.locator(f'#tally-kinds [data-kind="{kind}"] .tally__count')
        expect(on_wall).to_have_text(count)
        expect(on_console).to_have_text(count)

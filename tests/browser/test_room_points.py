"""Issue 12's points a person sees, end to end where earlier tests stopped short.

- A theme renamed over the API (``PATCH /api/v1/processes/{id}/themes/{theme_id}``) shows
  its new name on the facilitator's map, on the map wall (both live, without a reload) and
  in the publication, where the opinion groups have the map's names (Åsiktsgrupp A …).
- The facilitator's main flows work with the keyboard alone: edit a perspective and approve
  the edit, hide one with a reason (the author's phone shows the reason), rename a theme.
"""

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
    wait_online,
)

pytestmark = pytest.mark.browser

WALL = {"width": 1920, "height": 1080}


def open_map(page: Any, process_id: int, suffix: str = "/map") -> None:
    page.goto(f"/facilitator/processes/{process_id}{suffix}")
    wait_online(page)
    expect(page.locator("#map-page")).to_have_attribute("data-computed-at", re.compile(r"\d"))


def tab_to(page: Any, selector: str, limit: int = 120) -> None:
    """Press Tab until the element matching ``selector`` has the focus (keyboard only)."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def published_theme(live_server: Any) -> dict[str, Any]:
    """A theme of the demo that the publication shows (it has quotes), with its map id."""
    pid = live_server.demo["process_id"]
    status, found = live_server.request("GET", f"/api/v1/processes/{pid}/map",
                                        token=live_server.token)
    assert status == 200, found
    status, preview = live_server.request(
        "GET", f"/api/v1/processes/{pid}/publication-preview", token=live_server.token)
    assert status == 200, preview
    shown = {t["label"] for t in preview["map"]["themes"] if t.get("quotes") and not t["other"]}
    theme = next(t for t in found["themes"] if not t.get("other") and t["label"] in shown)
    return dict(theme)


def test_a_theme_renamed_over_the_api_shows_on_the_map_the_wall_and_the_publication(
        live_server: Any, new_page: Any, facilitator_state: Any) -> None:
    pid = live_server.demo["process_id"]
    theme = published_theme(live_server)
    console = new_page(TABLET, storage_state=facilitator_state)
    wall = new_page(WALL, storage_state=facilitator_state, mobile=False)
    open_map(console, pid)
    open_map(wall, pid, "/map/projector")
    for page in (console, wall):
        page.evaluate("window.__sameDocument = true")

    name = "Vuxna ute på kvällarna"
    status, body = live_server.request("PATCH", f"/api/v1/processes/{pid}/themes/{theme['id']}",
                                       {"name": name}, token=live_server.token)
    assert status == 200, body
    assert body["label"] == name
    expect(console.locator("#theme-list")).to_contain_text(name, timeout=20_000)
    expect(wall.locator("#theme-list")).to_contain_text(name, timeout=20_000)
    for page in (console, wall):
        assert page.evaluate("window.__sameDocument === true"), "the page reloaded"

    preview = new_page(TABLET, storage_state=facilitator_state)
    preview.goto(f"/facilitator/processes/{pid}/publication")
    expect(preview.locator("#themes")).to_contain_text(name)
    # One name per concept: the opinion groups are "Åsiktsgrupp A …" on both.
    expect(console.locator("#opinion-groups")).to_contain_text("Åsiktsgrupp A")
    expect(preview.locator("main")).to_contain_text("Åsiktsgrupp A")
    for page in (console, preview):
        expect(page.locator("main")).not_to_contain_text("Grupp A")
    violations = axe_violations(preview)
    assert not violations, describe_violations(violations)


def test_a_facilitator_moderates_and_renames_a_theme_with_the_keyboard_alone(
        live_server: Any, new_page: Any, facilitator_state: Any) -> None:
    workshop = live_server.inventering_workshop("Tangentbordet: moderering",
                                                pre_moderation=True)
    status, joined = live_server.request("POST", "/api/v1/join", {
        "join_code": workshop["join_code"], "stakeholder_group": "unga"})
    assert status == 201, joined
    token = joined["participant_token"]
    ids = []
    for n, text in enumerate(["Ring mig på 070-123 45 67, parken behöver mer ljus.",
                              "Han på hörnet är farlig, alla vet vem."]):
        status, body = live_server.request(
            "POST", f"/api/v1/workshops/{workshop['id']}/perspectives",
            {"text": text, "kind": "idea", "client_id": f"kb-{n}"}, token=token)
        assert status == 201, body
        ids.append(body["id"])

    tablet = new_page(TABLET, storage_state=facilitator_state, mobile=False)
    tablet.goto(f"/facilitator/workshops/{workshop['id']}")
    wait_online(tablet)
    first = tablet.locator(f'#feed > li[data-id="{ids[0]}"]')
    second = tablet.locator(f'#feed > li[data-id="{ids[1]}"]')
    expect(first).to_contain_text("Väntar")

    # Edit away the phone number and approve the edit: Tab, Enter, type, Tab, type, Enter.
    # The box opens on the guard's suggestion; the list of findings and the way back to the
    # original come before the text, so Tab on until the text has the focus.
    tab_to(tablet, f'#feed > li[data-id="{ids[0]}"] .redact-box summary')
    tablet.keyboard.press("Enter")
    tab_to(tablet, f'#feed > li[data-id="{ids[0]}"] textarea', limit=6)
    expect(first.locator("textarea")).to_be_focused()
    tablet.keyboard.press("ControlOrMeta+a")
    tablet.keyboard.type("Parken behöver mer ljus.")
    tablet.keyboard.press("Tab")
    expect(first.locator('input[name="reason"]')).to_be_focused()
    tablet.keyboard.type("Telefonnumret togs bort")
    tablet.keyboard.press("Tab")
    tablet.keyboard.press("Enter")
    expect(first).to_contain_text("Godkänd")
    expect(first.locator(".p-card__text")).to_have_text("Parken behöver mer ljus.")

    # Hide the other with a reason, from the same box.
    tab_to(tablet, f'#feed > li[data-id="{ids[1]}"] .redact-box summary')
    tablet.keyboard.press("Enter")
    tab_to(tablet, f'#feed > li[data-id="{ids[1]}"] input[name="reason"]')
    tablet.keyboard.type("Texten pekar ut en enskild person")
    tab_to(tablet, f'#feed > li[data-id="{ids[1]}"] .redact-form .button--hide')
    tablet.keyboard.press("Enter")
    expect(second.locator(".status")).to_contain_text("Dold")
    violations = axe_violations(tablet)
    assert not violations, describe_violations(violations)

    # The author's phone says what was changed and why, and why the other was hidden.
    phone = new_page(NARROW_PHONE)
    phone.context.add_init_script(
        f"localStorage.setItem('dialog.token.{workshop['id']}', '{token}')")
    phone.goto(f"/w/{workshop['id']}/sent")
    wait_online(phone)
    mine = phone.locator("#sent-list")
    expect(mine).to_contain_text("Telefonnumret togs bort")
    expect(mine).to_contain_text("Texten pekar ut en enskild person")
    expect(mine).not_to_contain_text("070-123")

    # Rename a theme of the demo's map with the keyboard.
    open_map(tablet, live_server.demo["process_id"])
    tab_to(tablet, "#theme-list .theme-rename__box summary")
    tablet.keyboard.press("Enter")
    tablet.keyboard.press("Tab")
    box = tablet.locator("#theme-list .theme-rename__box").first
    expect(box.locator("input")).to_be_focused()
    tablet.keyboard.press("ControlOrMeta+a")
    tablet.keyboard.type("Trygga vägar hem")
    tablet.keyboard.press("Enter")
    expect(box.locator(".status-region")).to_contain_text("Trygga vägar hem")


POSITIONS = """() => {
    const cy = document.getElementById('map-canvas')._cyreg.cy;  // Cytoscape's own handle
    return Object.fromEntries(cy.nodes().map((n) => [n.id(),
        [Math.round(n.position('x')), Math.round(n.position('y'))]]));
}"""


def test_the_tablet_and_the_wall_draw_the_same_picture_every_time(
        live_server: Any, new_page: Any, facilitator_state: Any) -> None:
    """The layout is computed once per analysis and stored: the tablet's graph and the
    wall's place every node alike, and a reload does not shuffle them."""
    pid = live_server.demo["process_id"]
    tablet = new_page(TABLET, storage_state=facilitator_state)
    open_map(tablet, pid)
    tablet.get_by_role("button", name="Karta (expertvy)").click()
    expect(tablet.locator("#map-canvas")).to_be_visible()
    wall = new_page(WALL, storage_state=facilitator_state, mobile=False)
    open_map(wall, pid, "/map/projector")
    expect(wall.locator("#map-canvas")).to_have_attribute("data-label-px", re.compile(r"^\d"))
    on_tablet, on_wall = tablet.evaluate(POSITIONS), wall.evaluate(POSITIONS)
    assert len(on_tablet) > 5
    shared = set(on_tablet) & set(on_wall)
    assert len(shared) >= len(on_tablet) * 0.8, (sorted(on_tablet), sorted(on_wall))
    assert {n: on_tablet[n] for n in shared} == {n: on_wall[n] for n in shared}
    tablet.reload()
    open_map(tablet, pid)
    expect(tablet.locator("#map-canvas")).to_be_visible()  # the graph view is remembered
    again = tablet.evaluate(POSITIONS)
    assert {n: again[n] for n in shared} == {n: on_tablet[n] for n in shared}


def test_the_wall_follows_a_vote_and_the_minoritys_conditions_live(
        live_server: Any, new_page: Any, facilitator_state: Any) -> None:
    """Konkretisering on a 1920 x 1080 wall: the vote's bars move as phones vote, and what
    the minority says it would take appears once said, without a reload, at 28 px or more."""
    workshop = live_server.inventering_workshop("Väggen: omröstningen",
                                                groups=("unga", "polis", "skola"))
    pid, token = workshop["process_id"], live_server.token

    def call(method: str, path: str, body: Any = None, as_: str | None = None) -> Any:
        status, answer = live_server.request(method, path, body, token=as_ or token)
        assert status < 300, (path, status, answer)
        return answer

    phones = [call("POST", "/api/v1/join", {"join_code": workshop["join_code"],
                                            "stakeholder_group": group}, as_="")
              ["participant_token"] for group in ("unga", "polis", "skola")]
    written = call("POST", f"/api/v1/workshops/{workshop['id']}/perspectives",
                   {"text": "Tänd parken på kvällen.", "kind": "idea", "client_id": "vw-1"},
                   as_=phones[0])
    for kind in ("larande_samtal", "konkretisering"):
        call("POST", f"/api/v1/processes/{pid}/phases", {"kind": kind})
    park = call("POST", f"/api/v1/processes/{pid}/alternatives",
                {"title": "Tänd parken", "perspective_ids": [written["id"]]})
    vote = call("POST", f"/api/v1/alternatives/{park['id']}/votes")

    wall = new_page(WALL, storage_state=facilitator_state, mobile=False)
    wall.goto(f"/facilitator/workshops/{workshop['id']}/projector")
    wall.locator('#wall[data-connection="online"]').wait_for()
    expect(wall.locator(".wall-vote")).to_contain_text("Tänd parken", timeout=30_000)
    wall.evaluate("window.__sameDocument = true")
    for n, (phone, value) in enumerate(zip(phones, ("for", "for", "against"), strict=True)):
        call("POST", f"/api/v1/vote-rounds/{vote['id']}/votes",
             {"value": value, "client_id": f"vw-v{n}"}, as_=phone)
    expect(wall.locator(".wall-vote .wall-bar--for .wall-bar__count")).to_have_text("2")
    expect(wall.locator(".wall-vote .wall-bar--against .wall-bar__count")).to_have_text("1")
    call("POST", f"/api/v1/vote-rounds/{vote['id']}/close")
    call("POST", f"/api/v1/vote-rounds/{vote['id']}/conditions",
         {"text": "Att ljuset inte bländar.", "client_id": "vw-c"}, as_=phones[2])
    expect(wall.locator(".wall-conditions")).to_contain_text("Att ljuset inte bländar.")
    assert wall.evaluate("window.__sameDocument === true"), "the wall reloaded"
    sizes = wall.evaluate("""() => [...document.querySelectorAll(
        '#wall-part .wall-bar, #wall-part .wall-conditions li, #wall-part .wall-note,'
        + ' #wall-part .wall-subheading, #wall-part .wall-alternative__title')]
        .filter((n) => n.offsetParent).map((n) => parseFloat(getComputedStyle(n).fontSize))""")
    assert sizes
    assert min(sizes) >= 28, sizes
    violations = axe_violations(wall)
    assert not violations, describe_violations(violations)

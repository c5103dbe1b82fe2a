"""Issue 12's "Done when", in one matrix: every page of the room on a 320 px phone, a
1024 x 768 tablet and a 1920 x 1080 projector, with zero axe-core violations (WCAG 2.1 A and
AA, plus the best practice ``landmark-unique``) and no sideways scrolling.

The pages: the participant's (join, write, sent with a redacted and a hidden perspective and
their reasons, react, lärande samtal, konkretisering with a check-back, an open vote and a
minority question), the facilitator's (dashboard, process, the workshop console in each
phase, moderation, the phase consoles, the map as cards, as a graph and with a theme being
renamed, the phase change with its confirmation and its undo, closing a phase, the
publication preview), the wall in each phase (inventering, lärande samtal, konkretisering
with support bars, an open vote and a closed one with the minority's conditions, the pause
screen, the map on the wall) and the public publication and report.

One server and one browser (the session's), the scene seeded once per module over the API,
one facilitator and one participant context per viewport, reused by every page. The scene
is in ``room_scene``, the checks in ``room_checks``, the way to each page in ``room_visits``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    screenshot,
)
from tests.browser.room_checks import check
from tests.browser.room_scene import VIEWPORTS, seed
from tests.browser.room_visits import PAGES

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def scene(live_server: Any) -> dict[str, Any]:
    return seed(live_server)


# ------------------------------------------------------------------ contexts, one per viewport

@pytest.fixture(scope="module")
def screens(browser: Any, live_server: Any, facilitator_state: Any,
            scene: dict[str, Any]) -> Iterator[dict[tuple[str, str], Any]]:
    """(viewport, who) -> a page, for who in facilitator and participant."""
    tokens = "".join(f"localStorage.setItem('dialog.token.{wid}', '{token}');"
                     for wid, token in scene["tokens"].items())
    contexts, pages = [], {}
    for name, viewport in VIEWPORTS.items():
        mobile = viewport["width"] < 600
        for who in ("facilitator", "participant"):
            context = browser.new_context(
                base_url=live_server.url, viewport=viewport, locale="sv-SE",
                storage_state=facilitator_state if who == "facilitator" else None,
                is_mobile=mobile, has_touch=mobile, reduced_motion="reduce")
            context.set_default_timeout(15_000)
            if who == "participant":
                context.add_init_script(tokens)
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
            page.js_errors = errors
            contexts.append(context)
            pages[(name, who)] = page
    yield pages
    for context in contexts:
        context.close()


@pytest.mark.parametrize("size", list(VIEWPORTS))
@pytest.mark.parametrize("name", list(PAGES))
def test_every_room_page_passes_axe_and_fits(
        name: str, size: str, screens: dict[tuple[str, str], Any],
        scene: dict[str, Any]) -> None:
    who, visit = PAGES[name]
    page = screens[(size, who)]
    page.js_errors.clear()
    visit(page, scene)
    screenshot(page, f"matrix-{name}-{size}")
    check(page, name, VIEWPORTS[size])
    assert not page.js_errors, page.js_errors


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_a_phase_change_its_confirmation_and_its_undo_pass_axe(
        size: str, screens: dict[tuple[str, str], Any], live_server: Any) -> None:
    """The undo lasts a minute, so each viewport changes the phase of a process of its own."""
    workshop = live_server.inventering_workshop(f"Rummet: fasbyte {size}")
    page = screens[(size, "facilitator")]
    viewport = VIEWPORTS[size]
    page.goto(f"/facilitator/workshops/{workshop['id']}")
    page.locator("#phase-change").click()
    page.wait_for_url("**/phases/confirm**")
    expect(page.get_by_role("radio", name="Lärande samtal (föreslås)")).to_be_checked()
    check(page, "phase-confirm", viewport)
    page.locator("#confirm-open-button").click()
    expect(page.locator("#phase-now")).to_contain_text("Pågående fas: Lärande samtal, runda 1")
    expect(page.get_by_role("button", name="Ångra fasbytet")).to_be_visible()
    check(page, "phase-undo", viewport)
    page.get_by_role("button", name="Ångra fasbytet").click()
    expect(page.locator("#phase-now")).to_contain_text("Pågående fas: Inventering, runda 1")
    check(page, "phase-undone", viewport)

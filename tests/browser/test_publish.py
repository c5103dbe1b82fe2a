"""The published summary in a real browser: WCAG 2.1 AA by axe-core, 320 px, keyboard, print."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    NARROW_PHONE,
    PHONE,
    TABLET,
    axe_violations,
    describe_violations,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def published(live_server: Any) -> dict[str, Any]:
    """The demo (published as version 1 by ``dialog demo``) published once more as version 2."""
    status, body = live_server.request(
        "POST", f"/api/v1/processes/{live_server.demo['process_id']}/publications",
        {"note": "Andra versionen, efter webbläsartestet."}, token=live_server.token)
    assert status == 201, body
    return {"slug": live_server.demo["slug"], "latest": body["version"]}


def _paths(published: dict[str, Any]) -> dict[str, str]:
    slug = published["slug"]
    return {
        "public": f"/p/{slug}",
        "version-1": f"/p/{slug}/v/1",
        "version-latest": f"/p/{slug}/v/{published['latest']}",
        "report": f"/p/{slug}/report.html",
        "report-version-1": f"/p/{slug}/v/1/report.html",
        "statement": "/tillganglighet",
        "nothing-published": "/p/finns-inte-annu",
    }


CASES = [(name, "sv-SE") for name in ("public", "version-1", "version-latest", "report",
                                      "report-version-1", "statement", "nothing-published")]
CASES += [(name, "en-GB") for name in ("public", "report", "statement")]


@pytest.mark.parametrize(("name", "locale"), CASES)
def test_published_pages_have_no_axe_violations_and_fit_320px(
        name: str, locale: str, new_page: Callable[..., Any], published: dict[str, Any]):
    page = new_page(TABLET, locale=locale)
    page.goto(_paths(published)[name] + f"?lang={locale[:2]}")
    assert page.evaluate("document.documentElement.lang") == locale[:2]
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("main")).to_have_count(1)
    if name.startswith(("public", "version")):
        page.locator("details.pub-details summary").first.click()  # the appendix too
    violations = axe_violations(page)
    assert not violations, f"axe found problems on {name}:\n" + describe_violations(violations)
    page.set_viewport_size(NARROW_PHONE)
    page.wait_for_timeout(100)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW_PHONE["width"], f"{name} scrolls sideways at 320 px ({width} px)"
    assert not page.js_errors, page.js_errors


def test_the_console_publication_page_has_no_axe_violations(
        new_page: Callable[..., Any], facilitator_state: Any, live_server: Any,
        published: dict[str, Any]):
    page = new_page(TABLET, storage_state=facilitator_state)
    page.goto(f"/facilitator/processes/{live_server.demo['process_id']}/publication")
    expect(page.locator("h1")).to_have_text("Publicera sammanfattningen")
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)
    page.set_viewport_size(NARROW_PHONE)
    page.wait_for_timeout(100)
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW_PHONE["width"]


def test_a_reader_finds_everything_by_keyboard(new_page: Callable[..., Any],
                                              published: dict[str, Any]):
    page = new_page(PHONE)
    page.goto(f"/p/{published['slug']}")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    summary = page.locator("#perspectives summary")
    for _ in range(80):
        page.keyboard.press("Tab")
        if summary.evaluate("el => el === document.activeElement"):
            break
    expect(summary).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#perspectives details")).to_have_attribute("open", "")
    expect(page.locator("#perspectives .pub-quote").first).to_be_visible()


def test_the_page_reads_well_in_print(new_page: Callable[..., Any], published: dict[str, Any],
                                      tmp_path: Path):
    page = new_page(TABLET)
    page.goto(f"/p/{published['slug']}")
    page.emulate_media(media="print")
    expect(page.locator(".pub-toc")).to_be_hidden()
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.locator("#downloads")).to_be_hidden()
    expect(page.locator("#participation")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= TABLET["width"]
    folder = Path(os.environ.get("DIALOG_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / "publish-print.png"), full_page=True)
    pdf = page.pdf(format="A4")  # Chromium's own print of the page, as a reader would get it
    assert pdf.startswith(b"%PDF-")
    (folder / "publish-print.pdf").write_bytes(pdf)


def test_the_version_page_shows_what_changed(new_page: Callable[..., Any],
                                            published: dict[str, Any]):
    page = new_page(PHONE)
    page.goto(f"/p/{published['slug']}/v/{published['latest']}")
    expect(page.locator("#changes h2")).to_have_text(
        f"Nytt sedan version {published['latest'] - 1}")
    page.goto(f"/p/{published['slug']}/v/1")
    expect(page.get_by_role("link", name="Se den senaste versionen")).to_be_visible()


def test_the_report_opens_without_errors_in_the_browser_console(
        new_page: Callable[..., Any], published: dict[str, Any]):
    """A secretary opening the committee report saw "Failed to load resource: 404" in the
    console: the report has a <head> of its own and the browser asked for /favicon.ico."""
    page = new_page(TABLET)
    console_errors: list[str] = []
    page.on("console", lambda message: message.type == "error"
            and console_errors.append(message.text))
    page.goto(_paths(published)["report"])
    expect(page.locator("h1")).to_have_count(1)
    page.wait_for_timeout(500)
    assert not console_errors, console_errors
    assert page.request.get("/favicon.ico").status == 200

"""What the room matrix checks on every page: axe-core (WCAG 2.1 A and AA, and
``landmark-unique``), no sideways scrolling, no control out of reach; and the waits for a
page's live connection."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from tests.browser.conftest import (
    AXE_TAGS,
    describe_violations,
    too_wide,
)

# ------------------------------------------------------------------ axe and width

_AXE_SOURCE: list[str] = []


def violations(page: Any) -> list[dict[str, Any]]:
    """axe-core with the WCAG 2.1 A and AA tags, and landmark-unique as well."""
    if not _AXE_SOURCE:
        import axe_playwright_python  # a test dependency, read once per module

        script = Path(axe_playwright_python.__file__).parent / "axe.min.js"
        _AXE_SOURCE.append(script.read_text(encoding="utf-8"))
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_AXE_SOURCE[0])
    result = page.evaluate("""tags => axe.run(document, {
        runOnly: {type: 'tag', values: tags},
        rules: {'landmark-unique': {enabled: true}}})""", AXE_TAGS)
    return list(result["violations"])


def out_of_reach(page: Any, width: int) -> list[str]:
    """Controls drawn past the viewport's sides: clipped away (an ``overflow: hidden``
    ancestor hides them from ``scrollWidth``), so no finger and no eye reaches them."""
    return list(page.evaluate("""(width) => [...document.querySelectorAll(
        'a[href], button, input, select, textarea, summary, [tabindex]')]
        .filter((node) => {
          if (node.closest('.visually-hidden, .skip-link, [hidden], [inert]')) return false;
          // Not drawn at all (display: none, a closed <details>, visibility: hidden).
          if (!node.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true}))
            return false;
          const box = node.getBoundingClientRect();
          if (!(box.width > 1 && box.height > 1 && (box.right > width + 1 || box.left < -1)))
            return false;
          // Inside a box that scrolls sideways itself (a wide table): reachable by scrolling.
          for (let up = node.parentElement; up && up !== document.body; up = up.parentElement) {
            const x = getComputedStyle(up).overflowX;
            if ((x === 'auto' || x === 'scroll') && up.scrollWidth > up.clientWidth) {
              const own = up.getBoundingClientRect();
              return own.right > width + 1 || own.left < -1;
            }
          }
          return true;
        })
        .slice(0, 8).map((node) => node.tagName + '#' + node.id + '.' + node.className
          + ' ' + (node.textContent || '').trim().slice(0, 30))""", width))


def check(page: Any, name: str, viewport: dict[str, int]) -> None:
    found = violations(page)
    assert not found, f"axe on {name} at {viewport['width']}px:\n" + describe_violations(found)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], (
        f"{name} scrolls sideways at {viewport['width']}px ({width}px): "
        f"{too_wide(page, viewport['width'])}")
    clipped = out_of_reach(page, viewport["width"])
    assert not clipped, f"{name} at {viewport['width']}px: controls out of reach {clipped}"


# ------------------------------------------------------------------ the pages

def online(page: Any) -> None:
    page.locator('#connection[data-state="online"]').wait_for()


def wall_online(page: Any) -> None:
    page.locator('#wall[data-connection="online"]').wait_for()


def map_ready(page: Any) -> None:
    online(page)
    expect(page.locator("#map-page")).to_have_attribute("data-computed-at", re.compile(r"\d"))

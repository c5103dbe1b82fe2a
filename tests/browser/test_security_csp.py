"""Finding 9 (web), in a real Chromium: every page of the demo works under the
Content-Security-Policy (no inline script), with no CSP violation reported."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import CHROMIUM, TABLET, join, wait_online

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine")]

#: Collects every violation the page reports; an init script is not subject to the CSP.
LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__csp.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`);
});
"""


def watched(page: Any) -> list[str]:
    """Console errors about the policy, gathered as the page runs."""
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.add_init_script(LISTEN)
    return messages


def violations(page: Any, console: list[str]) -> list[str]:
    return [*console, *page.evaluate("window.__csp || []")]


def test_every_demo_page_runs_under_the_policy(new_page, facilitator_state,
                                                live_server):
    page = new_page(TABLET, storage_state=facilitator_state)
    console = watched(page)
    urls = [url for url in live_server.demo["urls"].values()
            if isinstance(url, str) and url.startswith(live_server.url)
            and not url.endswith((".pdf", ".zip", ".json", ".csv"))]
    assert len(urls) >= 5
    for url in urls:
        response = page.goto(url)
        assert response is not None, url
        assert response.status < 400, url
        assert "script-src 'self'" in response.headers.get("content-security-policy", ""), url
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)
        assert violations(page, console) == [], url
    assert page.js_errors == []


def test_the_live_console_and_the_phone_work_under_the_policy(
        new_page, facilitator_state, live_server):
    workshop = live_server.new_workshop("CSP i verkligheten")
    console_page = new_page(TABLET, storage_state=facilitator_state)
    console_messages = watched(console_page)
    console_page.goto(f"/facilitator/workshops/{workshop['id']}")
    wait_online(console_page)

    phone = new_page()
    phone_messages = watched(phone)
    join(phone, workshop["join_code"])
    phone.get_by_label("Ditt perspektiv").fill("Fler vuxna ute på kvällarna")
    phone.locator('input[name="kind"]').first.check()
    phone.get_by_role("button", name="Skicka").click()
    console_page.get_by_text("Fler vuxna ute på kvällarna").first.wait_for()

    assert violations(console_page, console_messages) == []
    assert violations(phone, phone_messages) == []
    assert console_page.js_errors == []
    assert phone.js_errors == []

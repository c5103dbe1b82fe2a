"""Browser tests: a real `dialog serve` subprocess driven by a real Chromium.

The server is started exactly as a municipality would start it (``dialog db upgrade``,
``dialog demo --json``, ``dialog serve``), once per test session. Each test gets fresh
browser contexts: a phone (360 x 740) and a tablet (1024 x 768) whose facilitator logged in
through the login form.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 360, "height": 740}
NARROW_PHONE = {"width": 320, "height": 640}
TABLET = {"width": 1024, "height": 768}
PROJECTOR = {"width": 1280, "height": 720}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: Set DIALOG_SCREENSHOTS=/some/dir to keep screenshots of the main screens.
SCREENSHOT_DIR = os.environ.get("DIALOG_SCREENSHOTS")

if CHROMIUM is not None:
    from playwright.sync_api import expect

    # A loaded CI machine (2 cores, many suites) is slower than a laptop: wait up to 10 s.
    expect.set_options(timeout=10_000)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).parent == here:
            item.add_marker(pytest.mark.browser)
            if CHROMIUM is None:
                item.add_marker(pytest.mark.skip(
                    reason="no Chromium on this machine (apt-get install chromium)"))


# ------------------------------------------------------------------ the real server

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _dialog(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "dialog", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=180, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"dialog {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


@dataclass
class LiveServer:
    url: str
    demo: dict[str, Any]
    log: Path
    _token: str | None = field(default=None, repr=False)

    @property
    def email(self) -> str:
        return str(self.demo["facilitator"]["email"])

    @property
    def password(self) -> str:
        return str(self.demo["facilitator"]["password"])

    def request(self, method: str, path: str, body: Any = None,
                token: str | None = None) -> tuple[int, Any]:
        headers = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if token:
            headers["Authorization"] = f"Bearer {token}"
        request = urllib.request.Request(self.url + path, data=data, headers=headers,
                                         method=method)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            with error:
                return error.code, json.loads(error.read() or b"null")

    @property
    def token(self) -> str:
        """A facilitator bearer token from POST /api/v1/auth/token."""
        if self._token is None:
            status, body = self.request("POST", "/api/v1/auth/token",
                                        {"email": self.email, "password": self.password})
            assert status == 200, body
            self._token = body["token"]
        return self._token

    def perspectives(self, process_id: int | None = None) -> list[dict[str, Any]]:
        process_id = process_id or self.demo["process_id"]
        status, body = self.request("GET", f"/api/v1/processes/{process_id}/perspectives",
                                    token=self.token)
        assert status == 200, body
        return list(body["perspectives"])

    def new_workshop(self, title: str, *, pre_moderation: bool = False) -> dict[str, Any]:
        """A fresh workshop in the demo process, so tests do not see each other's rows."""
        status, body = self.request(
            "POST", f"/api/v1/processes/{self.demo['process_id']}/workshops",
            {"title": title, "pre_moderation": pre_moderation}, token=self.token)
        assert status == 201, body
        return dict(body)


    def inventering_workshop(self, title: str, *, pre_moderation: bool = False,
                             groups: tuple[str, ...] = ("unga", "vårdnadshavare", "skola",
                                                        "polis")) -> dict[str, Any]:
        """A workshop in a process of its own, in inventering (the demo is further on, and
        the wall follows the phase); ``process_id`` is added to the workshop."""
        status, process = self.request("POST", "/api/v1/processes", {
            "title": title, "question": "Vad gör Varberg tryggt?",
            "stakeholder_groups": list(groups)}, token=self.token)
        assert status == 201, process
        status, body = self.request(
            "POST", f"/api/v1/processes/{process['id']}/workshops",
            {"title": title, "pre_moderation": pre_moderation}, token=self.token)
        assert status == 201, body
        return {"process_id": process["id"], **body}


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """`dialog serve` on a free port, over a fresh SQLite database seeded by `dialog demo`."""
    tmp = tmp_path_factory.mktemp("browser-server")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIALOG_")}
    env |= {
        "DIALOG_DATABASE_URL": f"sqlite:///{tmp / 'browser.sqlite3'}",
        "DIALOG_INSTANCE_DIR": str(tmp),
        "DIALOG_SECRET_KEY": "test",
        # Mail is offered (the subscription form shows); nothing listens, so nothing is sent.
        "DIALOG_SMTP_URL": "smtp://127.0.0.1:9",
        "PYTHONUNBUFFERED": "1",
    }
    _dialog(env, "db", "upgrade")
    demo = json.loads(_dialog(env, "demo", "--json", "--port", str(port)).strip().splitlines()[-1])
    log = tmp / "server.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "dialog", "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env, cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"dialog serve exited:\n{log.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("dialog serve did not answer /healthz within 30 s")
            time.sleep(0.1)
        yield LiveServer(url=url, demo=demo, log=log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


# ------------------------------------------------------------------ the browser

@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser: Any, live_server: LiveServer) -> Iterator[Callable[..., Any]]:
    """Factory: a page in a fresh context (its own cookies and localStorage)."""
    contexts: list[Any] = []

    def make(viewport: dict[str, int] = PHONE, *, storage_state: Any = None,
             locale: str = "sv-SE", mobile: bool | None = None) -> Any:
        mobile = viewport["width"] < 600 if mobile is None else mobile
        context = browser.new_context(
            base_url=live_server.url, viewport=viewport, locale=locale,
            storage_state=storage_state, is_mobile=mobile, has_touch=mobile,
            reduced_motion="reduce",
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.js_errors = errors  # checked by tests that care
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def facilitator_state(browser: Any, live_server: LiveServer) -> Any:
    """Log in once through the real login form; tablets reuse the session cookie."""
    context = browser.new_context(base_url=live_server.url, viewport=TABLET, locale="sv-SE")
    page = context.new_page()
    page.goto("/facilitator/login")
    page.get_by_label("E-postadress").fill(live_server.email)
    page.get_by_label("Lösenord").fill(live_server.password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/facilitator/")
    state = context.storage_state()
    context.close()
    return state


@pytest.fixture
def phone(new_page: Callable[..., Any]) -> Any:
    return new_page(PHONE)


@pytest.fixture
def tablet(new_page: Callable[..., Any], facilitator_state: Any) -> Any:
    return new_page(TABLET, storage_state=facilitator_state)


@pytest.fixture
def workshop(live_server: LiveServer, request: pytest.FixtureRequest) -> dict[str, Any]:
    """A fresh open workshop (no pre-moderation) named after the test."""
    return live_server.new_workshop(request.node.name[:150])


# ------------------------------------------------------------------ helpers for tests

#: A phase's phone screen, where joining lands (through ``/w/<id>/now``, which it is not).
PHONE_SCREEN = re.compile(r"/w/\d+(/(samtal|konkret))?$")


def join(page: Any, join_code: str, group: str | None = None) -> int:
    """Join on a phone through the join page and go to the write page; returns the workshop
    id. Joining lands on the open phase's screen: the demo's meetings (``workshop``) are in
    konkretisering, and these tests write perspectives there."""
    page.goto(f"/j/{join_code}")
    if group:
        page.locator(f'input[name="stakeholder_group"][value="{group}"]').check()
    page.get_by_role("button", name="Gå med").click()
    page.wait_for_url(PHONE_SCREEN)
    found = re.search(r"/w/(\d+)", page.url)
    assert found, page.url
    workshop_id = int(found.group(1))
    if not page.url.endswith(f"/w/{workshop_id}"):
        page.goto(f"/w/{workshop_id}")
    wait_online(page)
    return workshop_id


def wait_online(page: Any) -> None:
    page.locator('#connection[data-state="online"]').wait_for()


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core (from axe_playwright_python) on the page for WCAG 2.1 A and AA."""
    import axe_playwright_python

    script = Path(axe_playwright_python.__file__).parent / "axe.min.js"
    # Evaluated, not added as an inline <script>: the pages' CSP forbids inline script.
    page.evaluate(script.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return list(result["violations"])


def too_wide(page: Any, width: int) -> list[str]:
    """The outermost elements that reach past ``width`` pixels."""
    return list(page.evaluate("""(width) => [...document.querySelectorAll('body *')]
        .filter((node) => node.getBoundingClientRect().right > width + 1
          && node.parentElement.getBoundingClientRect().right <= width + 1)
        .slice(0, 8).map((node) => node.tagName + '#' + node.id + '.' + node.className)""",
        width))


def describe_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {', '.join(map(str, node['target']))}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"       {summary[:300]}")
    return "\n".join(lines)


def screenshot(page: Any, name: str, *, full_page: bool = False) -> None:
    """Keep a screenshot when DIALOG_SCREENSHOTS names a folder (never inside the repo)."""
    if SCREENSHOT_DIR:
        Path(SCREENSHOT_DIR).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOT_DIR) / f"{name}.png"), full_page=full_page)

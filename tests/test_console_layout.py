"""Every facilitator page reachable from the demo sits in the one console layout.

The layout (``templates/console/layout.html``) carries the navigation with the log-out
form; a page that copies its own header instead loses it (the issue's samtal, konkret and
publish consoles had no way to log out).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

from dialog.demo import DEMO_EMAIL, DEMO_PASSWORD, build_demo
from dialog.extensions import db
from tests.test_console_pages import log_in

LOGOUT = re.compile(r'<form[^>]*method="post"[^>]*action="/facilitator/logout"')
#: Wall displays for a projector: no navigation on purpose.
WALLS = {"projector", "map_projector"}
PAGES = ["dashboard", "new_process", "process", "workshop_console", "map", "samtal_console",
         "konkret_console", "proposals", "proposal_trace", "publication", "team", "follow_up",
         "owner_updates"]


@pytest.fixture
def demo_pages(app: Flask, client: FlaskClient) -> dict[str, str]:
    """The demo's facilitator pages by name (path only), with the console logged in."""
    with db.transaction() as session:
        urls = build_demo(session).as_dict("http://dialog.test")["urls"]
    process = urlsplit(urls["process"]).path
    found = {name: urlsplit(url).path for name, url in urls.items()
             if "/facilitator/" in url and name not in WALLS | {"facilitator_login"}}
    found |= {"dashboard": "/facilitator/", "new_process": "/facilitator/processes/new",
              "publication": f"{process}/publication"}
    assert log_in(client, DEMO_EMAIL, DEMO_PASSWORD).status_code == 302
    return found


def without_log_out(client: FlaskClient, pages: dict[str, str]) -> list[str]:
    """The pages (of those given) that fail to load or lack the log-out form."""
    missing = []
    for name, path in pages.items():
        response = client.get(path)
        page = response.get_data(as_text=True)
        if response.status_code != 200 or not LOGOUT.search(page) or page.count(
                'class="breadcrumb"') > 1:
            missing.append(f"{name} {path} ({response.status_code})")
    return missing


def test_every_facilitator_page_of_the_demo_offers_log_out(client: FlaskClient, demo_pages):
    assert sorted(demo_pages) == sorted(PAGES)
    assert without_log_out(client, demo_pages) == []


def test_the_login_page_offers_no_log_out(client: FlaskClient):
    page = client.get("/facilitator/login").get_data(as_text=True)
    assert not LOGOUT.search(page)

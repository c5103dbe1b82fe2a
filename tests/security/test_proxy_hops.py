"""Behind a reverse proxy the throttles count the client's address, never a forged one.

``DIALOG_PROXY_HOPS`` says how many proxies stand in front of `dialog serve`; each appends
the address it saw to ``X-Forwarded-For``. Only those last entries are read: an address a
client wrote into the header itself is ignored, and without the setting the header is not
read at all (the TCP peer is counted, as before).
"""

from __future__ import annotations

from dataclasses import replace

from dialog.config import Settings
from dialog.web.app import create_app
from dialog.web.throttling import client_address


def address(settings: Settings, hops: int, forwarded: list[str]) -> str:
    app = create_app(replace(settings, proxy_hops=hops), TESTING=True)
    headers = [("X-Forwarded-For", value) for value in forwarded]
    with app.test_request_context("/", headers=headers,
                                  environ_base={"REMOTE_ADDR": "10.0.0.2"}):
        return client_address()


def test_without_the_setting_the_header_is_not_read(settings: Settings) -> None:
    assert address(settings, 0, ["203.0.113.7"]) == "10.0.0.2"


def test_one_proxy_gives_the_address_it_saw(settings: Settings) -> None:
    assert address(settings, 1, ["203.0.113.7"]) == "203.0.113.7"


def test_an_address_the_client_wrote_itself_is_ignored(settings: Settings) -> None:
    # The client sent "X-Forwarded-For: 198.51.100.1"; nginx appended the real peer.
    assert address(settings, 1, ["198.51.100.1, 203.0.113.7"]) == "203.0.113.7"
    assert address(settings, 1, ["198.51.100.1", "203.0.113.7"]) == "203.0.113.7"
    assert address(settings, 2, ["198.51.100.1, 203.0.113.7, 10.0.0.9"]) == "203.0.113.7"


def test_too_few_entries_fall_back_to_the_peer(settings: Settings) -> None:
    assert address(settings, 2, ["203.0.113.7"]) == "10.0.0.2"
    assert address(settings, 1, []) == "10.0.0.2"


def test_the_setting_is_read_from_the_environment() -> None:
    base = {"DIALOG_DATABASE_URL": "sqlite://", "DIALOG_SECRET_KEY": "k"}
    assert Settings.from_env(base).proxy_hops == 0
    assert Settings.from_env(base | {"DIALOG_PROXY_HOPS": "1"}).proxy_hops == 1
    assert Settings.from_env(base | {"DIALOG_PROXY_HOPS": "many"}).proxy_hops == 0

"""Join links and QR codes carry an address phones in the room can reach."""

from __future__ import annotations

import ipaddress

from click.testing import CliRunner

from dialog.web.join_address import LISTEN_KEY, lan_address, room_base_url
from tests.conftest import bearer


def test_the_public_url_wins_over_everything():
    assert room_base_url("https://dialog.varberg.se/", ("0.0.0.0", 5000),
                         "http://127.0.0.1:5000/") == "https://dialog.varberg.se"


def test_a_server_on_every_interface_hands_out_its_network_address():
    found = lan_address()
    base = room_base_url(None, ("0.0.0.0", 5123), "http://127.0.0.1:5123/")
    if found is None:  # a machine with no network at all keeps the browser's address
        assert base == "http://127.0.0.1:5123"
    else:
        assert base == f"http://{found}:5123"
        assert not ipaddress.ip_address(found).is_loopback


def test_a_server_on_loopback_keeps_the_address_the_browser_used():
    assert room_base_url(None, ("127.0.0.1", 5000), "http://127.0.0.1:5000/") == \
        "http://127.0.0.1:5000"
    assert room_base_url(None, None, "http://dialog.test/") == "http://dialog.test"


def test_the_workshop_api_and_the_wall_use_the_room_address(app, client, world):
    app.config[LISTEN_KEY] = ("0.0.0.0", 5000)
    found = lan_address() or "dialog.test"
    body = client.get(f"/api/v1/workshops/{world.workshop_id}",
                      headers=bearer(world.facilitator_token)).get_json()
    assert body["join_url"].endswith(f"/j/{world.join_code}")
    assert found in body["join_url"]


def test_serve_prints_the_join_address(monkeypatch, tmp_path):
    from dialog.cli import serve as serve_module
    from dialog.extensions import socketio

    started: dict[str, object] = {}
    monkeypatch.setattr(socketio, "run", lambda app, **kw: started.update(kw, app=app))
    monkeypatch.setenv("DIALOG_PUBLIC_URL", "https://rum.example/")
    monkeypatch.setenv("DIALOG_INSTANCE_DIR", str(tmp_path))
    monkeypatch.setenv("DIALOG_DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    result = CliRunner().invoke(serve_module.serve, ["--host", "0.0.0.0", "--port", "5001"])
    assert result.exit_code == 0, result.output
    assert "Deltagarna ansluter på https://rum.example/" in result.output
    assert started["port"] == 5001
    assert started["app"].config[LISTEN_KEY] == ("0.0.0.0", 5001)


def test_the_demo_prints_the_room_address_under_host_0000(tmp_path, monkeypatch):
    from dialog.cli import demo as demo_module

    monkeypatch.setenv("DIALOG_INSTANCE_DIR", str(tmp_path))
    monkeypatch.setenv("DIALOG_DATABASE_URL", f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    monkeypatch.delenv("DIALOG_PUBLIC_URL", raising=False)
    result = CliRunner().invoke(demo_module.demo, ["--host", "0.0.0.0", "--port", "5002"])
    assert result.exit_code == 0, result.output
    found = lan_address() or "0.0.0.0"
    assert f"http://{found}:5002/j/" in result.output

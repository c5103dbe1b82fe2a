"""Finding 5: a ``Host`` header is not where this instance lives.

The first request for a new version's ``data.zip`` or ``report.pdf`` renders and caches the
file; with ``Host: evil.example`` its links once pointed there for every later reader.
Links now come from ``DIALOG_PUBLIC_URL``, or from the request's host only when it is
trusted (``DIALOG_TRUSTED_HOSTS``, or loopback on a laptop with no configuration).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from dialog.config import Settings
from dialog.extensions import db
from dialog.models import Base
from dialog.web.app import create_app
from dialog.web.public_url import host_is_trusted, public_base_url
from tests.conftest import World, bearer

EVIL = {"Host": "evil.example"}


def readme(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("README.md").decode("utf-8")


def publish(client: FlaskClient, world: World) -> str:
    auth = bearer(world.facilitator_token)
    slug = client.get(f"/api/v1/processes/{world.process_id}", headers=auth).get_json()["slug"]
    made = client.post(f"/api/v1/processes/{world.process_id}/publications", json={},
                       headers=auth)
    assert made.status_code == 201, made.get_json()
    return str(slug)


def app_with(settings: Settings, **changes: Any) -> Flask:
    made = create_app(replace(settings, **changes), TESTING=True)
    Base.metadata.create_all(db.engine)
    return made


def test_a_foreign_host_never_reaches_the_cached_open_data(client: FlaskClient, world: World):
    slug = publish(client, world)
    first = client.get(f"/p/{slug}/data.zip", headers=EVIL)
    assert first.status_code == 200
    assert "evil.example" not in readme(first.data)
    later = client.get(f"/p/{slug}/data.zip")
    assert "evil.example" not in readme(later.data)
    assert f"/p/{slug}/v/1" in readme(later.data)


def test_the_public_url_names_the_files_links_whatever_the_host(settings: Settings,
                                                                world: World):
    app = app_with(settings, public_base_url="https://dialog.varberg.se")
    with app.app_context():
        client = app.test_client()
        slug = publish(client, world)
        text = readme(client.get(f"/p/{slug}/data.zip", headers=EVIL).data)
        assert f"https://dialog.varberg.se/p/{slug}/v/1" in text
        assert "evil.example" not in text
        joined = client.get(f"/api/v1/workshops/{world.workshop_id}",
                            headers=bearer(world.facilitator_token) | EVIL).get_json()
        assert joined["join_url"].startswith("https://dialog.varberg.se/j/")


def test_with_a_trusted_host_list_another_host_is_refused(settings: Settings, world: World):
    app = app_with(settings, trusted_hosts=("dialog.varberg.se",))
    with app.app_context():
        client = app.test_client()
        refused = client.get(f"/api/v1/workshops/{world.workshop_id}",
                             headers=bearer(world.facilitator_token) | EVIL)
        assert refused.status_code == 400
        served = client.get(f"/api/v1/workshops/{world.workshop_id}",
                            headers=bearer(world.facilitator_token)
                            | {"Host": "dialog.varberg.se"})
        assert served.get_json()["join_url"].startswith("http://dialog.varberg.se/j/")


def test_an_untrusted_host_is_a_clear_400_on_pages_and_the_health_check_too(settings: Settings):
    """Refused before routing, a page cannot build its links: the refusal is JSON, not a 500.

    ``/healthz`` behind HAProxy is asked with the listed name (``deploy/haproxy/dialog.cfg``).
    """
    app = app_with(settings, trusted_hosts=("dialog.example.org",))
    client = app.test_client()
    for path in ("/healthz", "/", "/facilitator/login"):
        refused = client.get(path, headers={"Host": "127.0.0.1:5001", "Accept": "text/html"})
        assert refused.status_code == 400, path
        assert refused.get_json()["error"]["code"] == "bad_request", path
    served = client.get("/healthz", headers={"Host": "dialog.example.org"})
    assert served.status_code == 200
    assert served.get_json()["status"] == "ok"


def test_which_hosts_are_trusted(app: Flask, settings: Settings):
    for host in ("localhost", "localhost:5000", "127.0.0.1:8080", "[::1]:5000"):
        assert host_is_trusted(host), host
    for host in ("evil.example", "dialog.test", "10.0.0.1:5000", "localhost.evil.example"):
        assert not host_is_trusted(host), host
    with app.test_request_context("/", headers=EVIL):
        assert public_base_url() is None
    with app.test_request_context("/", headers={"Host": "127.0.0.1:5000"}):
        assert public_base_url() == "http://127.0.0.1:5000"
    listed = app_with(settings, trusted_hosts=("dialog.varberg.se", "10.0.0.1:5000"))
    with listed.app_context():
        assert host_is_trusted("dialog.varberg.se:443")
        assert host_is_trusted("10.0.0.1:5000")
        assert not host_is_trusted("10.0.0.1:5001")
        assert not host_is_trusted("localhost")


def test_trusted_hosts_and_allowed_origins_are_read_from_the_environment(tmp_path):
    settings = Settings.from_env({
        "DIALOG_SECRET_KEY": "k", "DIALOG_INSTANCE_DIR": str(tmp_path),
        "DIALOG_TRUSTED_HOSTS": "Dialog.Varberg.se, 10.0.0.1:5000",
        "DIALOG_ALLOWED_ORIGINS": "https://intranat.varberg.se"})
    assert settings.trusted_hosts == ("dialog.varberg.se", "10.0.0.1:5000")
    assert settings.allowed_origins == ("intranat.varberg.se",)

"""Finding 9 (web): what every answer says to the browser about framing, sniffing, scripts
and caching, that the login cookie can be HTTPS-only, and HSTS on an https instance."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from flask.testing import FlaskClient

from dialog.config import Settings
from dialog.extensions import db
from dialog.models import Base
from dialog.web.app import create_app
from tests.conftest import World
from tests.security.web_session import log_in


def directives(policy: str) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    return {name: (rest[0] if rest else "") for name, *rest in parts}


def test_every_answer_forbids_framing_sniffing_and_inline_script(client: FlaskClient,
                                                                 world: World):
    for path in ("/", f"/j/{world.join_code}", "/facilitator/login", "/api/v1/openapi.json",
                 "/no/such/page", "/static/css/app.css"):
        response = client.get(path)
        response.close()
        assert response.headers["X-Content-Type-Options"] == "nosniff", path
        assert response.headers["Referrer-Policy"] == "same-origin", path
        assert response.headers["X-Frame-Options"] == "DENY", path
        policy = directives(response.headers["Content-Security-Policy"])
        assert policy["frame-ancestors"] == "'none'", path
        assert policy["script-src"] == "'self'", path
        assert "unsafe-inline" not in policy.get("script-src", ""), path
        assert policy["object-src"] == "'none'", path
        assert policy["base-uri"] == "'self'", path
        assert policy["form-action"] == "'self'", path


def test_pages_that_carry_a_token_are_never_stored(client: FlaskClient, world: World):
    log_in(client, world.facilitator_email)
    for path in (f"/facilitator/workshops/{world.workshop_id}",
                 f"/facilitator/workshops/{world.workshop_id}/projector",
                 f"/facilitator/processes/{world.process_id}", "/facilitator/",
                 f"/w/{world.workshop_id}", f"/j/{world.join_code}",
                 f"/api/v1/workshops/{world.workshop_id}"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "no-store" in response.headers.get("Cache-Control", ""), path


def test_the_login_cookie_is_https_only_when_asked(settings: Settings, world: World):
    secure = create_app(replace(settings, secure_cookies=True), TESTING=True,
                        SERVER_NAME="dialog.test")
    Base.metadata.create_all(db.engine)
    with secure.app_context():
        client = secure.test_client()
        response = log_in(client, world.facilitator_email)
    assert response.status_code == 302
    cookie = response.headers["Set-Cookie"]
    for attribute in ("Secure", "HttpOnly", "SameSite=Lax"):
        assert attribute in cookie


def test_an_https_public_url_makes_the_cookie_secure(tmp_path: Path):
    base = {"DIALOG_SECRET_KEY": "k", "DIALOG_INSTANCE_DIR": str(tmp_path)}
    assert Settings.from_env(base | {"DIALOG_PUBLIC_URL": "https://dialog.varberg.se"}
                             ).secure_cookies
    assert not Settings.from_env(base | {"DIALOG_PUBLIC_URL": "http://192.168.1.20:5000"}
                                 ).secure_cookies
    assert Settings.from_env(base | {"DIALOG_SECURE_COOKIES": "1"}).secure_cookies
    assert not Settings.from_env(base | {"DIALOG_PUBLIC_URL": "https://x.se",
                                         "DIALOG_SECURE_COOKIES": "0"}).secure_cookies


def test_an_https_instance_tells_browsers_to_stay_on_https(settings: Settings, client):
    assert "Strict-Transport-Security" not in client.get("/").headers
    secure = create_app(replace(settings, public_base_url="https://dialog.varberg.se"),
                        TESTING=True)
    with secure.app_context():
        answer = secure.test_client().get("/")
    assert answer.headers["Strict-Transport-Security"].startswith("max-age=")

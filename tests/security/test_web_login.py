"""Finding 7: the login form and the token exchange.

What a curious teenager or a troll tries: guessing passwords fast, telling from the answer's
time whether an e-mail has an account, flooding the login so every other socket stalls,
a trivial password on a new account, and a ``next`` link that leads off-site.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

from dialog.errors import DialogError, Unauthorized
from dialog.extensions import db
from dialog.services import facilitators
from tests.conftest import PASSWORD, World
from tests.security.web_session import csrf, log_in

ROOT = Path(__file__).resolve().parents[2]


def from_address(address: str) -> dict[str, dict[str, str]]:
    return {"environ_base": {"REMOTE_ADDR": address}}


# --- next: only a path on this site -------------------------------------------------------

@pytest.mark.parametrize("target", [
    "/\t/evil.example/", "//evil.example/", "/\\evil.example/", "\\/evil.example",
    "https://evil.example/", "http:/evil.example", "/\n/evil.example", " //evil.example",
    "/%09/evil.example/", "javascript:alert(1)", "/\x00/evil.example", "evil.example",
    "/facilitator/\r\nSet-Cookie: x=1",
])
def test_next_never_leads_off_site(client: FlaskClient, world: World, target: str):
    response = log_in(client, world.facilitator_email, next_path=target)
    if "\x00" in target:  # refused before login as text no field can hold
        assert response.status_code == 400
        assert "Location" not in response.headers
        return
    assert response.status_code == 302
    assert response.headers["Location"] in ("/facilitator/", "http://dialog.test/facilitator/")


def test_next_keeps_a_path_on_this_site(client: FlaskClient, world: World):
    target = f"/facilitator/processes/{world.process_id}?tab=workshops"
    response = log_in(client, world.facilitator_email, next_path=target)
    assert urlsplit(response.headers["Location"]).netloc in ("", "dialog.test")
    assert response.headers["Location"].endswith(target)


# --- throttling ---------------------------------------------------------------------------

def test_guessing_one_accounts_password_is_slowed_down_from_any_address(client: FlaskClient,
                                                                        world: World):
    for attempt in range(10):
        client.post("/api/v1/auth/token", json={"email": world.facilitator_email,
                                               "password": f"gissning {attempt}"},
                    **from_address(f"10.0.0.{attempt}"))
    refused = client.post("/api/v1/auth/token", json={"email": world.facilitator_email,
                                                     "password": PASSWORD},
                          **from_address("10.0.1.1"))
    assert refused.status_code == 429
    assert refused.get_json()["error"]["code"] == "login_throttled"
    assert int(refused.headers["Retry-After"]) > 0


def test_one_address_trying_many_accounts_is_slowed_down(client: FlaskClient, world: World):
    for attempt in range(30):
        client.post("/api/v1/auth/token", json={"email": f"nummer{attempt}@varberg.se",
                                               "password": "gissning"},
                    **from_address("10.9.9.9"))
    refused = client.post("/api/v1/auth/token", json={"email": world.facilitator_email,
                                                     "password": PASSWORD},
                          **from_address("10.9.9.9"))
    assert refused.status_code == 429
    other = client.post("/api/v1/auth/token", json={"email": world.facilitator_email,
                                                   "password": PASSWORD},
                        **from_address("10.8.8.8"))
    assert other.status_code == 200


def test_the_login_form_is_throttled_too_and_says_so_in_swedish(client: FlaskClient,
                                                                world: World):
    for attempt in range(10):
        log_in(client, world.facilitator_email, f"fel {attempt}")
    response = log_in(client, world.facilitator_email)
    assert response.status_code == 429
    assert "Retry-After" in response.headers
    assert "För många inloggningsförsök" in response.get_data(as_text=True)


def test_a_successful_login_clears_the_accounts_count(client: FlaskClient, world: World):
    for _round in range(3):
        for attempt in range(5):
            log_in(client, world.facilitator_email, f"fel {attempt}")
        assert log_in(client, world.facilitator_email).status_code == 302
        client.post("/facilitator/logout", data={"csrf_token": csrf(client, "/facilitator/")})


# --- timing -------------------------------------------------------------------------------

def test_an_unknown_email_takes_as_long_as_a_wrong_password(app: Flask, world: World):
    # CPU time, not wall time: the property is the work done (a password hash either way),
    # and a shared machine's load stretches wall time at random.
    def seconds(email: str) -> float:
        started = time.process_time()
        with pytest.raises(Unauthorized):
            facilitators.authenticate(db.session, email, "fel lösenord här")
        return time.process_time() - started

    known = statistics.median(seconds(world.facilitator_email) for _ in range(5))
    unknown = statistics.median(seconds("ingen@varberg.se") for _ in range(5))
    assert unknown > known * 0.6, (known, unknown)


def test_hashing_a_password_under_gevent_lets_other_greenlets_run():
    """A login flood must not stall every socket: scrypt runs on gevent's thread pool."""
    script = textwrap.dedent("""
        from gevent import monkey
        monkey.patch_all()
        import gevent
        from dialog.services.passwords import hash_password, verify_password
        stored = hash_password("ett långt lösenord")
        ticks = []
        def tick():
            for _ in range(400):
                ticks.append(1)
                gevent.sleep(0.001)
        def hash_many():
            for _ in range(6):
                verify_password("fel lösenord", stored)
        ticker = gevent.spawn(tick)
        gevent.joinall([gevent.spawn(hash_many)])
        print(len(ticks))
        ticker.kill()
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=ROOT, timeout=120, check=True)
    assert int(result.stdout.strip()) >= 20, result.stdout


# --- password policy ----------------------------------------------------------------------

@pytest.mark.parametrize(("password", "code"), [
    ("12345678", "password_too_short"),
    ("kort", "password_too_short"),
    (" " * 8, "password_too_short"),
    (" " * 16, "password_too_simple"),
    ("\t \u00a0" * 5, "password_too_simple"),
    ("aaaaaaaaaaaaaaa", "password_too_simple"),
    ("abcabcabcabcabc", "password_too_simple"),
    ("121212121212", "password_too_simple"),
    ("123456789012", "password_too_common"),
    ("password1234", "password_too_common"),
    ("Lösenord2024!", "password_too_common"),
    ("qwertyuiopasdf", "password_too_common"),
    ("Varberg2024!", "password_too_common"),
])
def test_a_trivial_password_is_refused_with_a_code(app: Flask, password: str, code: str):
    with pytest.raises(DialogError) as refused, db.transaction() as session:
        facilitators.create_facilitator(session, "ny@varberg.se", password)
    assert refused.value.code == code


@pytest.mark.parametrize("password", [PASSWORD, "ett långt lösenord", "Tjörn-kajak-1987",
                                      "varberg-demo"])
def test_a_real_password_is_accepted(app: Flask, password: str):
    with db.transaction() as session:
        facilitators.create_facilitator(session, "ny@varberg.se", password)


def test_the_common_password_list_is_shipped_and_large(app: Flask):
    from dialog.services.password_policy import common_passwords

    assert len(common_passwords()) >= 3000


def test_the_cli_refuses_a_common_password_in_swedish(tmp_path: Path):
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("DIALOG_")} | {
        "DIALOG_INSTANCE_DIR": str(tmp_path), "DIALOG_SECRET_KEY": "k",
        "DIALOG_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
        "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "dialog", "db", "upgrade"], env=env, cwd=ROOT,
                   check=True, capture_output=True, timeout=120)
    result = subprocess.run(
        [sys.executable, "-m", "dialog", "facilitator", "create", "a@varberg.se",
         "--password-stdin"], input="password1234\n", env=env, cwd=ROOT, text=True,
        capture_output=True, timeout=120)
    assert result.returncode != 0
    assert "[password_too_common]" in result.stderr
    assert "vanligt" in result.stderr

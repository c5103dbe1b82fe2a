"""The `dialog` command line, run as a user would: a real process, a real database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    url = os.environ.get("DIALOG_TEST_DATABASE_URL_CLI") or f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    return os.environ | {"DIALOG_DATABASE_URL": url, "DIALOG_INSTANCE_DIR": str(tmp_path),
                         "DIALOG_SECRET_KEY": "cli-test"}


def dialog(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dialog", *args], input=stdin, env=env,
                          capture_output=True, text=True, cwd=ROOT, check=False, timeout=120)


def test_db_upgrade_then_demo_prints_one_json_object(env):
    assert dialog(env, "db", "upgrade").returncode == 0
    result = dialog(env, "demo", "--json")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert {"process_id", "slug", "workshop_id", "join_code", "facilitator", "urls"} <= set(info)
    assert info["slug"] == "tillit-och-trygghet-i-varberg"
    assert set(info["facilitator"]) == {"email", "password"}
    assert info["urls"]["join"].endswith(f"/j/{info['join_code']}")


def test_demo_if_empty_reuses_the_existing_demo(env):
    first = json.loads(dialog(env, "demo", "--json").stdout)
    again = json.loads(dialog(env, "demo", "--json", "--if-empty").stdout)
    assert again["process_id"] == first["process_id"]


def test_demo_without_json_prints_the_login_and_urls(env):
    out = dialog(env, "demo").stdout
    assert "demo@dialog.local" in out
    assert "/facilitator/login" in out
    assert "/j/" in out


def test_facilitator_create_reads_the_password_from_stdin(env):
    dialog(env, "db", "upgrade")
    created = dialog(env, "facilitator", "create", "Lisa@Varberg.se", "--password-stdin",
                     stdin="ett långt lösenord\n")
    assert created.returncode == 0, created.stderr
    assert "lisa@varberg.se" in created.stdout
    again = dialog(env, "facilitator", "create", "lisa@varberg.se", "--password-stdin",
                   stdin="ett långt lösenord\n")
    assert again.returncode != 0
    assert "email_taken" in again.stderr


def test_a_short_password_is_refused_in_swedish(env):
    dialog(env, "db", "upgrade")
    result = dialog(env, "facilitator", "create", "a@b.se", "--password-stdin", stdin="kort\n")
    assert result.returncode != 0
    assert "minst 12 tecken" in result.stderr


def test_the_secret_key_is_generated_once_and_kept(tmp_path):
    env = os.environ | {"DIALOG_INSTANCE_DIR": str(tmp_path)}
    env.pop("DIALOG_SECRET_KEY", None)
    env.pop("DIALOG_DATABASE_URL", None)
    assert dialog(env, "db", "upgrade").returncode == 0
    key = (tmp_path / "secret_key").read_text()
    dialog(env, "db", "upgrade")
    assert (tmp_path / "secret_key").read_text() == key
    assert len(key) > 40
    assert (tmp_path / "dialog.sqlite3").exists()

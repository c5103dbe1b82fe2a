"""Records for public-records requests, and retention that unlinks phones but deletes nothing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from dialog.cli import cli
from tests.conftest import bearer
from tests.publish.conftest import Publisher, konkretisera, phone, zip_texts


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, settings, app) -> CliRunner:
    """The CLI bound to the test database."""
    monkeypatch.setenv("DIALOG_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("DIALOG_SECRET_KEY", settings.secret_key)
    monkeypatch.setenv("DIALOG_INSTANCE_DIR", str(settings.instance_dir))
    return CliRunner()


def test_records_hold_hidden_perspectives_the_moderation_log_and_every_phase(publisher):
    visible, _ = publisher.write("Mer ljus i parken.", group="unga")
    hidden, _ = publisher.write("Ring mig på 070-123 45 67.", group="unga")
    publisher.moderate(hidden, "hide")
    chain = konkretisera(publisher)
    publisher.publish()
    data = publisher.api("GET", f"/processes/{publisher.process_id}/records.json").json
    tables = data["tables"]
    texts = {p["id"]: p for p in tables["perspective"]}
    assert texts[hidden]["status"] == "hidden"
    assert texts[hidden]["text"] == "Ring mig på 070-123 45 67."  # complete, for the registrar
    assert texts[hidden]["personal_data"] == ["phone"]
    assert visible in texts
    assert [(e["perspective_id"], e["action"]) for e in data["moderation_log"]] == [
        (hidden, "hide")]
    assert data["moderation_log"][0]["facilitator"] == "samtalsledare@varberg.se"
    assert [a["id"] for a in tables["alternative"]] == [chain.alternative_id]
    assert len(tables["majority_vote_round"]) == 2
    assert tables["dissent"]
    assert tables["amendment"]
    assert [p["id"] for p in tables["proposal"]] == [chain.proposal_id]
    assert [p["version"] for p in tables["publication"]] == [1]
    assert len(tables["participant"]) >= 9


def test_records_hold_no_token_or_password_hash_and_nothing_of_other_processes(
        publisher, make_world):
    other = make_world(email="annan@halmstad.se")
    phone(publisher)
    data = publisher.api("GET", f"/processes/{publisher.process_id}/records.json").json
    dumped = json.dumps(data)
    assert "token_hash" not in dumped
    assert "password_hash" not in dumped
    assert all(row["process_id"] == publisher.process_id
               for name, rows in data["tables"].items() for row in rows
               if "process_id" in row)
    assert [p["id"] for p in data["tables"]["process"]] == [publisher.process_id]
    assert other.process_id != publisher.process_id


def test_the_records_zip_has_a_csv_per_table_and_a_readme(publisher: Publisher):
    publisher.write("Mer ljus i parken.", group="unga")
    response = publisher.api("GET", f"/processes/{publisher.process_id}/records.zip")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    files = zip_texts(response.data)
    assert "sekretessprövning" in files["README.txt"]
    assert files["tables/perspective.csv"].startswith("id,process_id,")
    assert files["tables/moderation_log.csv"].startswith(
        "id,subject_type,subject_id,perspective_id,action")
    assert json.loads(files["records.json"])["process_id"] == publisher.process_id


@pytest.mark.parametrize("suffix", ["records.json", "records.zip"])
def test_only_the_processes_own_facilitator_gets_the_records(publisher, make_facilitator,
                                                             suffix):
    path = f"/api/v1/processes/{publisher.process_id}/{suffix}"
    assert publisher.client.get(path).status_code == 401
    _id, token = make_facilitator("annan@halmstad.se")
    assert publisher.client.get(path, headers=bearer(token)).status_code == 403


def test_dialog_records_writes_the_export(publisher: Publisher, cli_env: CliRunner,
                                          tmp_path: Path):
    hidden, _ = publisher.write("Dölj mig.", group="unga")
    publisher.moderate(hidden, "hide")
    target = tmp_path / "utdrag.zip"
    result = cli_env.invoke(cli, ["records", str(publisher.process_id), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "sekretessprövning" in result.output
    data = json.loads(zip_texts(target.read_bytes())["records.json"])
    assert [p["status"] for p in data["tables"]["perspective"]] == ["hidden"]
    as_json = tmp_path / "utdrag.json"
    assert cli_env.invoke(cli, ["records", str(publisher.process_id), "-o",
                                str(as_json)]).exit_code == 0
    assert json.loads(as_json.read_text())["process_id"] == publisher.process_id
    missing = cli_env.invoke(cli, ["records", "999", "-o", str(target)])
    assert missing.exit_code != 0
    assert "process_not_found" in missing.output


def test_retention_unlinks_phones_after_the_date_and_keeps_everything_else(
        publisher: Publisher, cli_env: CliRunner):
    token = phone(publisher, "unga")
    written = publisher.client.post(
        f"/api/v1/workshops/{publisher.workshop_id}/perspectives", headers=bearer(token),
        json={"text": "Tänd parken.", "kind": "idea", "client_id": "r-1"})
    assert written.status_code == 201
    publisher.publish()
    before = publisher.snapshot()
    settings = publisher.api("PATCH", f"/processes/{publisher.process_id}/publication-settings",
                             {"retention_until": "2020-01-31"})
    assert settings.json["retention_until"] == "2020-01-31"

    # While a workshop is open nothing happens: phones may still be writing.
    result = cli_env.invoke(cli, ["retention", "apply"])
    assert "Hoppade över" in result.output
    assert publisher.client.get("/api/v1/me/perspectives",
                                headers=bearer(token)).status_code == 200
    closed = publisher.api("PATCH", f"/workshops/{publisher.workshop_id}", {"state": "closed"})
    assert closed.status_code == 200, closed.json

    dry = cli_env.invoke(cli, ["retention", "apply", "--dry-run"])
    assert "Skulle gallras" in dry.output
    result = cli_env.invoke(cli, ["retention", "apply"])
    assert result.exit_code == 0, result.output
    assert "Gallrat" in result.output

    # The phone can no longer find its rows; the rows, the log and the version remain.
    assert publisher.client.get("/api/v1/me/perspectives",
                                headers=bearer(token)).status_code == 401
    records = publisher.api("GET", f"/processes/{publisher.process_id}/records.json").json
    assert [p["text"] for p in records["tables"]["perspective"]] == ["Tänd parken."]
    assert publisher.snapshot() == before
    assert publisher.api("GET", f"/processes/{publisher.process_id}/publication-settings"
                         ).json["retention_applied_at"].startswith(str(date.today().year))
    again = cli_env.invoke(cli, ["retention", "apply"])
    assert "Inget att gallra." in again.output


@pytest.mark.parametrize("value", ["31/01/2020", "igår", 5])
def test_a_bad_retention_date_is_refused_clearly(publisher: Publisher, value):
    response = publisher.api("PATCH", f"/processes/{publisher.process_id}/publication-settings",
                             {"retention_until": value})
    assert response.status_code == 400
    assert response.json["error"]["code"] == "invalid_retention_date"

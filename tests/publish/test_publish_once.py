"""Publishing once: the same content published again is the version already there.

A double click, or two facilitators pressing "Publicera" at the same moment, must never store
two identical versions. The second publish answers the newest version (200, ``duplicate:
true``, the same fields as a new one), and nothing else happens: no new address, no mail.
Two requests fired at once from two threads against the real database (a SQLite file, or
PostgreSQL under ``DIALOG_TEST_DATABASE_URL``) store one version between them, and neither
they nor the files' builds log "database is locked".
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import text
from werkzeug.test import TestResponse

from dialog.extensions import db
from tests.conftest import World
from tests.publish.conftest import Publisher
from tests.publish.test_pages import _csrf, _login

PARALLEL = 2


def publications(publisher: Publisher) -> list[dict[str, Any]]:
    listed = publisher.api("GET", f"/processes/{publisher.process_id}/publications")
    assert listed.status_code == 200, listed.json
    return list(listed.json["publications"])


def test_the_same_content_again_answers_the_newest_version(publisher: Publisher, crowd):
    crowd("unga", 1)
    first = publisher.api("POST", f"/processes/{publisher.process_id}/publications", {})
    again = publisher.api("POST", f"/processes/{publisher.process_id}/publications", {})
    assert first.status_code == 201
    assert first.json["duplicate"] is False
    assert again.status_code == 200
    assert again.json == first.json | {"duplicate": True}
    assert [p["version"] for p in publications(publisher)] == [1]


@pytest.mark.parametrize("change", ["new perspective", "new note", "new licence"])
def test_new_content_is_a_new_version(publisher: Publisher, crowd, change: str):
    crowd("unga", 1)
    publisher.publish(note="Första versionen.")
    body = {"note": "Första versionen."}
    if change == "new perspective":
        crowd("skola", 1)
    elif change == "new note":
        body["note"] = "Rättad kommentar."
    else:
        body["licence"] = "CC0-1.0"
    made = publisher.publish(**body)
    assert (made["version"], made["duplicate"]) == (2, False)


def test_an_older_version_with_the_same_content_does_not_count(publisher: Publisher, crowd):
    """Only the newest version is compared: going back to what version 1 showed is news."""
    crowd("unga", 1)
    publisher.publish()
    hidden = publisher.write("Ett perspektiv som sedan döljs.", group="skola")[0]
    publisher.publish()
    publisher.moderate(hidden, "hide")
    assert publisher.publish()["version"] == 3


def fire_at_once(app: Flask, publisher: Publisher) -> list[TestResponse]:
    """POST the publication from ``PARALLEL`` threads released together."""
    start = threading.Barrier(PARALLEL)
    answers: list[TestResponse] = []

    def post() -> None:
        client = app.test_client()
        start.wait()
        answers.append(client.post(f"/api/v1/processes/{publisher.process_id}/publications",
                                   json={"note": "Samtidigt."}, headers=publisher.auth))

    threads = [threading.Thread(target=post) for _ in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return answers


def test_two_publishers_at_once_store_one_version(app: Flask, publisher: Publisher, crowd,
                                                  caplog: pytest.LogCaptureFixture):
    crowd("unga", 6)
    with caplog.at_level(logging.INFO):
        answers = fire_at_once(app, publisher)
    assert sorted(a.status_code for a in answers) == [200, 201], [a.json for a in answers]
    assert {a.json["version"] for a in answers} == {1}
    assert sorted(a.json["duplicate"] for a in answers) == [False, True]
    with db.transaction() as session:
        stored = session.execute(text("SELECT COUNT(*) FROM publication")).scalar()
    assert stored == 1
    assert "locked" not in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text


def test_publishing_again_after_the_race_is_still_one_version(app: Flask, publisher: Publisher,
                                                             crowd):
    crowd("unga", 2)
    fire_at_once(app, publisher)
    again = publisher.api("POST", f"/processes/{publisher.process_id}/publications",
                          {"note": "Samtidigt."})
    assert (again.status_code, again.json["version"]) == (200, 1)


def test_the_console_form_says_which_version_is_already_published(world: World, client,
                                                                  publisher: Publisher, crowd):
    crowd("unga", 1)
    publisher.publish()
    _login(client, world)
    url = f"/facilitator/processes/{world.process_id}/publication"
    html = client.get(url).get_data(as_text=True)
    done = client.post(url, data={"csrf_token": _csrf(html), "note": "", "confirm": "on"},
                       follow_redirects=True)
    assert "Inget nytt att publicera: version 1 visar redan exakt detta" in done.get_data(
        as_text=True)
    assert [p["version"] for p in publications(publisher)] == [1]


def test_the_api_document_names_both_answers(client):
    described = client.get("/api/v1/openapi.json").get_json()
    answers = described["paths"]["/processes/{id}/publications"]["post"]["responses"]
    assert {"201", "200"} <= set(answers)
    schema = answers["200"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
    assert "duplicate" in described["components"]["schemas"][schema]["properties"]

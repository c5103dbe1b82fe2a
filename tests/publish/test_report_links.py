"""A printed report says where the data is: absolute addresses, or a sentence saying where.

A committee secretary prints ``report.pdf`` and hands it on; a link without a host
(``/p/...``) leads nowhere on paper. With ``DIALOG_PUBLIC_URL`` unset, the request that
publishes a version records where it came from when its host is trusted
(``Publication.base_url``), and the worker builds the version's PDF and ZIP on it, whoever
reads them first. With no trusted base at all, the report prints site paths and says they
are paths on the site that published the process; the README of data.zip says the same,
in Swedish and in its English part.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from flask import Flask
from flask.testing import FlaskClient

from dialog.config import Settings
from dialog.extensions import db
from dialog.models import Base, Publication
from tests.conftest import World, bearer
from tests.publish.conftest import pdf_text, zip_texts

VARBERG = "https://dialog.varberg.se"
PATHS_SENTENCE = "sökvägar på den webbplats där processen publicerades"
PATHS_SENTENCE_EN = "paths on the website where the process was published"


@pytest.fixture
def trusting_app(settings: Settings) -> Iterator[Flask]:
    """The app as an operator runs it without ``DIALOG_PUBLIC_URL``: trusted host names only."""
    from dialog.web.app import create_app

    made = create_app(replace(settings, trusted_hosts=("dialog.varberg.se",)), TESTING=True)
    Base.metadata.create_all(db.engine)
    with made.app_context():
        yield made


def publish_from(client: FlaskClient, world: World, base_url: str) -> str:
    """Publish through the API from ``base_url`` (its host is the request's ``Host``)."""
    auth = bearer(world.facilitator_token)
    slug = client.get(f"/api/v1/processes/{world.process_id}", headers=auth,
                      base_url=base_url).get_json()["slug"]
    made = client.post(f"/api/v1/processes/{world.process_id}/publications", json={},
                       headers=auth, base_url=base_url)
    assert made.status_code == 201, made.get_json()
    return str(slug)


def fetch(client: FlaskClient, path: str, base_url: str) -> bytes:
    """A stored file; the first ask answers "being built" (202) and builds it inline."""
    response = client.get(path, base_url=base_url)
    if response.status_code == 202:
        response = client.get(path, base_url=base_url)
    assert response.status_code == 200, response.data[:300]
    return bytes(response.data)


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_the_printed_report_links_to_the_trusted_host_that_published(trusting_app: Flask,
                                                                    world: World):
    client = trusting_app.test_client()
    slug = publish_from(client, world, VARBERG)
    with db.transaction() as session:
        assert session.query(Publication).one().base_url == VARBERG

    report = one_line(pdf_text(fetch(client, f"/p/{slug}/report.pdf", VARBERG)))
    assert f"{VARBERG}/p/{slug}/v/1" in report
    assert f"{VARBERG}/p/{slug}/v/1/data.zip" in report
    assert PATHS_SENTENCE not in report
    readme = one_line(zip_texts(fetch(client, f"/p/{slug}/data.zip", VARBERG))["README.md"])
    assert f"{VARBERG}/p/{slug}/v/1" in readme
    assert PATHS_SENTENCE not in readme
    assert PATHS_SENTENCE_EN not in readme


def test_on_a_laptop_the_loopback_address_is_the_base(client: FlaskClient, world: World):
    slug = publish_from(client, world, "http://localhost:5000")
    report = one_line(pdf_text(fetch(client, f"/p/{slug}/report.pdf", "http://localhost:5000")))
    assert f"http://localhost:5000/p/{slug}/v/1" in report


def test_a_reader_from_another_host_never_changes_the_links(client: FlaskClient, world: World):
    slug = publish_from(client, world, "http://localhost:5000")
    report = one_line(pdf_text(fetch(client, f"/p/{slug}/report.pdf", "http://evil.example")))
    assert f"http://localhost:5000/p/{slug}/v/1" in report
    assert "evil.example" not in report


def test_without_a_trusted_base_the_report_says_where_its_paths_lead(client: FlaskClient,
                                                                      world: World):
    slug = publish_from(client, world, "http://evil.example")
    with db.transaction() as session:
        assert session.query(Publication).one().base_url == ""
    report = one_line(pdf_text(fetch(client, f"/p/{slug}/report.pdf", "http://evil.example")))
    assert f"/p/{slug}/v/1" in report
    assert "evil.example" not in report
    assert PATHS_SENTENCE in report


def test_without_a_trusted_base_the_readme_says_where_its_paths_lead(client: FlaskClient,
                                                                      world: World):
    slug = publish_from(client, world, "http://evil.example")
    readme = zip_texts(fetch(client, f"/p/{slug}/data.zip", "http://evil.example"))["README.md"]
    swedish, english = readme.split("## In English", 1)
    assert f"Sammanfattningen finns på /p/{slug}/v/1." in swedish
    assert PATHS_SENTENCE in one_line(swedish)
    assert f"The summary is at /p/{slug}/v/1." in one_line(english)
    assert PATHS_SENTENCE_EN in one_line(english)
    assert "evil.example" not in readme

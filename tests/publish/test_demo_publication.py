"""Publishing the demo process: the public page, the committee report and the open data."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import networkx as nx
import pytest

from dialog.analysis.polis_data import read_polis_export
from dialog.publication.opendata_fields import FILES, OTHER_FILES
from tests.publish.conftest import Publisher, pdf_text, zip_texts

QUESTION = "Vad behövs för att alla i Varberg ska känna tillit och trygghet, särskilt unga?"
#: Held by the personal-data guard in the demo, never approved: it must never be published.
HELD = "sms:a mig på 070-123 45 67"


def test_the_demo_is_published_as_version_1_and_publishing_again_makes_version_2(demo):
    assert "Version 1, publicerad" in demo.page()
    made = demo.publish(note="Efter workshop 1")
    assert made["version"] == 2
    assert made["url"] == f"http://dialog.test/p/{demo.slug}/v/2"
    latest = demo.page()
    assert "Version 2, publicerad" in latest
    assert "Efter workshop 1" in latest


@pytest.mark.parametrize(("lang", "expected"), [
    ("sv", ["Offentlig sammanfattning", "Frågan vi samtalar om", QUESTION, "Varför vi frågar",
            "Faserna hittills", "Inventering", "Vilka som deltagit", "Per intressentgrupp",
            "Per åldersgrupp", "Per slag av perspektiv", "färre än 5", "Perspektiv vi saknar",
            "Har du ett perspektiv som saknas?",
            "Alla publicerade perspektiv", "Rapport till nämnden (PDF, A4)"]),
    ("en", ["Public summary", QUESTION, "Why we ask", "The phases so far", "Who took part",
            "fewer than 5", "Perspectives we are missing", "All published perspectives"]),
])
def test_the_public_page_answers_what_a_reader_asks(demo: Publisher, lang, expected):
    page = demo.page(lang=lang)
    for text in expected:
        assert text in page, text


def test_the_missing_groups_are_named_with_an_invitation(demo: Publisher):
    missing = demo.snapshot()["missing"]
    page = demo.page()
    if missing["groups"]:
        assert f"Inga perspektiv ännu från: {', '.join(missing['groups'])}." in page
    assert "Just nu pågår en workshop" in page  # the demo workshop is open
    assert f'href="/j/{demo.join_code}"' in page


def test_the_page_needs_no_login_and_shows_only_approved_perspectives(demo: Publisher):
    page = demo.get(f"/p/{demo.slug}").get_data(as_text=True)
    assert "Jag känner mig otrygg när jag går hem från träningen" in page
    assert HELD not in page
    assert "070-123" not in page


def test_each_chart_has_a_table_with_the_same_numbers(demo: Publisher):
    page = demo.page()
    charts = re.findall(r'<svg[^>]*class="chart"[^>]*aria-labelledby="([^"]+)"', page)
    assert len(charts) == 3
    for table_id in ("table-groups", "table-ages", "table-kinds"):
        assert f'id="{table_id}"' in page
    groups_table = page[page.index('id="table-groups"'):]
    groups_table = groups_table[:groups_table.index("</table>")]
    groups = demo.snapshot()["participation"]["groups"]
    assert any(g["suppressed"] for g in groups)
    assert any(g["participants"] for g in groups)
    for group in groups:
        hidden = {"small": "färre än 5", "protecting": "dold \\(för att skydda en liten grupp\\)"}
        shown = {None: hidden.get(group["hidden"]), 0: "inga ännu"}.get(
            group["participants"], str(group["participants"]))
        name = group["name"] or "Ingen grupp vald"
        name = name[:1].upper() + name[1:]  # a row starts with a capital (group_names)
        assert re.search(rf'<th scope="row">{name}</th>\s*<td class="num">{shown}</td>',
                         groups_table), name


def test_the_report_pdf_is_a4_with_cover_method_findings_and_appendix(demo: Publisher):
    data = demo.file("report.pdf")
    text = pdf_text(data)
    for expected in ("UNDERLAG TILL NÄMNDEN", "Tillit och trygghet i Varberg",
                     "Region Halland, Lokal nämnd Varberg", "Sammanfattning", "Metod",
                     "Inventering", "Lärande samtal", "Konkretisering", "Vilka som deltagit",
                     "Resultat", "Perspektivkartan", "Alternativ och förslag",
                     "Bilaga: alla publicerade perspektiv", "färre än 5", "Sida 2 av"):
        assert expected in text, expected
    assert "otrygg när jag går hem" in text
    assert HELD not in text
    info = _pdfinfo(data)
    assert info["Page size"].startswith("595.")
    assert "841." in info["Page size"]
    assert int(info["Pages"]) >= 5


def _pdfinfo(data: bytes) -> dict[str, str]:
    import subprocess

    done = subprocess.run(["pdfinfo", "-"], input=data, capture_output=True, check=True)
    pairs = (line.split(":", 1) for line in done.stdout.decode().splitlines() if ":" in line)
    return {k.strip(): v.strip() for k, v in pairs}


def test_the_report_in_english_too(demo: Publisher):
    text = pdf_text(demo.file("report.pdf?lang=en"))
    for expected in ("Summary", "Method", "Who took part", "Findings",
                     "Appendix: all published perspectives", "fewer than 5", "Page 2 of"):
        assert expected in text, expected


def test_the_open_data_zip_holds_every_format_and_a_readme_describing_every_field(demo):
    files = zip_texts(demo.file("data.zip"))
    assert set(FILES) | set(OTHER_FILES) | {"README.md"} <= set(files)
    readme = files["README.md"]
    assert "Creative Commons Erkännande 4.0" in readme
    assert "CC-BY-4.0" in readme
    for name, (_what, fields) in FILES.items():
        header = next(csv.reader(io.StringIO(files[name])))
        assert header == [column for column, _ in fields], name
        assert f"### {name}" in readme
        for column, _meaning in fields:
            assert f"| `{column}` |" in readme, (name, column)
    rows = list(csv.DictReader(io.StringIO(files["perspectives.csv"])))
    snapshot = json.loads(files["snapshot.json"])
    assert len(rows) == len(snapshot["perspectives"]) == demo.approved_count()
    assert snapshot["meta"]["version"] == 1


def test_the_open_data_graphml_and_polis_files_open_in_their_tools(demo, tmp_path: Path):
    files = zip_texts(demo.file("data.zip"))
    graph = nx.parse_graphml(files["map.graphml"])
    types = nx.get_node_attributes(graph, "type")
    assert sum(1 for t in types.values() if t == "perspective") == demo.approved_count()
    folder = tmp_path / "polis"
    folder.mkdir()
    for name in ("comments.csv", "votes.csv"):
        (folder / name).write_text(files[f"polis/{name}"], encoding="utf-8")
    export = read_polis_export(folder)
    assert len(export.comments) == demo.approved_count()
    assert all(c.moderated == 1 for c in export.comments)
    reactions = demo.snapshot().get("reactions") or []
    assert len(export.votes) == sum(r["total"] for r in reactions)


def test_nothing_published_yet_is_a_clear_swedish_404(publisher: Publisher):
    response = publisher.get(f"/p/{publisher.slug}")
    assert response.status_code == 404
    assert "Det finns inget publicerat för den här processen ännu" in response.get_data(
        as_text=True)
    for suffix in ("report.pdf", "report.html", "data.zip"):
        assert publisher.get(f"/p/{publisher.slug}/{suffix}").status_code == 404


@pytest.mark.parametrize("path", ["/p/finns-inte", "/p/finns-inte/v/1/report.pdf"])
def test_an_unknown_process_is_a_404(client, path):
    assert client.get(path).status_code == 404

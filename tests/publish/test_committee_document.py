"""The report is a committee document: it opens with the case number, the handling officer,
the proposed decision and a summary in words, and links only to the public address."""

from __future__ import annotations

import dataclasses
import re

import pytest

from dialog.config import Settings
from tests.publish.conftest import Publisher, pdf_text

PUBLIC = "https://dialog.varberg.example"
FIELDS = {"case_number": "KS 2026/123", "handling_officer": "Karin Handläggare",
          "decision_proposal": "Nämnden ställer sig bakom förslagen och följer upp dem i mars."}


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, public_base_url=PUBLIC)


def test_the_report_opens_with_the_case_and_a_summary_in_words(demo: Publisher):
    saved = demo.api("PATCH", f"/processes/{demo.process_id}/publication-settings", FIELDS)
    assert saved.status_code == 200, saved.json
    assert {k: saved.json[k] for k in FIELDS} == FIELDS
    demo.publish()

    html = demo.file("report.html").decode("utf-8")
    pdf = pdf_text(demo.file("report.pdf"))
    for text in (html, " ".join(pdf.split())):
        for value in FIELDS.values():
            assert value in text
        for heading in ("Det här sa ni", "Det här föreslår vi", "Det här händer nu"):
            assert heading in text
    assert html.index("Förslag till beslut") < html.index("r-summary-h")
    assert f"{PUBLIC}/p/{demo.slug}/v/2" in html
    assert "http://dialog.test" not in html
    assert demo.snapshot()["committee"]["case_number"] == "KS 2026/123"


def test_committee_fields_refuse_what_is_not_short_text(demo: Publisher):
    path = f"/processes/{demo.process_id}/publication-settings"
    wrong = demo.api("PATCH", path, {"case_number": ["KS"]})
    assert wrong.status_code == 400
    assert wrong.json["error"]["code"] == "field_invalid"
    long = demo.api("PATCH", path, {"decision_proposal": "x" * 4001})
    assert long.status_code == 400
    assert long.json["error"]["code"] == "field_too_long"
    assert demo.api("GET", path).json["case_number"] == ""


#: A count of people printed as a number from 1 to 4, in any published text.
SMALL_PEOPLE_COUNT = re.compile(
    r"(?<![\d.,/-])[1-4] (?:deltog|deltagare|för,|emot|säger|har nyanserat)"
    r"|(?:Deltagare|Stöder|Kan leva med|Invänder|Håller med|håller inte med|vet inte): [1-4]\b")


def test_no_count_of_people_below_five_is_printed_anywhere(demo: Publisher):
    demo.publish()
    for name, text in demo.everything().items():
        if name.startswith("zip:"):
            continue  # open data carries the suppressed counts as null, checked elsewhere
        found = SMALL_PEOPLE_COUNT.findall(" ".join(text.split()))
        assert not found, f"{name} prints small counts: {found[:5]}"


def test_the_report_paginates_tightly(demo: Publisher):
    """Chapters follow each other: only the cover stands alone, no page is left mostly empty."""
    import subprocess

    pdf = demo.file("report.pdf")
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode("utf-8")
    pages = [page for page in text.split("\f") if page.strip()]
    filled = [len([line for line in page.splitlines() if line.strip()]) for page in pages]
    assert min(filled[1:-1]) >= 15, filled


def test_the_demo_version_note_names_a_section_its_report_has(demo: Publisher):
    """The note must not contradict the report (it once said only workshop 1 was in it)."""
    snapshot = demo.snapshot(1)
    assert "Perspektiv vi saknar" in snapshot["meta"]["note"]
    assert "Perspektiv vi saknar" in demo.file("report.html", 1).decode("utf-8")
    assert "workshop 1" not in snapshot["meta"]["note"]

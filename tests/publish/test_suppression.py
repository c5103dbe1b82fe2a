"""Small-number suppression: a group or age band under 5 participants is "färre än 5"."""

from __future__ import annotations

import csv
import io
import re

import pytest

from dialog.publication.suppression import (
    PROTECTING,
    SMALL,
    suppress,
    suppress_total,
    suppress_why,
)
from tests.publish.conftest import Publisher, zip_texts


@pytest.mark.parametrize(("cells", "expected"), [
    # nothing small: nothing hidden
    ([("a", 7), ("b", 5), ("c", 0)], [("a", 7), ("b", 5), ("c", 0)]),
    # two small ones hide each other
    ([("a", 7), ("b", 3), ("c", 1)], [("a", 7), ("b", None), ("c", None)]),
    # one small one: the next smallest is hidden too, so the total cannot give it away
    ([("a", 9), ("b", 6), ("c", 3)], [("a", 9), ("b", None), ("c", None)]),
    # zero singles out nobody and is shown as it is
    ([("a", 9), ("b", 0), ("c", 3), ("d", 8)], [("a", 9), ("b", 0), ("c", None), ("d", None)]),
    # a lone small cell has nothing to hide behind but stays hidden
    ([("a", 4)], [("a", None)]),
])
def test_suppression_hides_small_counts_and_what_would_reveal_them(cells, expected):
    assert suppress(cells) == expected


def test_suppression_says_which_count_is_small_and_which_only_protects_it():
    assert suppress_why([("a", 9), ("b", 6), ("c", 3)]) == [
        ("a", 9, None), ("b", None, PROTECTING), ("c", None, SMALL)]
    assert suppress_why([("a", 7), ("b", 3), ("c", 1)]) == [
        ("a", 7, None), ("b", None, SMALL), ("c", None, SMALL)]


@pytest.mark.parametrize(("total", "shown"), [(0, 0), (3, None), (5, 5), (40, 40)])
def test_a_small_total_is_suppressed_too(total, shown):
    assert suppress_total(total) == shown


def _row(html: str, table_id: str, name: str) -> str:
    table = html[html.index(f'id="{table_id}"'):]
    table = table[:table.index("</table>")]
    label = name[:1].upper() + name[1:]  # a group's name starts its row with a capital
    match = re.search(rf'<th scope="row">{re.escape(label)}</th>(.*?)</tr>', table, re.S)
    assert match, name
    return match.group(1)


def test_a_group_of_3_is_shown_as_fewer_than_5_in_page_report_and_zip(publisher: Publisher,
                                                                        crowd):
    crowd("unga", 6, age_band="13-15")
    crowd("skola", 3, age_band="26-45")
    crowd("polis", 5, age_band="46-65")
    publisher.publish()
    page = publisher.page()
    assert "<td class=\"num\">färre än 5</td>" in _row(page, "table-groups", "skola")
    assert "<td class=\"num\">6</td>" in _row(page, "table-groups", "unga")
    assert "<td class=\"num\">5</td>" in _row(page, "table-groups", "polis")
    assert "färre än 5" in _row(page, "table-ages", "26–45 år")
    report = publisher.file("report.html").decode()
    assert "färre än 5" in _row(report, "r-table-groups", "skola")
    assert "fewer than 5" in _row(publisher.page(lang="en"), "table-groups", "skola")
    files = zip_texts(publisher.file("data.zip"))
    rows = {r["stakeholder_group"]: r for r in csv.DictReader(
        io.StringIO(files["participation_groups.csv"]))}
    assert rows["skola"]["participants"] == ""
    assert rows["unga"]["participants"] == "6"
    assert rows["skola"]["perspectives"] == "3"  # perspectives are public anyway
    assert '"participants": null' in files["participation.json"]
    assert "färre än 5" in files["README.md"]


def test_the_chart_draws_a_suppressed_group_in_words_not_as_a_bar_of_3(publisher, crowd):
    crowd("unga", 7)
    crowd("skola", 3)
    publisher.publish()
    page = publisher.page()
    chart = page[page.index('id="chart-groups-title"') - 400:]
    chart = chart[:chart.index("</svg>")]
    assert ">Skola<" in chart
    assert ">färre än 5<" in chart
    assert ">3<" not in chart


def test_a_lone_small_group_takes_the_next_smallest_with_it(publisher: Publisher, crowd):
    crowd("unga", 9)
    crowd("skola", 6)
    crowd("polis", 2)
    publisher.publish()
    groups = {g["name"]: g["participants"] for g in
              publisher.snapshot()["participation"]["groups"]}
    assert groups == {"unga": 9, "vårdnadshavare": 0, "skola": None, "polis": None}


def test_the_group_hidden_to_protect_a_small_one_is_never_called_small(publisher, crowd):
    crowd("unga", 9, age_band="13-15")
    crowd("skola", 6, age_band="26-45")
    crowd("polis", 2, age_band="46-65")
    publisher.publish()
    groups = {g["name"]: g["hidden"] for g in publisher.snapshot()["participation"]["groups"]}
    assert groups == {"unga": None, "vårdnadshavare": None, "skola": "protecting",
                      "polis": "small"}
    page = publisher.page()
    assert ">dold (för att skydda en liten grupp)</td>" in _row(page, "table-groups", "skola")
    assert ">färre än 5</td>" in _row(page, "table-groups", "polis")
    assert "färre än 5" not in _row(page, "table-groups", "skola")
    assert "dold (för att skydda en liten grupp)" in _row(page, "table-ages", "26–45 år")
    chart = page[page.index('id="chart-groups-title"') - 400:]
    assert ">dold (för att skydda en liten grupp)<" in chart[:chart.index("</svg>")]
    report = publisher.file("report.html").decode()
    assert "dold (för att skydda en liten grupp)" in _row(report, "r-table-groups", "skola")
    assert "färre än 5" not in _row(report, "r-table-groups", "skola")
    english = publisher.page(lang="en")
    assert "hidden (to protect a small group)" in _row(english, "table-groups", "skola")
    assert "fewer than 5" in _row(english, "table-groups", "polis")
    files = zip_texts(publisher.file("data.zip"))
    rows = {r["stakeholder_group"]: r for r in csv.DictReader(
        io.StringIO(files["participation_groups.csv"]))}
    assert (rows["skola"]["participants"], rows["skola"]["hidden"]) == ("", "protecting")
    assert (rows["polis"]["participants"], rows["polis"]["hidden"]) == ("", "small")
    assert (rows["unga"]["participants"], rows["unga"]["hidden"]) == ("9", "")
    ages = {r["age_band"]: r["hidden"] for r in csv.DictReader(
        io.StringIO(files["participation_ages.csv"]))}
    assert ages["26-45"] == "protecting"
    assert "protecting = dold för att skydda en liten grupp" in files["README.md"]


def test_a_snapshot_from_before_the_reason_reads_as_it_did(app):
    from dialog.web.publication.view import count_text
    with app.test_request_context("/?lang=sv"):
        assert count_text(None) == "färre än 5"
        assert count_text(None, "small") == "färre än 5"
        assert count_text(None, "protecting") == "dold (för att skydda en liten grupp)"
        assert count_text(14) == "14"

"""A hand-made Swedish process: themes, coverage and the "which perspective are we missing?"
prompts a facilitator gets."""

from __future__ import annotations

import json

import pytest

from dialog.analysis.graph_map import PerspectiveMap, analyze_map
from dialog.analysis.graph_model import ExplicitLink, PerspectiveInput

from .swedish_process import (
    BULLYING,
    BULLYING_CONTRAST,
    GROUPS,
    PARK,
    PARK_CONTRAST,
    PERSPECTIVES,
    TRAFFIC,
    YOUTH_CENTRE,
)


@pytest.fixture(scope="module")
def town() -> PerspectiveMap:
    return analyze_map(PERSPECTIVES, GROUPS)


def theme_of(result: PerspectiveMap, perspective_id: int) -> dict:
    return next(t for t in result.themes if perspective_id in t["perspective_ids"])


def prompts(result: PerspectiveMap, kind: str) -> list[dict]:
    return [p for p in result.missing_perspectives if p["type"] == kind]


def test_the_four_topics_become_themes(town: PerspectiveMap) -> None:
    found = sorted(sorted(t["perspective_ids"]) for t in town.themes if not t["other"])
    assert found == [PARK, YOUTH_CENTRE, BULLYING, TRAFFIC]


@pytest.mark.parametrize(
    ("members", "expected_terms"),
    [(PARK, {"parken", "belysning"}), (YOUTH_CENTRE, {"fritidsgården"}),
     (BULLYING, {"korridorerna", "mobbningen"}), (TRAFFIC, {"bilarna"})],
)
def test_themes_are_labelled_by_their_top_terms_unstemmed(
    town: PerspectiveMap, members: list[int], expected_terms: set[str]
) -> None:
    theme = theme_of(town, members[0])
    assert len(theme["terms"]) == 3
    assert expected_terms <= set(theme["terms"])
    assert theme["label"] == ", ".join(theme["terms"])


def test_theme_records_its_stakeholder_groups(town: PerspectiveMap) -> None:
    assert set(theme_of(town, PARK[0])["stakeholder_groups"]) == {"unga", "vårdnadshavare"}
    assert theme_of(town, BULLYING[0])["stakeholder_groups"] == ["skola"]


def test_silent_groups_are_prompted_in_swedish_and_english(town: PerspectiveMap) -> None:
    silent = prompts(town, "group_silent")
    assert [p["stakeholder_group"] for p in silent] == ["polis", "föreningsliv"]
    expected = "Inga perspektiv från polis ännu. Vilket perspektiv saknar vi?"
    assert silent[0]["message_sv"] == expected
    assert "Which perspective are we missing?" in silent[0]["message_en"]
    assert prompts(town, "group_quiet") == []


def test_a_theme_voiced_by_one_group_only_is_prompted(town: PerspectiveMap) -> None:
    single = {p["theme_id"]: p for p in prompts(town, "single_group_theme")}
    bullying = theme_of(town, BULLYING[0])
    assert set(single) == {bullying["id"], theme_of(town, TRAFFIC[0])["id"]}
    prompt = single[bullying["id"]]
    assert prompt["stakeholder_group"] == "skola"
    expected = f"Temat ”{bullying['label']}” har bara perspektiv från skola."
    assert prompt["message_sv"].startswith(expected)
    assert "polis" in prompt["message_sv"]


def test_themes_without_contrast_are_prompted(town: PerspectiveMap) -> None:
    no_contrast = {p["theme_id"] for p in prompts(town, "no_contrast_theme")}
    assert theme_of(town, BULLYING[0])["id"] in no_contrast
    assert theme_of(town, PARK[0])["id"] in no_contrast


def test_contrasts_with_links_remove_the_no_contrast_prompt() -> None:
    result = analyze_map(PERSPECTIVES, GROUPS, links=[PARK_CONTRAST, BULLYING_CONTRAST])
    no_contrast = {p["theme_id"] for p in prompts(result, "no_contrast_theme")}
    assert theme_of(result, PARK[0])["id"] not in no_contrast
    assert theme_of(result, BULLYING[0])["id"] not in no_contrast
    assert theme_of(result, TRAFFIC[0])["id"] in no_contrast


def test_builds_on_links_do_not_count_as_contrast() -> None:
    result = analyze_map(PERSPECTIVES, GROUPS, links=[ExplicitLink(8, 7, "builds_on")])
    no_contrast = {p["theme_id"] for p in prompts(result, "no_contrast_theme")}
    assert theme_of(result, BULLYING[0])["id"] in no_contrast


def test_a_quiet_group_is_prompted() -> None:
    extra = [p for p in PERSPECTIVES if p.id != 3]  # vårdnadshavare keep 3, polis says one thing
    extra.append(PerspectiveInput(13, "Polisen syns sällan i parken på kvällarna.", "thought",
                                  "polis", "p1"))
    result = analyze_map(extra, GROUPS)
    quiet = prompts(result, "group_quiet")
    assert [p["stakeholder_group"] for p in quiet] == ["polis"]
    assert quiet[0]["message_sv"].startswith("Bara 1 av 12 perspektiv kommer från polis.")
    assert quiet[0]["message_en"].startswith("Only 1 of 12 perspectives comes from polis.")
    assert [p["stakeholder_group"] for p in prompts(result, "group_silent")] == ["föreningsliv"]


def test_coverage_matrix_counts_groups_by_theme(town: PerspectiveMap) -> None:
    coverage = town.coverage
    assert coverage["groups"] == GROUPS
    assert coverage["themes"] == [t["id"] for t in town.themes]
    column = coverage["themes"].index(theme_of(town, TRAFFIC[0])["id"])
    rows = zip(coverage["groups"], coverage["counts"], strict=True)
    by_group = {group: row[column] for group, row in rows}
    assert by_group == {"unga": 0, "vårdnadshavare": 3, "skola": 0, "polis": 0, "föreningsliv": 0}
    assert coverage["group_totals"] == [4, 4, 4, 0, 0]


def test_graph_has_every_node_type(town: PerspectiveMap) -> None:
    types = {attrs["type"] for _, attrs in town.graph.nodes(data=True)}
    assert types == {"perspective", "stakeholder_group", "theme"}
    assert "s:polis" in town.graph  # silent groups still appear on the map
    assert town.graph.nodes["p:1"]["theme"] == theme_of(town, 1)["id"]
    assert town.graph.edges["p:1", "s:unga"]["type"] == "voiced_by"
    assert town.graph.edges["p:1", f"t:{theme_of(town, 1)['id']}"]["type"] == "in_theme"


def test_to_dict_round_trips_through_json(town: PerspectiveMap) -> None:
    data = town.to_dict()
    again = json.loads(json.dumps(data, ensure_ascii=False))
    assert again == json.loads(json.dumps(data))
    assert {"graph", "themes", "bridging", "coverage", "missing_perspectives",
            "timing_ms"} <= set(again)
    assert {"nodes", "edges"} <= set(again["graph"])
    assert len(again["graph"]["nodes"]) == town.graph.number_of_nodes()
    assert "total" in again["timing_ms"]


def test_same_seed_gives_the_same_map() -> None:
    first = analyze_map(PERSPECTIVES, GROUPS, seed=3).to_dict()
    second = analyze_map(PERSPECTIVES, GROUPS, seed=3).to_dict()
    first.pop("timing_ms")
    second.pop("timing_ms")
    assert first == second


def test_early_in_a_process_nobody_is_quiet() -> None:
    result = analyze_map(PERSPECTIVES[:2] + PERSPECTIVES[6:7], GROUPS)
    assert prompts(result, "group_quiet") == []
    silent = [p["stakeholder_group"] for p in prompts(result, "group_silent")]
    assert silent == ["vårdnadshavare", "polis", "föreningsliv"]

"""Bridging perspectives: agreed across opinion groups, or connecting themes."""

from __future__ import annotations

import pytest

from dialog.analysis.graph_map import PerspectiveMap, analyze_map
from dialog.analysis.graph_model import ExplicitLink, OpinionInput, PerspectiveInput

GROUP_A = [f"a{i}" for i in range(5)]
GROUP_B = [f"b{i}" for i in range(5)]
OPINION = OpinionInput({0: GROUP_A, 1: GROUP_B})

PERSPECTIVES = [
    PerspectiveInput(1, "Alla ska kunna gå hem tryggt på kvällen.", "standpoint", "unga"),
    PerspectiveInput(2, "Kameraövervakning i centrum gör staden tryggare.", "idea", "polis"),
    PerspectiveInput(3, "Fler poliser borde patrullera på lördagsnätterna.", "idea", "polis"),
    PerspectiveInput(4, "Ungdomar behöver egna lokaler utan vuxnas kontroll.", "idea", "unga"),
]


def votes() -> list[tuple[str, int, int]]:
    log: list[tuple[str, int, int]] = []
    for person in GROUP_A + GROUP_B:
        log.append((person, 1, 1))  # everyone agrees with 1
        log.append((person, 2, 1 if person in GROUP_A else -1))  # 2 divides the groups
        log.append((person, 4, -1 if person in GROUP_A else 1))  # and so does 4
    for person in GROUP_A + GROUP_B[:2]:
        log.append((person, 3, 1))
    for person in GROUP_B[2:]:
        log.append((person, 3, -1))
    return log


@pytest.fixture(scope="module")
def divided() -> PerspectiveMap:
    return analyze_map(PERSPECTIVES, ["unga", "polis"], votes=votes(), opinion=OPINION)


def test_a_perspective_agreed_by_both_opinion_groups_is_bridging(divided: PerspectiveMap) -> None:
    first = divided.bridging[0]
    assert first["perspective_id"] == 1
    assert "agreed_across_groups" in first["reasons"]
    assert first["agree_rates"] == {"0": 1.0, "1": 1.0}
    assert first["score"] == 1.0
    assert "åsiktsgrupper" in first["reason_sv"]
    assert first["reason_en"]


def test_a_divisive_perspective_is_not_bridging(divided: PerspectiveMap) -> None:
    bridging_ids = {b["perspective_id"] for b in divided.bridging}
    assert 2 not in bridging_ids
    assert 4 not in bridging_ids
    assert divided.graph.nodes["p:2"]["divisive"] is True
    assert divided.graph.nodes["p:1"]["divisive"] is False


def test_opinion_groups_are_nodes_with_agreed_by_edges(divided: PerspectiveMap) -> None:
    graph = divided.graph
    placed = {"x", "y"}  # every node also carries its stored position
    assert {k: v for k, v in graph.nodes["o:0"].items() if k not in placed} == {
        "type": "opinion_group", "group_id": 0, "size": 5}
    assert graph.edges["o:0", "p:2"] == {"type": "agreed_by", "weight": 1.0, "votes": 5}
    assert not graph.has_edge("o:1", "p:2")
    assert graph.has_edge("o:1", "p:4")


def test_perspectives_agreed_by_the_same_people_are_co_agreement_linked(
    divided: PerspectiveMap,
) -> None:
    edge = divided.graph.edges["p:2", "p:3"]
    assert "co_agreement" in edge["types"]
    assert edge["support"] == 5
    assert edge["jaccard"] == pytest.approx(5 / 7, abs=1e-6)
    assert not divided.graph.has_edge("p:2", "p:4")  # opposite camps


def test_a_divisive_perspective_counts_as_contrast(divided: PerspectiveMap) -> None:
    theme = next(t for t in divided.themes if 2 in t["perspective_ids"])
    no_contrast = {p["theme_id"] for p in divided.missing_perspectives
                   if p["type"] == "no_contrast_theme"}
    assert theme["id"] not in no_contrast


def test_without_opinion_groups_nothing_is_agreed_across_groups() -> None:
    result = analyze_map(PERSPECTIVES, ["unga", "polis"], votes=votes())
    assert all("agreed_across_groups" not in b["reasons"] for b in result.bridging)


def test_a_perspective_between_two_themes_is_a_structural_bridge() -> None:
    words = ["äpple", "banan", "citron", "dadel", "bro", "fikon", "guava", "hallon", "ingefära"]
    perspectives = [PerspectiveInput(i + 1, f"{w} {w}", "thought", "unga")
                    for i, w in enumerate(words)]
    links = [ExplicitLink(i, j, "builds_on") for i in (1, 2, 3, 4) for j in (1, 2, 3, 4) if i < j]
    links += [ExplicitLink(i, j, "builds_on") for i in (6, 7, 8, 9) for j in (6, 7, 8, 9) if i < j]
    links += [ExplicitLink(5, 1, "builds_on"), ExplicitLink(5, 6, "builds_on")]
    result = analyze_map(perspectives, ["unga"], links=links)
    assert len([t for t in result.themes if not t["other"]]) == 2
    bridge = next(b for b in result.bridging if b["perspective_id"] == 5)
    assert bridge["reasons"] == ["connects_themes"]
    assert len(bridge["themes"]) == 2
    assert bridge["betweenness"] == max(b["betweenness"] for b in result.bridging)
    assert bridge["reason_sv"].startswith("Binder ihop temana ”")

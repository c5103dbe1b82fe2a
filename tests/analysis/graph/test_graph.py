"""Graph construction: nodes, merged perspective-perspective edges, votes and inputs."""

from __future__ import annotations

import random

import networkx as nx
import numpy as np
import pytest

from dialog.analysis.graph import build_perspective_graph
from dialog.analysis.graph_centrality import betweenness
from dialog.analysis.graph_map import analyze_map
from dialog.analysis.graph_model import ExplicitLink, MapParams, PerspectiveInput
from dialog.analysis.graph_votes import build_vote_table, co_agreement_pairs

PAIR = [
    PerspectiveInput("a", "Parken behöver bättre belysning på kvällarna.", "idea", "unga"),
    PerspectiveInput("b", "Belysningen i parken är för dålig på kvällen.", "standpoint", "unga"),
    PerspectiveInput("c", "Skolmaten borde innehålla mer vegetariskt.", "idea", "skola"),
]


def test_perspective_nodes_carry_their_attributes() -> None:
    graph = build_perspective_graph(PAIR)
    assert graph.nodes["p:a"] | {"theme": None} == {
        "type": "perspective", "perspective_id": "a", "text": PAIR[0].text, "kind": "idea",
        "stakeholder_group": "unga", "theme": None, "agrees": 0, "disagrees": 0, "passes": 0,
        "divisive": False, "source": None,  # said in the room, not entered from elsewhere
    }
    assert graph.nodes["s:skola"] == {"type": "stakeholder_group", "name": "skola", "count": 1}


def test_similar_edge_weight_is_the_cosine() -> None:
    edge = build_perspective_graph(PAIR).edges["p:a", "p:b"]
    assert edge["type"] == "similar"
    assert edge["types"] == ["similar"]
    assert edge["weight"] == edge["similarity"] > 0.25


def test_link_and_similarity_on_one_pair_merge_into_one_edge() -> None:
    graph = build_perspective_graph(PAIR, links=[ExplicitLink("b", "a", "builds_on")])
    edge = graph.edges["p:a", "p:b"]
    assert edge["type"] == "link"
    assert edge["types"] == ["link", "similar"]
    assert edge["relation"] == "builds_on"
    assert edge["link_source"] == "p:b"
    assert edge["weight"] == pytest.approx(1.0 + edge["similarity"], abs=1e-6)


def test_links_to_unknown_perspectives_and_self_links_are_ignored() -> None:
    graph = build_perspective_graph(
        PAIR, links=[ExplicitLink("a", "zzz", "same_as"), ExplicitLink("c", "c", "same_as")]
    )
    assert not any(d["type"] == "link" for _, _, d in graph.edges(data=True))


def test_bad_inputs_are_rejected() -> None:
    with pytest.raises(ValueError, match="relation"):
        ExplicitLink("a", "b", "likes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unique"):
        build_perspective_graph([PAIR[0], PAIR[0]])


def test_latest_vote_wins_and_unknown_perspectives_are_ignored() -> None:
    log = [("p1", "a", -1), ("p2", "a", 0), ("p1", "a", 1), ("p1", "nope", 1), ("p3", "b", -1)]
    graph = build_perspective_graph(PAIR, votes=log)
    assert (graph.nodes["p:a"]["agrees"], graph.nodes["p:a"]["disagrees"],
            graph.nodes["p:a"]["passes"]) == (1, 0, 1)
    assert graph.nodes["p:b"]["disagrees"] == 1


def test_co_agreement_needs_support_and_correlation() -> None:
    index = {"x": 0, "y": 1, "z": 2}
    log = [(f"u{i}", p, 1) for i in range(6) for p in ("x", "y")]
    log += [(f"v{i}", p, -1) for i in range(6) for p in ("x", "y")]
    log += [(f"u{i}", "z", 1) for i in range(12)] + [(f"v{i}", "z", 1) for i in range(6)]
    table = build_vote_table(log, index)
    pairs = co_agreement_pairs(table, 0.5, 5)
    assert [(i, j) for i, j, *_ in pairs] == [(0, 1)]  # z is agreed by all: chance overlap
    assert pairs[0][2:] == (1.0, 1.0, 6)
    assert co_agreement_pairs(table, 0.5, 7) == []


def test_empty_process_is_all_silence() -> None:
    result = analyze_map([], ["unga", "polis"])
    assert result.graph.number_of_nodes() == 2
    assert result.themes == []
    assert [p["type"] for p in result.missing_perspectives] == ["group_silent", "group_silent"]


def test_stop_word_only_texts_do_not_break_the_graph() -> None:
    result = analyze_map([PerspectiveInput(1, "och att", "thought", "unga"),
                          PerspectiveInput(2, "", "thought", "unga")], ["unga"])
    assert [t["label"] for t in result.themes] == ["övrigt"]


def test_params_change_the_thresholds() -> None:
    strict = build_perspective_graph(PAIR, params=MapParams(similarity_threshold=0.99))
    assert strict.number_of_edges() == 3 + 3  # voiced_by + in_theme (all in "övrigt")
    assert build_perspective_graph(PAIR, similarity_threshold=0.2).has_edge("p:a", "p:b")
    assert not strict.has_edge("p:a", "p:b")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_vectorised_betweenness_matches_networkx(seed: int) -> None:
    graph = nx.gnm_random_graph(60, 90, seed=seed)
    graph.add_nodes_from(range(60, 64))  # isolated nodes
    expected = nx.betweenness_centrality(graph, normalized=True)
    found = betweenness(graph)
    assert max(abs(found[n] - expected[n]) for n in graph) < 1e-9


def test_co_agreement_links_perspectives_of_the_same_camp_at_scale() -> None:
    rng = np.random.default_rng(0)
    camp = rng.integers(0, 2, 2000)
    stance = rng.integers(0, 2, 200)
    log = []
    for person in range(2000):
        for p in rng.choice(200, 25, replace=False).tolist():
            agree = rng.random() < (0.8 if camp[person] == stance[p] else 0.2)
            log.append((person, p, 1 if agree else -1))
    random.Random(0).shuffle(log)
    table = build_vote_table(log, {p: p for p in range(200)})
    pairs = co_agreement_pairs(table, 0.5, 5)
    assert table.agree.shape == (2000, 200)
    assert pairs
    assert all(stance[i] == stance[j] for i, j, *_ in pairs)

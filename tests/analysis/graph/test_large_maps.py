"""Large maps stay sparse: nearest neighbours instead of all pairs, sampled centrality, layout.

The costs themselves are measured in bench/bench_large.py (docs/performance.md); these tests
pin down what the near-linear parts compute.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from scipy import sparse

from dialog.analysis import graph_centrality, pca
from dialog.analysis.graph_centrality import betweenness
from dialog.analysis.neighbours import top_k_mask
from dialog.analysis.repness import count_votes
from dialog.analysis.spring import spring_positions
from dialog.analysis.text import similar_pairs, vectorize
from dialog.analysis.theme_merge import merge_communities


def test_each_row_keeps_its_k_best_entries_ties_to_the_lower_column() -> None:
    rows = np.array([0, 0, 0, 0, 1, 1, 2])
    cols = np.array([1, 2, 3, 4, 0, 2, 0])
    scores = np.array([0.5, 0.9, 0.5, 0.1, 0.3, 0.3, 0.2])
    kept = top_k_mask(rows, cols, scores, 2)
    # Row 0: 0.9 (col 2), then the tie at 0.5 goes to col 1; rows 1 and 2 keep all they have.
    assert kept.tolist() == [True, True, False, False, True, True, True]


def test_a_row_in_a_crowd_of_near_duplicates_links_to_k_texts_only() -> None:
    texts = ["Bussen till skolan går för sällan på morgonen."] * 30 + [
        "Fler lampor i parken på kvällen."]
    pairs = similar_pairs(vectorize(texts, "sv"), 0.25, top_k=5)
    degree = np.bincount(np.array([p[:2] for p in pairs]).ravel(), minlength=len(texts))
    # Each text chooses 5 partners; a pair stays if either end chose it (ties: earlier texts).
    assert max(pairs, key=lambda p: p[1])[1] < 30  # the lone park text has no neighbour
    assert len(pairs) <= 5 * 30
    assert degree[:30].min() >= 5
    assert all(cosine == 1.0 for _, _, cosine in pairs)


def test_similar_pairs_above_the_threshold_are_all_kept_when_few() -> None:
    matrix = sparse.csr_matrix(np.array([[1.0, 0, 0], [0.8, 0.6, 0], [0, 0, 1.0]]))
    assert similar_pairs(matrix, 0.25) == [(0, 1, 0.8)]


def test_sampled_betweenness_is_networkx_sampled_betweenness(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    graph = nx.relabel_nodes(nx.gnm_random_graph(200, 420, seed=4), lambda i: f"p:{i}")
    monkeypatch.setattr(graph_centrality, "DENSE_NODE_LIMIT", 50)
    found = betweenness(graph, sample=30, seed=7)
    expected = nx.betweenness_centrality(graph, k=30, seed=7, normalized=True)
    assert max(abs(found[n] - expected[n]) for n in graph) < 1e-12


def test_spring_layout_is_seeded_and_keeps_linked_nodes_closer() -> None:
    # Two rings of 100 nodes: after the layout, a node is nearer its own ring's centre.
    sources = np.r_[np.arange(100), np.arange(100, 200)]
    targets = np.r_[(np.arange(100) + 1) % 100, 100 + (np.arange(100) + 1) % 100]
    weights = np.ones(200)
    first = spring_positions(200, sources, targets, weights, seed=3)
    assert np.array_equal(first, spring_positions(200, sources, targets, weights, seed=3))
    mean_edge = np.linalg.norm(first[sources] - first[targets], axis=1).mean()
    rng = np.random.default_rng(0)
    pairs = rng.integers(0, 200, (500, 2))
    mean_random = np.linalg.norm(first[pairs[:, 0]] - first[pairs[:, 1]], axis=1).mean()
    assert mean_edge < 0.5 * mean_random


TOPICS = {
    "buss": ["Bussen går för sällan", "Tåget till stan är försenat", "Fler bussar och tåg",
             "Pendeltåg och buss behöver bättre turtäthet"],
    "skola": ["Skolan behöver fler lärare", "Lärare och elever saknar lokaler",
              "Elever vill ha lugnare lektioner", "Skolgården är för liten för eleverna"],
}


def _small_communities() -> tuple[nx.Graph, list[list[str]], dict[str, int], list[str]]:
    """Twelve communities of three perspectives, each within one of two topics, no ties."""
    texts: list[str] = []
    communities: list[list[str]] = []
    core = nx.Graph()
    for c in range(12):
        topic = TOPICS["buss" if c % 2 == 0 else "skola"]
        members = []
        for m in range(3):
            node = f"p:{len(texts)}"
            texts.append(f"{topic[(c + m) % len(topic)]} ({c}, {m})")
            members.append(node)
            core.add_node(node)
        core.add_edge(members[0], members[1], weight=1.0)
        core.add_edge(members[1], members[2], weight=1.0)
        communities.append(members)
    return core, communities, {f"p:{i}": i for i in range(len(texts))}, texts


def test_few_communities_are_kept_as_louvain_found_them() -> None:
    core, communities, rows, texts = _small_communities()
    vectors = vectorize(texts, "sv")
    assert merge_communities(communities, core, vectors.matrix, rows, 12) == communities


def test_many_communities_merge_by_what_they_say_down_to_the_limit() -> None:
    core, communities, rows, texts = _small_communities()
    vectors = vectorize(texts, "sv")
    merged = merge_communities(communities, core, vectors.matrix, rows, 2)
    assert len(merged) == 2
    topic_of = {n: c % 2 for c, members in enumerate(communities) for n in members}
    # Each merged theme holds one topic only, and all of it.
    assert sorted(sorted({topic_of[n] for n in theme}) for theme in merged) == [[0], [1]]
    assert sorted(len(theme) for theme in merged) == [18, 18]


def test_sparse_pca_of_a_large_matrix_equals_the_dense_one() -> None:
    # Above the Gram limits the randomized SVD runs on the sparse centred votes; the same
    # SVD on the dense centred matrix gives the same components and projection.
    from sklearn.utils.extmath import randomized_svd

    rng = np.random.default_rng(5)
    values = np.full((1200, 2500), np.nan, dtype=np.float32)
    rows, cols = rng.integers(0, 1200, 40_000), rng.integers(0, 2500, 40_000)
    values[rows, cols] = np.where((rows % 2) == (cols % 2), 1.0, -1.0)
    found = pca.fit_pca(values, seed=0)
    seen = ~np.isnan(values)
    center = pca._column_means(values, seen)
    dense = np.where(seen, values - center, 0.0)
    _, _, vt = randomized_svd(dense, 2, n_iter=7, random_state=0)
    components = pca._orient(vt)
    assert np.abs(found.components - components).max() < 1e-6


def test_vote_counts_per_group_count_the_votes_cast() -> None:
    values = np.array([[1, -1, np.nan], [0, 1, 1], [np.nan, np.nan, -1]], dtype=np.float32)
    counts = count_votes(values, np.array([0, 1, -1]), 2)
    assert counts.agree.tolist() == [[1, 0, 0], [0, 1, 1]]
    assert counts.disagree.tolist() == [[0, 1, 0], [0, 0, 0]]
    assert counts.seen.tolist() == [[1, 1, 0], [1, 1, 1]]
    assert counts.passed.tolist() == [[0, 0, 0], [1, 0, 0]]


def test_after_merging_no_theme_is_smaller_than_a_quarter_of_an_even_share() -> None:
    core, communities, rows, texts = _small_communities()
    # Twelve communities of 3 and one lone pair: merged down to 4, the floor is
    # 38 / (4 x 4) = 2.4 members, so the pair joins a theme as well.
    core.add_edge("p:36", "p:37", weight=1.0)
    texts += ["Bussen är sen (pair)", "Tåget är sent (pair)"]
    rows.update({"p:36": 36, "p:37": 37})
    merged = merge_communities([*communities, ["p:36", "p:37"]], core,
                               vectorize(texts, "sv").matrix, rows, 4)
    assert len(merged) <= 4
    assert min(len(theme) for theme in merged) >= 38 / 16

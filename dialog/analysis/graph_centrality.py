"""Betweenness centrality of the perspective graph, vectorised over all sources."""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx
import numpy as np
from scipy import sparse

DENSE_NODE_LIMIT = 1500  # n x n float matrices; above this, sample sources with networkx


def betweenness(graph: nx.Graph, sample: int | None = None, seed: int = 0) -> dict[str, float]:
    """Normalised, unweighted betweenness centrality (same values as networkx's exact one).

    Brandes' algorithm run for all sources at once: breadth-first levels and the
    dependency accumulation are sparse-dense matrix products, which is ~20x faster than
    networkx on a few hundred perspectives. Graphs above ``DENSE_NODE_LIMIT`` nodes use
    networkx with ``sample`` (seeded) sources instead.
    """
    nodes: Sequence[str] = list(graph.nodes)
    n = len(nodes)
    if n < 3 or graph.number_of_edges() == 0:
        return dict.fromkeys(nodes, 0.0)
    if n > DENSE_NODE_LIMIT:
        k = min(sample or n, n)
        sampled: dict[str, float] = nx.betweenness_centrality(
            graph, k=k, normalized=True, seed=seed
        )
        return sampled
    adjacency = sparse.csr_matrix(nx.to_scipy_sparse_array(graph, nodelist=nodes, weight=None))
    adjacency.data[:] = 1.0
    # distance[s, v] (-1: unreached) and sigma[s, v], the number of shortest s-v paths.
    distance = np.full((n, n), -1, dtype=np.int64)
    np.fill_diagonal(distance, 0)
    sigma = np.eye(n)
    frontier = np.eye(n)
    level = 0
    while frontier.any():
        reached = np.asarray(adjacency.T @ frontier.T).T  # paths one step beyond frontier
        new = (reached > 0) & (distance < 0)
        level += 1
        distance[new] = level
        frontier = np.where(new, reached, 0.0)
        sigma += frontier
    delta = np.zeros((n, n))
    for depth in range(level - 1, 0, -1):
        below = distance == depth + 1
        coefficient = np.where(below, (1.0 + delta) / np.where(below, sigma, 1.0), 0.0)
        pulled = np.asarray(adjacency @ coefficient.T).T  # sum over next-level neighbours
        here = distance == depth
        delta[here] += (sigma * pulled)[here]
    scores = delta.sum(axis=0) / ((n - 1) * (n - 2))
    return {node: float(score) for node, score in zip(nodes, scores, strict=True)}

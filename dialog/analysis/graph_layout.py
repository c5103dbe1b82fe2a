"""Where each node of the perspective map sits: computed once per analysis, seeded, stored.

Every screen (console, wall) and the publication draw the map from these positions, so the
room, the facilitator and the committee see the same picture. A spring layout over the
perspectives and their themes (themes pull their perspectives together); groups (stakeholder
and opinion groups) sit at the centre of what they are tied to. Coordinates are in [0, 1].

The spring layout is Fruchterman-Reingold with near-linear cost per iteration (see
``dialog.analysis.spring``), so a map of 10,000 perspectives is placed in about a second.
"""

from __future__ import annotations

import networkx as nx
import numpy as np

from dialog.analysis.spring import spring_positions

#: Edge types that pull two nodes together in the layout.
PULLING = ("link", "similar", "co_agreement", "in_theme")
#: Node types the spring layout places; the others follow their neighbours.
PLACED = ("perspective", "theme")


def _spring(graph: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    placed = [n for n, attrs in graph.nodes(data=True) if attrs.get("type") in PLACED]
    if not placed:
        return {}
    index = {node: i for i, node in enumerate(placed)}
    sources: list[int] = []
    targets: list[int] = []
    weights: list[float] = []
    for source, target, attrs in graph.edges(data=True):
        if source in index and target in index and attrs.get("type") in PULLING:
            sources.append(index[source])
            targets.append(index[target])
            weights.append(max(float(attrs.get("weight", 1.0)), 0.1))
    xy = spring_positions(len(placed), np.array(sources, dtype=np.int64),
                          np.array(targets, dtype=np.int64), np.array(weights), seed=seed)
    return {node: (float(x), float(y)) for node, (x, y) in zip(placed, xy.tolist(), strict=True)}


def place(graph: nx.Graph, seed: int = 0) -> None:
    """Set ``x`` and ``y`` (rounded, in [0, 1]) on every node of ``graph``."""
    positions = _spring(graph, seed)
    for node in graph.nodes:
        if node in positions:
            continue
        around = [positions[n] for n in graph.neighbors(node) if n in positions]
        if around:
            positions[node] = (sum(x for x, _ in around) / len(around),
                               sum(y for _, y in around) / len(around))
    missing = [n for n in graph.nodes if n not in positions]
    for index, node in enumerate(sorted(missing)):
        # Nothing to follow (a group nobody is in yet): a row along the bottom edge.
        positions[node] = ((index + 1) / (len(missing) + 1), 1.1)
    if not positions:
        return
    xy = np.array(list(positions.values()))
    low = xy.min(axis=0)
    span = xy.max(axis=0) - low
    scaled = (xy - low) / np.where(span > 0, span, 1.0)
    for node, (x, y) in zip(positions, scaled.tolist(), strict=True):
        graph.nodes[node]["x"] = round(x, 4)
        graph.nodes[node]["y"] = round(y, 4)

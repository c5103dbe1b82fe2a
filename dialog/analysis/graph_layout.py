"""Where each node of the perspective map sits: computed once per analysis, seeded, stored.

Every screen (console, wall) and the publication draw the map from these positions, so the
room, the facilitator and the committee see the same picture. A spring layout over the
perspectives and their themes (themes pull their perspectives together); groups (stakeholder
and opinion groups) sit at the centre of what they are tied to. Coordinates are in [0, 1].
"""

from __future__ import annotations

import networkx as nx

#: Edge types that pull two nodes together in the layout.
PULLING = ("link", "similar", "co_agreement", "in_theme")
#: Node types the spring layout places; the others follow their neighbours.
PLACED = ("perspective", "theme")


def place(graph: nx.Graph, seed: int = 0) -> None:
    """Set ``x`` and ``y`` (rounded, in [0, 1]) on every node of ``graph``."""
    placed = nx.Graph()
    placed.add_nodes_from(n for n, attrs in graph.nodes(data=True)
                          if attrs.get("type") in PLACED)
    for source, target, attrs in graph.edges(data=True):
        if source in placed and target in placed and attrs.get("type") in PULLING:
            placed.add_edge(source, target, weight=max(float(attrs.get("weight", 1.0)), 0.1))
    positions: dict[str, tuple[float, float]] = {}
    if placed.number_of_nodes():
        spring = nx.spring_layout(placed, seed=seed, weight="weight",
                                  k=1.6 / max(placed.number_of_nodes(), 1) ** 0.5)
        positions = {node: (float(xy[0]), float(xy[1])) for node, xy in spring.items()}
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
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    for node, (x, y) in positions.items():
        graph.nodes[node]["x"] = round((x - min(xs)) / span_x, 4)
        graph.nodes[node]["y"] = round((y - min(ys)) / span_y, 4)

"""The published perspective graph: published nodes only, fixed positions for the picture.

Positions are the map's own: the analysis lays the graph out once (seeded) and stores x, y
on every node, so the publication shows the picture the console and the wall showed. A map
stored before that gets a spring layout (fixed seed) here. Either way the positions are
frozen in the snapshot, so a version's picture never moves. Perspective labels are the
published, redacted texts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:
    from dialog.publication.sections.context import SectionContext

LAYOUT_SEED = 7
#: Node types the picture draws; stakeholder and opinion groups stay in the GraphML only.
DRAWN = ("perspective", "theme")
PAIR_EDGES = ("link", "similar", "co_agreement")
#: Computed likeness between two perspectives (a link is someone's act and always stays).
LIKENESS = ("similar", "co_agreement")
#: Each perspective keeps its strongest likeness edges, so a large map stays linear in size.
NEIGHBOURS = 10


def published_graph(node_link: dict[str, Any] | None, ctx: SectionContext) -> dict[str, Any]:
    """Reduce node-link JSON to published perspectives and their themes and groups."""
    if not node_link:
        return {"nodes": [], "edges": []}
    published = {p["id"]: p for p in ctx.results.get("perspectives") or []}
    nodes: dict[str, dict[str, Any]] = {}
    for node in node_link.get("nodes", []):
        kind = node.get("type")
        if kind == "perspective":
            item = published.get(node.get("perspective_id"))
            if item is None:
                continue
            nodes[node["id"]] = {
                "id": node["id"], "type": kind, "perspective_id": item["id"],
                "label": item["text"], "kind": item["kind"],
                "stakeholder_group": item["stakeholder_group"], "theme": node.get("theme"),
            }
        elif kind == "theme":
            nodes[node["id"]] = {"id": node["id"], "type": kind, "theme": node.get("theme_id"),
                                 "label": node.get("label", ""), "other": node.get("other")}
        elif kind == "stakeholder_group":
            nodes[node["id"]] = {"id": node["id"], "type": kind, "label": node.get("name", "")}
        elif kind == "opinion_group":
            nodes[node["id"]] = {"id": node["id"], "type": kind,
                                 "label": str(node.get("label") or node["id"])}
    for node in node_link.get("nodes", []):
        if node.get("id") in nodes and "x" in node and "y" in node:
            nodes[node["id"]]["map_xy"] = (float(node["x"]), float(node["y"]))
    edges = [
        {"source": e["source"], "target": e["target"], "type": e.get("type", ""),
         "weight": round(float(e.get("weight", 1.0)), 4)}
        for e in node_link.get("edges", node_link.get("links", []))
        if e.get("source") in nodes and e.get("target") in nodes
    ]
    edges = _strongest(edges)
    _place(nodes, edges)
    return {"nodes": list(nodes.values()), "edges": edges}


def _strongest(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep a likeness edge when it is among the ``NEIGHBOURS`` strongest of either end."""
    ranked: dict[str, list[tuple[float, int]]] = {}
    for index, edge in enumerate(edges):
        if edge["type"] in LIKENESS:
            for end in (edge["source"], edge["target"]):
                ranked.setdefault(end, []).append((-edge["weight"], index))
    kept: set[int] = set()
    for entries in ranked.values():
        kept.update(index for _weight, index in sorted(entries)[:NEIGHBOURS])
    return [e for i, e in enumerate(edges) if e["type"] not in LIKENESS or i in kept]


def _place(nodes: dict[str, dict[str, Any]], edges: list[dict[str, Any]]) -> None:
    """Give drawn nodes x/y in [0, 1]; themes pull their perspectives together."""
    drawn = [n for n, attrs in nodes.items()
             if attrs["type"] in DRAWN and not (attrs["type"] == "theme" and attrs.get("other"))]
    stored = {n: nodes[n].pop("map_xy") for n in list(nodes) if "map_xy" in nodes[n]}
    if drawn and all(n in stored for n in drawn):
        _spread(nodes, {n: stored[n] for n in drawn})
        return
    graph = nx.Graph()
    graph.add_nodes_from(drawn)
    for edge in edges:
        if edge["source"] in graph and edge["target"] in graph and (
                edge["type"] in PAIR_EDGES or edge["type"] == "in_theme"):
            graph.add_edge(edge["source"], edge["target"], weight=max(edge["weight"], 0.1))
    if graph.number_of_nodes() == 0:
        return
    positions = nx.spring_layout(graph, seed=LAYOUT_SEED, weight="weight",
                                 k=1.6 / max(graph.number_of_nodes(), 1) ** 0.5)
    _spread(nodes, {n: (float(xy[0]), float(xy[1])) for n, xy in positions.items()})


def _spread(nodes: dict[str, dict[str, Any]], positions: dict[str, tuple[float, float]]) -> None:
    """Set x/y of the given nodes, stretched to fill [0, 1] in both directions."""
    xs = [float(p[0]) for p in positions.values()]
    ys = [float(p[1]) for p in positions.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    for node, (x, y) in positions.items():
        nodes[node]["x"] = round((float(x) - min(xs)) / span_x, 4)
        nodes[node]["y"] = round((float(y) - min(ys)) / span_y, 4)

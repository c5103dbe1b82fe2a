"""Write the perspective graph as GraphML, which Gephi and yEd open.

GraphML only holds strings, numbers and booleans, one type per attribute name: lists become
"; "-joined text, dicts JSON, missing values are left out, and an attribute that mixes types
across nodes is written as text everywhere. Every node gets a ``label`` Gephi shows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
from sqlalchemy.orm import Session

from dialog.models import Process
from phases.inventering.map import analysis_runs

LABEL_LENGTH = 80


def graph_of(session: Session, process: Process, seed: int = 0) -> nx.Graph:
    """Return the process's perspective graph from its latest (or a fresh) analysis."""
    result, _computed = analysis_runs.refresh(session, process, seed)
    return nx.node_link_graph(result["graph"], edges="edges")


def write_graphml(session: Session, process: Process, path: Path, *,
                  seed: int = 0) -> dict[str, int]:
    """Write the graph to ``path``; return how many nodes and edges it has."""
    graph = graphml_ready(graph_of(session, process, seed))
    graph.graph["title"] = process.title
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(graph, path, encoding="utf-8")
    return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}


def graphml_ready(graph: nx.Graph) -> nx.Graph:
    """Return a copy whose attributes GraphML can hold (see the module docstring)."""
    ready = nx.Graph()
    ready.graph.update(_plain(graph.graph))
    for node, attrs in graph.nodes(data=True):
        ready.add_node(node, **(_plain(attrs) | {"label": _label(node, attrs)}))
    for a, b, attrs in graph.edges(data=True):
        ready.add_edge(a, b, **_plain(attrs))
    _unify(attrs for _n, attrs in ready.nodes(data=True))
    _unify(attrs for _a, _b, attrs in ready.edges(data=True))
    return ready


def _plain(attrs: dict[str, Any]) -> dict[str, str | int | float | bool]:
    plain: dict[str, str | int | float | bool] = {}
    for key, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, list | tuple):
            plain[key] = "; ".join(str(v) for v in value)
        elif isinstance(value, dict):
            plain[key] = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, str | int | float | bool):
            plain[key] = value
        else:
            plain[key] = str(value)
    return plain


def _unify(attribute_sets: Iterable[dict[str, Any]]) -> None:
    """Give each attribute one type: ints and floats become floats, other mixes text."""
    sets = list(attribute_sets)
    kinds: dict[str, set[type]] = {}
    for attrs in sets:
        for key, value in attrs.items():
            kinds.setdefault(key, set()).add(type(value))
    numbers = {key for key, found in kinds.items() if found == {int, float}}
    mixed = {key for key, found in kinds.items() if len(found) > 1} - numbers
    for attrs in sets:
        for key in numbers & attrs.keys():
            attrs[key] = float(attrs[key])
        for key in mixed & attrs.keys():
            attrs[key] = str(attrs[key])


def _label(node: str, attrs: dict[str, Any]) -> str:
    text = attrs.get("text") or attrs.get("label") or attrs.get("name")
    if text is None and attrs.get("type") == "opinion_group":
        text = f"Åsiktsgrupp {attrs.get('group_id')}"
    text = str(text if text is not None else node)
    return text if len(text) <= LABEL_LENGTH else text[:LABEL_LENGTH - 1] + "…"

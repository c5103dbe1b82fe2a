"""The perspective map: graph, themes, bridging perspectives, coverage and missing voices."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from dialog.analysis.coverage import coverage_matrix, missing_perspectives
from dialog.analysis.graph import ThemeIdentity, assemble_graph
from dialog.analysis.graph_layout import place
from dialog.analysis.graph_model import (
    ExplicitLink,
    MapParams,
    OpinionInput,
    PerspectiveInput,
    VoteTriple,
)
from dialog.analysis.themes import bridging_perspectives


@dataclass
class PerspectiveMap:
    """Everything the facilitator's map view needs, JSON-ready through ``to_dict``."""

    graph: nx.Graph
    themes: list[dict[str, Any]]
    bridging: list[dict[str, Any]]
    coverage: dict[str, Any]
    missing_perspectives: list[dict[str, Any]]
    timing_ms: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return plain JSON-serialisable data; the graph as networkx node-link data."""
        return {
            "graph": nx.node_link_data(self.graph, edges="edges"),
            "themes": self.themes,
            "bridging": self.bridging,
            "coverage": self.coverage,
            "missing_perspectives": self.missing_perspectives,
            "timing_ms": self.timing_ms,
        }


def analyze_map(
    perspectives: Iterable[PerspectiveInput],
    stakeholder_groups: Sequence[str],
    links: Iterable[ExplicitLink] = (),
    votes: Iterable[VoteTriple] | None = None,
    opinion: OpinionInput | None = None,
    language: str = "sv",
    seed: int = 0,
    *,
    similarity_threshold: float | None = None,
    params: MapParams | None = None,
    identify: ThemeIdentity | None = None,
) -> PerspectiveMap:
    """Analyse a process: graph and themes, bridging perspectives, coverage and prompts.

    ``stakeholder_groups`` is the process's full list of groups (a group may have no
    perspectives yet). Deterministic for a given ``seed``. ``timing_ms`` holds the
    milliseconds per stage (text, votes, graph, themes, bridging, coverage) and ``total``.
    """
    start = time.perf_counter()
    params = params or MapParams()
    build = assemble_graph(
        perspectives, links, votes, opinion, language, similarity_threshold,
        stakeholder_groups=stakeholder_groups, seed=seed, params=params, identify=identify,
    )
    timing = dict(build.timing_ms)
    clock = time.perf_counter()
    bridging = bridging_perspectives(
        build.core, build.graph, build.nodes, build.consensus, build.min_rates,
        build.agree_rates, params, seed,
    )
    timing["bridging"] = round((time.perf_counter() - clock) * 1000, 3)
    clock = time.perf_counter()
    coverage = coverage_matrix(build.graph, build.themes, stakeholder_groups)
    missing = missing_perspectives(build.graph, build.themes, coverage, build.contested, params)
    timing["coverage"] = round((time.perf_counter() - clock) * 1000, 3)
    clock = time.perf_counter()
    place(build.graph, seed)
    timing["layout"] = round((time.perf_counter() - clock) * 1000, 3)
    timing["total"] = round((time.perf_counter() - start) * 1000, 3)
    return PerspectiveMap(build.graph, build.themes, bridging, coverage, missing, timing)

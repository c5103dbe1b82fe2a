"""Build the perspective graph: perspectives, stakeholder groups, opinion groups and themes.

Node ids: ``p:<perspective id>``, ``s:<stakeholder group>``, ``o:<opinion group id>``,
``t:<theme id>``; every node has a ``type`` attribute. Edge ``type`` is one of ``link``,
``similar``, ``co_agreement`` (perspective-perspective; one edge per pair, with all
applicable types in ``types`` and ``type`` the first of link > similar > co_agreement),
``voiced_by`` (perspective - stakeholder group), ``agreed_by`` (opinion group - perspective)
and ``in_theme`` (perspective - theme). All attributes are JSON-serialisable.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from dialog.analysis.graph_edges import add_opinion_groups, edge_attrs, pair_evidence
from dialog.analysis.graph_model import (
    ExplicitLink,
    MapParams,
    OpinionInput,
    PerspectiveInput,
    VoteTriple,
    group_node,
    json_id,
    perspective_node,
    theme_node,
)
from dialog.analysis.graph_opinion import (
    GroupRates,
    consensus_rates,
    divisive_mask,
    group_rates,
)
from dialog.analysis.graph_votes import VoteTable, build_vote_table, co_agreement_pairs
from dialog.analysis.text import TextVectors, default_similarity_threshold, similar_pairs, vectorize
from dialog.analysis.theme_names import suggest_names
from dialog.analysis.themes import Theme, detect_themes

#: Gives themes their ids and labels (e.g. stable ids kept in a database); see assemble_graph.
ThemeIdentity = Callable[[list[Theme]], list[Theme]]


@dataclass
class GraphBuild:
    """The graph plus the intermediate results the map analysis reuses."""

    graph: nx.Graph
    core: nx.Graph  # perspective nodes and perspective-perspective edges only
    nodes: list[str]  # perspective node ids, in input order (= matrix rows/columns)
    vectors: TextVectors
    table: VoteTable
    rates: GroupRates | None
    themes: list[Theme]
    contested: set[str]
    consensus: np.ndarray
    min_rates: np.ndarray
    agree_rates: dict[str, dict[str, float]]
    params: MapParams
    timing_ms: dict[str, float] = field(default_factory=dict)


def _unique(perspectives: Iterable[PerspectiveInput]) -> list[PerspectiveInput]:
    items = list(perspectives)
    seen = [perspective_node(p.id) for p in items]
    if len(set(seen)) != len(seen):
        raise ValueError("perspective ids must be unique")
    return items


def assemble_graph(
    perspectives: Iterable[PerspectiveInput],
    links: Iterable[ExplicitLink] = (),
    votes: Iterable[VoteTriple] | None = None,
    opinion: OpinionInput | None = None,
    language: str = "sv",
    similarity_threshold: float | None = None,
    *,
    stakeholder_groups: Sequence[str] = (),
    seed: int = 0,
    params: MapParams | None = None,
    identify: ThemeIdentity | None = None,
) -> GraphBuild:
    """Build the graph and keep the intermediate results (see ``build_perspective_graph``).

    ``identify`` may give the themes other ids and labels (stable ids and the facilitator's
    names, kept by the caller) before anything else refers to them.
    """
    params = params or MapParams()
    if similarity_threshold is None:
        similarity_threshold = params.similarity_threshold
    if similarity_threshold is None:
        similarity_threshold = default_similarity_threshold(language)
    clock = time.perf_counter()
    timing: dict[str, float] = {}

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timing[name] = round((now - clock) * 1000, 3)
        clock = now

    items = _unique(perspectives)
    nodes = [perspective_node(p.id) for p in items]
    vectors = vectorize([p.text for p in items], language)
    similar = similar_pairs(vectors, similarity_threshold)
    lap("text")

    table = build_vote_table(votes, {p.id: i for i, p in enumerate(items)})
    agrees, disagrees, passes = table.totals()
    co_agreement = co_agreement_pairs(
        table, params.co_agreement_threshold, params.co_agreement_min_support,
        params.co_agreement_min_phi, params.co_agreement_top_k,
    )
    rates = group_rates(table, opinion)
    divisive = divisive_mask(rates, params.min_group_votes, params.divisive_threshold)
    consensus, min_rates = consensus_rates(rates, params.min_group_votes,
                                           params.bridging_threshold)
    lap("votes")

    graph = nx.Graph(language=language, similarity_threshold=similarity_threshold, seed=seed)
    contested: set[str] = set()
    for i, (p, node) in enumerate(zip(items, nodes, strict=True)):
        seen = int(agrees[i] + disagrees[i] + passes[i])
        is_divisive = bool(len(divisive) and divisive[i])
        if is_divisive or (seen >= params.min_group_votes
                           and disagrees[i] >= params.disagreement_threshold * seen):
            contested.add(node)
        graph.add_node(
            node, type="perspective", perspective_id=json_id(p.id), text=p.text, kind=p.kind,
            stakeholder_group=p.stakeholder_group, theme=None, agrees=int(agrees[i]),
            disagrees=int(disagrees[i]), passes=int(passes[i]), divisive=is_divisive,
            source=p.source,
        )
    voiced = [p.stakeholder_group for p in items if p.stakeholder_group]
    for name in dict.fromkeys([*stakeholder_groups, *voiced]):
        graph.add_node(group_node(name), type="stakeholder_group", name=name,
                       count=voiced.count(name))
    for p, node in zip(items, nodes, strict=True):
        if p.stakeholder_group:
            graph.add_edge(node, group_node(p.stakeholder_group), type="voiced_by")

    core = nx.Graph()
    core.add_nodes_from(nodes)
    for (i, j), evidence in sorted(pair_evidence(items, links, similar, co_agreement).items()):
        attrs = edge_attrs(evidence)
        graph.add_edge(nodes[i], nodes[j], **attrs)
        core.add_edge(nodes[i], nodes[j], weight=attrs["weight"])

    agree_rates = add_opinion_groups(graph, nodes, rates, opinion, params)
    lap("graph")

    themes = detect_themes(
        core, graph, vectors, {node: i for i, node in enumerate(nodes)}, seed=seed,
        resolution=params.louvain_resolution, min_size=params.min_theme_size,
        max_themes=params.max_themes,
    )
    suggest_names(themes, core, graph)
    if identify is not None:
        themes = identify(themes)
    for theme in themes:
        tnode = theme_node(theme["id"])
        graph.add_node(tnode, type="theme", theme_id=theme["id"], label=theme["label"],
                       terms=list(theme["terms"]), size=theme["size"], other=theme["other"],
                       suggested_name=theme.get("suggested_name", theme["label"]))
        for pid in theme["perspective_ids"]:
            graph.nodes[perspective_node(pid)]["theme"] = theme["id"]
            graph.add_edge(perspective_node(pid), tnode, type="in_theme")
    lap("themes")
    return GraphBuild(graph, core, nodes, vectors, table, rates, themes, contested,
                      consensus, min_rates, agree_rates, params, timing)


def build_perspective_graph(
    perspectives: Iterable[PerspectiveInput],
    links: Iterable[ExplicitLink] = (),
    votes: Iterable[VoteTriple] | None = None,
    opinion: OpinionInput | None = None,
    language: str = "sv",
    similarity_threshold: float | None = None,
    *,
    stakeholder_groups: Sequence[str] = (),
    seed: int = 0,
    params: MapParams | None = None,
) -> nx.Graph:
    """Build the perspective graph, themes included (theme id on each perspective node).

    ``votes`` is a log of ``(participant_id, perspective_id, vote)`` with +1 agree, -1
    disagree, 0 pass; a later vote replaces an earlier one. ``similarity_threshold`` None
    means the language default (see ``dialog.analysis.text``). ``stakeholder_groups`` adds
    nodes for groups of the process that have no perspectives yet.
    """
    return assemble_graph(
        perspectives, links, votes, opinion, language, similarity_threshold,
        stakeholder_groups=stakeholder_groups, seed=seed, params=params,
    ).graph

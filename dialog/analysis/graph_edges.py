"""Edges of the perspective graph: merged perspective-perspective evidence, opinion groups."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import networkx as nx
import numpy as np

from dialog.analysis.graph_model import (
    ExplicitLink,
    MapParams,
    OpinionInput,
    PerspectiveInput,
    opinion_node,
    perspective_node,
)
from dialog.analysis.graph_opinion import GroupRates

# Weight of each kind of evidence in the edge weight that theme detection uses.
LINK_WEIGHTS = {"builds_on": 1.0, "same_as": 1.0, "contrasts_with": 0.5}
CO_AGREEMENT_WEIGHT = 0.5
EDGE_TYPES = ("link", "similar", "co_agreement")


def pair_evidence(
    items: Sequence[PerspectiveInput],
    links: Iterable[ExplicitLink],
    similar: Iterable[tuple[int, int, float]],
    co_agreement: Iterable[tuple[int, int, float, float, int]],
) -> dict[tuple[int, int], dict[str, Any]]:
    """Collect the evidence per perspective pair ``(i, j)``, ``i < j`` (row indices).

    Links to unknown perspectives and self-links are ignored; a pair may carry several
    relations (``relations``), a cosine (``similarity``) and co-agreement statistics.
    """
    index = {p.id: i for i, p in enumerate(items)}
    pairs: dict[tuple[int, int], dict[str, Any]] = {}
    for link in links:
        i, j = index.get(link.source_id), index.get(link.target_id)
        if i is None or j is None or i == j:
            continue
        found = pairs.setdefault((min(i, j), max(i, j)), {})
        relations = found.setdefault("relations", [])
        if link.relation not in relations:
            relations.append(link.relation)
        found.setdefault("link_source", perspective_node(link.source_id))
    for i, j, cosine in similar:
        pairs.setdefault((i, j), {})["similarity"] = cosine
    for i, j, jaccard, phi, support in co_agreement:
        pairs.setdefault((i, j), {}).update(jaccard=jaccard, phi=phi, support=support)
    return pairs


def edge_attrs(evidence: dict[str, Any]) -> dict[str, Any]:
    """Edge attributes for one pair: ``type`` (link > similar > co_agreement), ``types``,
    and ``weight`` = link weight + cosine + CO_AGREEMENT_WEIGHT x Jaccard."""
    relations: list[str] = evidence.get("relations", [])
    present = {"link": bool(relations), "similar": "similarity" in evidence,
               "co_agreement": "jaccard" in evidence}
    types = [t for t in EDGE_TYPES if present[t]]
    weight = max((LINK_WEIGHTS[r] for r in relations), default=0.0)
    weight += evidence.get("similarity", 0.0) + CO_AGREEMENT_WEIGHT * evidence.get("jaccard", 0.0)
    attrs: dict[str, Any] = {"type": types[0], "types": types, "weight": round(weight, 6)}
    if relations:
        attrs.update(relation=relations[0], relations=relations,
                     link_source=evidence["link_source"])
    for key in ("similarity", "jaccard", "phi", "support"):
        if key in evidence:
            attrs[key] = evidence[key]
    return attrs


def add_opinion_groups(
    graph: nx.Graph,
    nodes: Sequence[str],
    rates: GroupRates | None,
    opinion: OpinionInput | None,
    params: MapParams,
) -> dict[str, dict[str, float]]:
    """Add opinion-group nodes and ``agreed_by`` edges; return per-node group agree rates."""
    agree_rates: dict[str, dict[str, float]] = {}
    if rates is None or opinion is None:
        return agree_rates
    rate = rates.agree_rate()
    enough = rates.votes >= params.min_group_votes
    for g, gid in enumerate(rates.group_ids):
        onode = opinion_node(gid)
        graph.add_node(onode, type="opinion_group", group_id=gid,
                       size=len(opinion.groups[gid]))
        for j in np.flatnonzero(enough[g]).tolist():
            value = round(float(rate[g, j]), 4)
            agree_rates.setdefault(nodes[j], {})[str(gid)] = value
            if value >= params.agreed_by_threshold:
                graph.add_edge(onode, nodes[j], type="agreed_by", weight=value,
                               votes=int(rates.votes[g, j]))
    return agree_rates

"""Themes (communities of related perspectives) and bridging perspectives."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx
import numpy as np

from dialog.analysis.graph_centrality import betweenness
from dialog.analysis.graph_model import OTHER_THEME_ID, OTHER_THEME_LABEL, MapParams
from dialog.analysis.text import TextVectors
from dialog.analysis.theme_merge import MAX_THEMES, merge_communities

Theme = dict[str, Any]


def _group_order(groups: Sequence[str | None]) -> list[str]:
    """Distinct known groups, most frequent first, then by name."""
    counts = Counter(g for g in groups if g)
    return sorted(counts, key=lambda g: (-counts[g], g))


def detect_themes(
    core: nx.Graph,
    graph: nx.Graph,
    vectors: TextVectors,
    rows: Mapping[str, int],
    *,
    seed: int = 0,
    resolution: float = 1.0,
    min_size: int = 2,
    n_terms: int = 3,
    max_themes: int = MAX_THEMES,
) -> list[Theme]:
    """Find themes with weighted Louvain on ``core`` (perspective-perspective edges only).

    Communities smaller than ``min_size`` (typically perspectives nothing links to) are
    pooled into one "övrigt" theme with id 0, listed last; other themes get ids 1, 2, ...
    by decreasing size. Beyond ``max_themes`` communities of ``min_size`` or more, the closest
    ones merge (``dialog.analysis.theme_merge``) so that a large process's map stays
    readable. Each theme is labelled by its ``n_terms`` terms with the highest
    summed TF-IDF, shown in their most frequent surface form.
    """
    if core.number_of_nodes() == 0:
        return []
    communities = nx.community.louvain_communities(
        core, weight="weight", resolution=resolution, seed=seed
    )
    kept = [c for c in communities if len(c) >= min_size]
    if len(kept) > max_themes:
        order_of = {node: i for i, node in enumerate(core.nodes)}
        kept = [sorted(c, key=order_of.__getitem__) for c in kept]
        communities = [*merge_communities(kept, core, vectors.matrix, rows, max_themes),
                       *(c for c in communities if len(c) < min_size)]
    order = {node: i for i, node in enumerate(core.nodes)}
    ranked = sorted(
        (sorted(c, key=order.__getitem__) for c in communities),
        key=lambda members: (-len(members), order[members[0]]),
    )
    themes: list[Theme] = []
    leftovers: list[str] = []
    for members in ranked:
        if len(members) < min_size:
            leftovers.extend(members)
            continue
        terms = vectors.top_terms([rows[n] for n in members], n_terms)
        themes.append(_theme(len(themes) + 1, ", ".join(terms) or f"tema {len(themes) + 1}",
                             terms, members, graph, other=False))
    if leftovers:
        leftovers.sort(key=order.__getitem__)
        themes.append(_theme(OTHER_THEME_ID, OTHER_THEME_LABEL, [], leftovers, graph, other=True))
    return themes


def _theme(
    theme_id: int, label: str, terms: list[str], members: list[str], graph: nx.Graph, other: bool
) -> Theme:
    attrs = [graph.nodes[n] for n in members]
    return {
        "id": theme_id,
        "label": label,
        "terms": terms,
        "perspective_ids": [a["perspective_id"] for a in attrs],
        "stakeholder_groups": _group_order([a.get("stakeholder_group") for a in attrs]),
        "size": len(members),
        "other": other,
    }


def _betweenness(core: nx.Graph, params: MapParams, seed: int) -> dict[str, float]:
    if core.number_of_nodes() < 3 or core.number_of_edges() == 0:
        return {}
    return betweenness(core, sample=params.betweenness_sample, seed=seed)


def bridging_perspectives(
    core: nx.Graph,
    graph: nx.Graph,
    nodes: Sequence[str],
    consensus: np.ndarray,
    min_rates: np.ndarray,
    agree_rates: Mapping[str, dict[str, float]],
    params: MapParams,
    seed: int = 0,
) -> list[dict[str, Any]]:
    """Rank perspectives that bridge opinion groups or themes.

    ``consensus[i]`` marks ``nodes[i]`` as agreed by every opinion group with enough votes
    (``min_rates[i]`` is its lowest group agree rate). Structural bridges have normalised
    betweenness at or above the threshold and neighbours in at least two themes (the top
    ``max_betweenness_bridges``). Cross-group agreement ranks first (by lowest group agree
    rate), then structural bridges by betweenness; ``score`` is that ranking value.
    """
    betweenness = _betweenness(core, params, seed)
    themes = {t: graph.nodes[t] for t in graph.nodes if graph.nodes[t].get("type") == "theme"}
    structural: dict[str, list[int]] = {}
    for node in sorted(betweenness, key=lambda n: (-betweenness[n], n)):
        if len(structural) >= params.max_betweenness_bridges:
            break
        if betweenness[node] < params.betweenness_threshold:
            break
        around = {graph.nodes[m].get("theme") for m in [node, *core.neighbors(node)]}
        around = {t for t in around if t is not None and t != OTHER_THEME_ID}
        if len(around) >= 2:
            structural[node] = sorted(around)
    result: list[tuple[tuple[int, float, float], dict[str, Any]]] = []
    for i, node in enumerate(nodes):
        agreed = bool(len(consensus) and consensus[i])
        if not agreed and node not in structural:
            continue
        attrs = graph.nodes[node]
        between = round(float(betweenness.get(node, 0.0)), 6)
        entry: dict[str, Any] = {
            "perspective_id": attrs["perspective_id"],
            "node": node,
            "text": attrs["text"],
            "stakeholder_group": attrs.get("stakeholder_group"),
            "reasons": [],
            "agree_rates": agree_rates.get(node, {}),
            "betweenness": between,
            "themes": structural.get(node, []),
        }
        sv: list[str] = []
        en: list[str] = []
        if agreed:
            low = round(float(min_rates[i]), 4)
            entry["reasons"].append("agreed_across_groups")
            entry["min_agree_rate"] = low
            sv.append(f"Får medhåll i alla åsiktsgrupper (minst {low:.0%}).")
            en.append(f"Agreed across all opinion groups (at least {low:.0%}).")
        if node in structural:
            labels = [themes[f"t:{t}"]["label"] for t in structural[node]]
            entry["reasons"].append("connects_themes")
            sv.append(f"Binder ihop temana {join_words([f'”{x}”' for x in labels], 'och')}.")
            en.append(f"Connects the themes {join_words([f'“{x}”' for x in labels], 'and')}.")
        entry["score"] = float(entry.get("min_agree_rate", between))
        entry["reason_sv"] = " ".join(sv)
        entry["reason_en"] = " ".join(en)
        result.append(((0 if agreed else 1, -entry["score"], -between), entry))
    result.sort(key=lambda item: item[0])
    return [entry for _, entry in result]


def join_words(items: Sequence[str], conjunction: str) -> str:
    """Join as "a, b och c" (or "and")."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"

"""Coverage of stakeholder groups over themes, and prompts for missing perspectives.

The dialogue method keeps asking "which perspective are we missing?". The prompts here
turn gaps in the map into questions a facilitator can put to the room.
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from typing import Any

import networkx as nx

from dialog.analysis.graph_model import MapParams, perspective_node
from dialog.analysis.themes import Theme, join_words

Prompt = dict[str, Any]

KIND_PLURAL = {
    "standpoint": ("ståndpunkter", "standpoints"),
    "feeling": ("känslor", "feelings"),
    "idea": ("idéer", "ideas"),
    "thought": ("tankar", "thoughts"),
}


def _perspectives(graph: nx.Graph) -> list[dict[str, Any]]:
    return [a for _, a in graph.nodes(data=True) if a.get("type") == "perspective"]


def coverage_matrix(
    graph: nx.Graph, themes: Sequence[Theme], stakeholder_groups: Sequence[str] = ()
) -> dict[str, Any]:
    """Count perspectives per stakeholder group (rows) and theme (columns).

    Rows are the process's groups in the given order, then any other group that voiced a
    perspective; perspectives without a group are counted in ``ungrouped`` only.
    """
    perspectives = _perspectives(graph)
    voiced = [a["stakeholder_group"] for a in perspectives if a.get("stakeholder_group")]
    groups = list(dict.fromkeys([*stakeholder_groups, *voiced]))
    row = {g: r for r, g in enumerate(groups)}
    col = {t["id"]: c for c, t in enumerate(themes)}
    counts = [[0] * len(themes) for _ in groups]
    for attrs in perspectives:
        group, theme = attrs.get("stakeholder_group"), attrs.get("theme")
        if group and theme in col:
            counts[row[group]][col[theme]] += 1
    return {
        "groups": groups,
        "themes": [t["id"] for t in themes],
        "theme_labels": [t["label"] for t in themes],
        "counts": counts,
        "group_totals": [voiced.count(g) for g in groups],
        "theme_totals": [int(t["size"]) for t in themes],
        "ungrouped": len(perspectives) - len(voiced),
    }


def _group_prompts(coverage: dict[str, Any], params: MapParams) -> list[Prompt]:
    groups: list[str] = coverage["groups"]
    totals: list[int] = coverage["group_totals"]
    total = sum(totals)
    fair_share = total / len(groups) if groups else 0.0
    silent: list[Prompt] = []
    quiet: list[Prompt] = []
    for group, count in zip(groups, totals, strict=True):
        if count == 0:
            silent.append({
                "type": "group_silent", "stakeholder_group": group, "count": 0,
                "message_sv": f"Inga perspektiv från {group} ännu. Vilket perspektiv saknar vi?",
                "message_en": f"No perspectives from {group} yet. "
                              "Which perspective are we missing?",
            })
        elif count < params.quiet_share * fair_share or (
            count < params.quiet_min_count <= fair_share
        ):
            quiet.append({
                "type": "group_quiet", "stakeholder_group": group, "count": count,
                "share": round(count / total, 4),
                "message_sv": f"Bara {count} av {total} perspektiv kommer från {group}. "
                              f"Vad skulle gruppen {_title(group)} vilja lägga till?",
                "message_en": f"Only {count} of {total} perspectives "
                              f"{'comes' if count == 1 else 'come'} from {group}. "
                              f"What would the {_title(group)} group add?",
            })
    return silent + quiet


def _title(group: str) -> str:
    """A group's name as a name in a sentence: "region" becomes "Region"."""
    return group[:1].upper() + group[1:]


def _single_group_prompt(theme: Theme, groups: Sequence[str]) -> Prompt | None:
    voiced: list[str] = theme["stakeholder_groups"]
    if len(voiced) != 1 or len(groups) < 2:
        return None
    group = voiced[0]
    others = [g for g in groups if g != group]
    label = theme["label"]
    return {
        "type": "single_group_theme", "theme_id": theme["id"], "theme_label": label,
        "stakeholder_group": group, "other_groups": others,
        "perspective_ids": list(theme["perspective_ids"]),
        "message_sv": f"Temat ”{label}” har bara perspektiv från {group}. "
                      f"Hur ser {join_words(others, 'och')} på det?",
        "message_en": f"The theme “{label}” only has perspectives from {group}. "
                      f"How do {join_words(others, 'and')} see it?",
    }


def _no_contrast_prompt(graph: nx.Graph, theme: Theme, contested: Set[str]) -> Prompt | None:
    members = [perspective_node(pid) for pid in theme["perspective_ids"]]
    for node in members:
        if node in contested:
            return None
        for _, _, attrs in graph.edges(node, data=True):
            if "contrasts_with" in attrs.get("relations", ()):
                return None
    kinds = sorted({graph.nodes[n].get("kind") or "" for n in members})
    label = theme["label"]
    sv = f"Ingen har ännu ifrågasatt något i temat ”{label}”. Ser någon annorlunda på det?"
    en = (f"Nobody has challenged anything in the theme “{label}” yet. "
          "Does anyone see it differently?")
    if len(kinds) == 1 and kinds[0] in KIND_PLURAL:
        plural_sv, plural_en = KIND_PLURAL[kinds[0]]
        sv += f" Hittills är alla perspektiv här {plural_sv}."
        en += f" So far all perspectives here are {plural_en}."
    return {
        "type": "no_contrast_theme", "theme_id": theme["id"], "theme_label": label,
        "kinds": kinds, "perspective_ids": list(theme["perspective_ids"]),
        "message_sv": sv, "message_en": en,
    }


def missing_perspectives(
    graph: nx.Graph,
    themes: Sequence[Theme],
    coverage: dict[str, Any],
    contested: Set[str] = frozenset(),
    params: MapParams | None = None,
) -> list[Prompt]:
    """Prompts for the facilitator, in this order:

    ``group_silent`` (a group of the process has no perspective), ``group_quiet`` (under
    ``quiet_share`` of an even share of all perspectives, or fewer than ``quiet_min_count``
    once an even share would reach that count),
    ``single_group_theme`` (a theme voiced by one group only) and ``no_contrast_theme``
    (no ``contrasts_with`` link touches the theme and none of its perspectives is
    ``contested``: divisive between opinion groups or often disagreed with). The
    "övrigt" theme gets no theme prompts.
    """
    params = params or MapParams()
    prompts = _group_prompts(coverage, params)
    real = [t for t in themes if not t.get("other")]
    prompts += [p for t in real if (p := _single_group_prompt(t, coverage["groups"]))]
    prompts += [p for t in real if (p := _no_contrast_prompt(graph, t, contested))]
    return prompts

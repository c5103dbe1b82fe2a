"""Section "map": themes, opinion groups, consensus, divisive perspectives and the graph.

The map comes from the map feature's service ``analysis_runs.refresh`` (the same data as
``GET /api/v1/processes/{id}/map``). Only published perspectives appear, always in their
published (redacted) words.
"""

from __future__ import annotations

from typing import Any

from dialog.publication.map_layout import published_graph
from dialog.publication.sections.context import SectionContext
from dialog.publication.suppression import suppress_why

#: How many perspectives a theme, opinion group or list quotes on the page.
QUOTES = 3
LISTED = 5


def load_map(ctx: SectionContext) -> dict[str, Any] | None:
    """The map as the map feature serves it (``GET /api/v1/processes/{id}/map``)."""
    if not ctx.perspectives:
        return None
    from phases.inventering.map.analysis_runs import refresh  # lazily: phases import the kernel

    result, _computed = refresh(ctx.session, ctx.process)
    return {**result, "source": "map"}


def map_section(ctx: SectionContext) -> dict[str, Any] | None:
    """Themes with quotes, opinion groups with their representative perspectives, the graph."""
    data = load_map(ctx)
    if not data:
        return None
    published = ctx.published_ids
    themes = []
    for theme in data.get("themes") or []:
        members = [pid for pid in theme.get("perspective_ids", []) if pid in published]
        if not members:
            continue
        themes.append({
            "id": theme["id"], "label": theme["label"], "terms": list(theme.get("terms", [])),
            "other": bool(theme.get("other")), "size": len(members),
            "stakeholder_groups": list(theme.get("stakeholder_groups", [])),
            "perspective_ids": members,
            "quotes": [q for pid in members[:QUOTES] if (q := ctx.quote(pid))],
        })
    return {
        "source": data.get("source", "analysis"),
        "themes": themes,
        "opinion_groups": _opinion_groups(ctx, data.get("opinion_groups") or []),
        "consensus": _quoted(ctx, data.get("consensus") or []),
        "divisive": _quoted(ctx, data.get("divisive") or []),
        "bridging": _quoted(ctx, data.get("bridging") or []),
        "prompts": [
            {"type": p.get("type"), "message_sv": p.get("message_sv", ""),
             "message_en": p.get("message_en", "")}
            for p in data.get("missing_perspectives") or []
        ],
        "graph": published_graph(data.get("graph"), ctx),
    }


def _perspective_id(item: dict[str, Any]) -> Any:
    return item.get("perspective_id", item.get("id"))


def _shares(item: dict[str, Any]) -> dict[str, Any]:
    keep = ("agree", "disagree", "pass", "seen", "direction", "p")
    return {k: item[k] for k in keep if k in item and isinstance(item[k], int | float | str)}


def _quoted(ctx: SectionContext, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    quoted = []
    for item in items:
        quote = ctx.quote(_perspective_id(item), **_shares(item))
        if quote:
            quoted.append(quote)
        if len(quoted) == LISTED:
            break
    return quoted


def _opinion_groups(ctx: SectionContext, groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    sizes = suppress_why([(g.get("id"), len(g.get("members") or []) or int(g.get("size") or 0))
                      for g in groups])
    return [
        {"id": group.get("id"), "participants": size, "suppressed": size is None, "hidden": why,
         "representative": _quoted(ctx, group.get("representative") or [])}
        for group, (_gid, size, why) in zip(groups, sizes, strict=True)
    ]

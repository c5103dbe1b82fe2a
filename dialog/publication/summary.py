"""What the public page and the report read of a version: the snapshot without its bulk.

A snapshot holds every perspective, every vote and the whole perspective graph: at 10,000
perspectives that is tens of megabytes. The page and the report need the sections, counts,
a drawable map and a few top perspectives; the full lists stay in the snapshot, the open
data and the paged list (``perspectives.json``, see ``listing``).
"""

from __future__ import annotations

from typing import Any

#: Parts of a snapshot the summary leaves out (they are in the open data).
BULK = ("perspectives", "votes", "reactions")
#: New perspectives named under "Nytt sedan"; the rest are counted.
CHANGES_NAMED = 10
#: Top perspectives per theme (or per stakeholder group) in the summary.
HIGHLIGHTS = 5
#: Themes quoted on the page and in the report (the largest); the rest are named and counted.
QUOTED_THEMES = 12
#: The map picture draws at most this many perspectives (the quoted ones first).
DRAWN = 300
#: ... and at most this many of the strongest links between them.
DRAWN_EDGES = 600


def summary_of(snapshot: dict[str, Any]) -> dict[str, Any]:
    """Return the summary of a snapshot (plain JSON, a few hundred kB at most)."""
    perspectives = snapshot.get("perspectives") or []
    summary = {key: value for key, value in snapshot.items() if key not in BULK}
    summary["perspective_count"] = len(perspectives)
    summary["redacted_count"] = sum(1 for p in perspectives if p.get("redacted"))
    summary["filters"] = {
        "kinds": sorted({p["kind"] for p in perspectives}),
        "groups": _group_names(perspectives)}
    mapped = snapshot.get("map")
    if mapped:
        summary["map"] = {**mapped, "graph": picture_graph(mapped.get("graph"), mapped),
                          "themes": _named_themes(mapped.get("themes") or [])}
    changes = snapshot.get("changes")
    if changes and changes.get("new_perspectives"):
        new = changes["new_perspectives"]
        summary["changes"] = {**changes, "new_perspectives": new[:CHANGES_NAMED],
                              "new_perspectives_count": len(new)}
    summary["highlights"] = highlights(snapshot)
    return summary


def _group_names(perspectives: list[dict[str, Any]]) -> list[str | None]:
    """The stakeholder groups that wrote something, by name; None (ungrouped) last."""
    names = {p["stakeholder_group"] for p in perspectives}
    return [*sorted(n for n in names if n), *([None] if None in names or "" in names else [])]


def _quoted_themes(themes: list[dict[str, Any]]) -> set[Any]:
    """The ids of the ``QUOTED_THEMES`` largest themes."""
    ranked = sorted(themes, key=lambda t: -int(t.get("size") or 0))
    return {t["id"] for t in ranked[:QUOTED_THEMES]}


def _named_themes(themes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Themes without their member lists; only the largest keep their quotes."""
    quoted = _quoted_themes(themes)
    return [{**{k: v for k, v in t.items() if k != "perspective_ids"},
             "quotes": t.get("quotes", []) if t["id"] in quoted else []} for t in themes]


def highlights(snapshot: dict[str, Any]) -> list[dict[str, Any]]:
    """The most answered perspectives per (quoted) theme, else per stakeholder group.

    ``[{"theme": label | None, "group": name | None, "size": n, "quotes": [...]}]``; a quote
    carries its agree, disagree and pass counts when it had reactions.
    """
    perspectives = {p["id"]: p for p in snapshot.get("perspectives") or []}
    counts = {r["perspective_id"]: r for r in snapshot.get("reactions") or []}
    themes = (snapshot.get("map") or {}).get("themes") or []
    if themes:
        quoted = _quoted_themes(themes)
        buckets = [({"theme": t["label"], "other": bool(t.get("other")), "group": None},
                    t.get("perspective_ids") or []) for t in themes if t["id"] in quoted]
    else:
        by_group: dict[str | None, list[int]] = {}
        for item in perspectives.values():
            by_group.setdefault(item["stakeholder_group"], []).append(item["id"])
        buckets = [({"theme": None, "other": False, "group": name}, ids)
                   for name, ids in by_group.items()]
    out = []
    for head, ids in buckets:
        members = [i for i in ids if i in perspectives]
        ranked = sorted(members, key=lambda i: (-(counts.get(i) or {}).get("total", 0), i))
        out.append({**head, "size": len(members),
                    "quotes": [_quote(perspectives[i], counts.get(i))
                               for i in ranked[:HIGHLIGHTS]]})
    return out


def _quote(item: dict[str, Any], count: dict[str, Any] | None) -> dict[str, Any]:
    quote = {k: item[k] for k in ("id", "text", "kind", "stakeholder_group", "source")}
    if count:
        quote.update({k: count[k] for k in ("agree", "disagree", "pass")})
    return quote


def picture_graph(graph: dict[str, Any] | None, mapped: dict[str, Any]) -> dict[str, Any]:
    """The graph the map picture draws: all of a small map, a sample of a large one.

    A large map keeps the perspectives the page quotes, then an even spread of the others up
    to ``DRAWN``, the quoted themes' names, and the strongest ``DRAWN_EDGES`` links among them;
    ``perspectives`` tells how many there were in all.
    """
    graph = graph or {"nodes": [], "edges": []}
    nodes = graph.get("nodes") or []
    people = [n for n in nodes if n.get("type") == "perspective"]
    total = len(people)
    if total <= DRAWN:
        return {**graph, "perspectives": total}
    quoted = _quoted_ids(mapped)
    chosen = [n for n in people if n.get("perspective_id") in quoted][:DRAWN]
    rest = [n for n in people if n.get("perspective_id") not in quoted]
    room = DRAWN - len(chosen)
    if room > 0 and rest:
        step = len(rest) / room
        chosen += [rest[int(i * step)] for i in range(min(room, len(rest)))]
    named = _quoted_themes(mapped.get("themes") or [])
    keep = {n["id"] for n in chosen} | {n["id"] for n in nodes if n.get("type") == "theme"
                                        and n.get("theme") in named}
    edges = [e for e in graph.get("edges") or []
             if e.get("source") in keep and e.get("target") in keep]
    edges.sort(key=lambda e: -float(e.get("weight") or 0))
    return {"nodes": [n for n in nodes if n["id"] in keep], "edges": edges[:DRAWN_EDGES],
            "perspectives": total}


def _quoted_ids(mapped: dict[str, Any]) -> set[Any]:
    found: set[Any] = set()
    for theme in mapped.get("themes") or []:
        found.update(q["id"] for q in theme.get("quotes") or [])
    for key in ("consensus", "divisive", "bridging"):
        found.update(q["id"] for q in mapped.get(key) or [])
    for group in mapped.get("opinion_groups") or []:
        found.update(q["id"] for q in group.get("representative") or [])
    return found

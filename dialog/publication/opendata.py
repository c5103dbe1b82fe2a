"""Open data: one ZIP per publication with CSV, JSON, GraphML, the Polis format and a README.

Everything is written from the stored snapshot, so a version's data never changes.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import datetime
from typing import Any

import networkx as nx

from dialog.publication.licences import licence_for
from dialog.publication.opendata_fields import FILES
from dialog.publication.opendata_followup import followup_tables
from dialog.publication.opendata_readme import readme
from dialog.services.csv_cells import safe_cell

SEP = "|"


def _joined(values: Any) -> str:
    return SEP.join(str(v) for v in values or [])


def _csv(name: str, rows: list[dict[str, Any]]) -> str:
    columns = [column for column, _ in FILES[name][1]]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row.get(k) is None else safe_cell(row.get(k)) for k in columns})
    return out.getvalue()


def tables(snap: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows of every CSV file, keyed by file name."""
    mapped = snap.get("map") or {}
    theme_of = {pid: t["id"] for t in mapped.get("themes", []) for pid in t["perspective_ids"]}
    part = snap.get("participation") or {}
    return {
        "perspectives.csv": [{**p, "redacted": str(p["redacted"]).lower(),
                              "theme_id": theme_of.get(p["id"])}
                             for p in snap.get("perspectives") or []],
        "reactions.csv": list(snap.get("reactions") or []),
        "themes.csv": [{**t, "stakeholder_groups": _joined(t["stakeholder_groups"]),
                        "perspective_ids": _joined(t["perspective_ids"])}
                       for t in mapped.get("themes", [])],
        "opinion_groups.csv": [{"id": g["id"], "participants": g["participants"],
                                "hidden": g.get("hidden"),
                                "representative_perspective_ids":
                                    _joined(q["id"] for q in g["representative"])}
                               for g in mapped.get("opinion_groups", [])],
        "participation_groups.csv": [{"stakeholder_group": g["name"], **g, **g["kinds"]}
                                     for g in part.get("groups", [])],
        "participation_ages.csv": [{"age_band": a["band"], **a}
                                   for a in part.get("age_bands", [])],
        "alternatives.csv": [_alternative_row(a) for a in snap.get("alternatives") or []],
        "proposals.csv": [_proposal_row(p) for p in snap.get("proposals") or []],
        **followup_tables(snap),
    }


def _alternative_row(a: dict[str, Any]) -> dict[str, Any]:
    support = a.get("support") or {}
    dissent = a.get("dissent") or {}
    return {**a, **{k: support.get(k) for k in ("supports", "can_live_with", "objects")},
            "conditions": _joined(c["text"] for c in a.get("conditions") or []),
            "dissent_count": dissent.get("count"), "dissent_reasons": _joined(
                dissent.get("reasons")),
            "perspective_ids": _joined(q["id"] for q in a.get("perspectives") or [])}


def _proposal_row(p: dict[str, Any]) -> dict[str, Any]:
    goal = p.get("goal") or {}
    return {**p, "goal": " ".join(x for x in (goal.get("code"), goal.get("title")) if x),
            "indicators": _joined(p.get("indicators")),
            "alternative_ids": _joined(p.get("alternative_ids")),
            "perspective_ids": _joined(q["id"] for q in p.get("perspectives") or [])}


def graphml(snap: dict[str, Any]) -> str:
    """The published map as GraphML, made GraphML-safe by the map feature's own helper."""
    graph = nx.Graph()
    data = (snap.get("map") or {}).get("graph") or {"nodes": [], "edges": []}
    for node in data["nodes"]:
        attrs = {k: v for k, v in node.items() if k != "id" and v is not None}
        if attrs.get("type") == "perspective":
            attrs["text"] = attrs.pop("label", "")  # the whole text; the label may be cut
        graph.add_node(node["id"], **attrs)
    for edge in data["edges"]:
        graph.add_edge(edge["source"], edge["target"], type=edge["type"], weight=edge["weight"])
    graph.graph["title"] = (snap.get("process") or {}).get("title", "")
    from phases.inventering.map.graph_export import (
        graphml_ready,  # lazily: phases import the kernel
    )

    graph = graphml_ready(graph)
    return "\n".join(nx.generate_graphml(graph)) + "\n"


def polis_files(snap: dict[str, Any]) -> dict[str, str]:
    """``comments.csv`` and ``votes.csv`` in the Polis export format."""
    published_at = snap["meta"].get("published_at") or snap["meta"]["generated_at"]
    moment = datetime.fromisoformat(published_at)
    millis, day = str(int(moment.timestamp() * 1000)), moment.date().isoformat()
    counts = {r["perspective_id"]: r for r in snap.get("reactions") or []}
    comments = [{"timestamp": millis, "datetime": day, "comment-id": p["id"], "author-id": "",
                 "agrees": counts.get(p["id"], {}).get("agree", 0),
                 "disagrees": counts.get(p["id"], {}).get("disagree", 0), "moderated": 1,
                 "comment-body": p["text"]} for p in snap.get("perspectives") or []]
    log = (snap.get("votes") or {}).get("log", [])
    votes = [{"timestamp": millis, "datetime": day, "comment-id": pid, "voter-id": voter,
              "vote": vote} for voter, pid, vote in log]
    return {"polis/comments.csv": _csv("polis/comments.csv", comments),
            "polis/votes.csv": _csv("polis/votes.csv", votes)}


def build_zip(snap: dict[str, Any], *, base_url: str = "") -> bytes:
    """Return the open-data ZIP of one snapshot."""
    licence = licence_for(snap["meta"].get("licence"))
    mapped = snap.get("map") or {}
    files: dict[str, str] = {"README.md": readme(snap, licence, base_url)}
    files["snapshot.json"] = _json(snap)
    for name, rows in tables(snap).items():
        files[name] = _csv(name, rows)
    files["perspectives.json"] = _json(snap.get("perspectives") or [])
    files["reactions.json"] = _json(snap.get("reactions") or [])
    files["themes.json"] = _json(mapped.get("themes", []))
    files["opinion_groups.json"] = _json({k: mapped.get(k, []) for k in (
        "opinion_groups", "consensus", "divisive", "bridging")})
    files["participation.json"] = _json(snap.get("participation") or {})
    files["alternatives.json"] = _json(snap.get("alternatives") or [])
    files["proposals.json"] = _json(snap.get("proposals") or [])
    files["follow_up.json"] = _json(snap.get("follow_up") or [])
    files["funding.json"] = _json(snap.get("funding") or {})
    files["map.graphml"] = graphml(snap)
    files.update(polis_files(snap))
    buffer = io.BytesIO()
    stamp = datetime.fromisoformat(snap["meta"].get("published_at")
                                   or snap["meta"]["generated_at"]).timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"

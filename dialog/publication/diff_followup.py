"""What is new in follow-up since the previous version: decisions and measurements."""

from __future__ import annotations

from typing import Any

KEYS = ("new_decisions", "new_measurements")


def _decisions(snapshot: dict[str, Any]) -> dict[tuple[Any, ...], dict[str, Any]]:
    titles = {p["id"]: p.get("title") for p in snapshot.get("proposals") or []}
    return {(entry["proposal_id"], d["decided_on"], d["outcome"], d["paragraph"]):
            {"title": titles.get(entry["proposal_id"]), "outcome": d["outcome"],
             "decided_on": d["decided_on"]}
            for entry in snapshot.get("follow_up") or [] for d in entry.get("decisions") or []}


def _measurements(snapshot: dict[str, Any]) -> set[tuple[Any, ...]]:
    return {(i["id"], m["measured_on"], m["value"])
            for entry in snapshot.get("follow_up") or [] for i in entry.get("indicators") or []
            for m in i["measurements"]}


def followup_changes(previous: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
    """New decisions (with their proposal's title) and how many new measurements."""
    old = _decisions(previous)
    return {"new_decisions": [d for key, d in _decisions(current).items() if key not in old],
            "new_measurements": len(_measurements(current) - _measurements(previous))}

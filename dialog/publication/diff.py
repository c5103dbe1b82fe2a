"""What changed since the previous version: new perspectives, statuses, proposals, themes."""

from __future__ import annotations

from typing import Any

from dialog.publication.diff_followup import KEYS as FOLLOWUP_KEYS
from dialog.publication.diff_followup import followup_changes


def _by_id(items: list[dict[str, Any]] | None) -> dict[Any, dict[str, Any]]:
    return {item["id"]: item for item in items or [] if "id" in item}


def _phase_key(phase: dict[str, Any]) -> tuple[str, int]:
    return phase["kind"], phase["round"]


def changes(previous: dict[str, Any] | None, current: dict[str, Any]) -> dict[str, Any]:
    """Compare two snapshots; the result is plain data the page lists under "Nytt sedan"."""
    if previous is None:
        return {"first": True}
    old_p, new_p = _by_id(previous.get("perspectives")), _by_id(current.get("perspectives"))
    old_phases = {_phase_key(p): p for p in previous.get("phases") or []}
    phases = []
    for phase in current.get("phases") or []:
        before = old_phases.get(_phase_key(phase))
        if before is None:
            phases.append({"kind": phase["kind"], "round": phase["round"], "change": "opened"})
        elif before["status"] != phase["status"]:
            phases.append({"kind": phase["kind"], "round": phase["round"],
                           "change": phase["status"]})
    old_themes = {t["label"] for t in (previous.get("map") or {}).get("themes", [])}
    themes = [t["label"] for t in (current.get("map") or {}).get("themes", [])
              if t["label"] not in old_themes and not t.get("other")]
    result = {
        "first": False,
        "previous_version": (previous.get("meta") or {}).get("version"),
        "new_perspectives": [new_p[i] for i in new_p if i not in old_p],
        "withdrawn_perspectives": len([i for i in old_p if i not in new_p]),
        "phases": phases,
        "new_themes": themes,
        **_decided(previous, current, "alternatives", "outcome"),
        **_decided(previous, current, "proposals", "status"),
        "participants": _count_change(previous, current, "participants"),
        **followup_changes(previous, current),
    }
    result["nothing"] = not any(
        result[key] for key in ("new_perspectives", "withdrawn_perspectives", "phases",
                                "new_themes", "new_alternatives", "changed_alternatives",
                                "new_proposals", "changed_proposals", *FOLLOWUP_KEYS))
    return result


def _decided(previous: dict[str, Any], current: dict[str, Any], section: str,
             field: str) -> dict[str, Any]:
    """New items of a section and items whose ``field`` (outcome, status) changed."""
    old, new = _by_id(previous.get(section)), _by_id(current.get(section))
    added = [{"id": i, "title": item.get("title"), field: item.get(field)}
             for i, item in new.items() if i not in old]
    changed = [
        {"id": i, "title": item.get("title"), "from": old[i].get(field), "to": item.get(field)}
        for i, item in new.items() if i in old and old[i].get(field) != item.get(field)
    ]
    return {f"new_{section}": added, f"changed_{section}": changed}


def _count_change(previous: dict[str, Any], current: dict[str, Any], key: str) -> dict[str, Any]:
    before = (previous.get("participation") or {}).get(key)
    after = (current.get("participation") or {}).get(key)
    return {"before": before, "after": after}

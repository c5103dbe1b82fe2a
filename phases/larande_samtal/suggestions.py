"""Suggest samtalsrundor: pairs or sets of contrasting perspectives for the room to meet.

From the perspective map when there is one (``phases.inventering.map.analysis_runs``): divisive
perspectives, the representative perspectives of opposite opinion groups, and themes
voiced by one stakeholder group only. Without a map (no reactions yet, or the analysis
is not available) a simple heuristic stands in: standpoints from different stakeholder
groups, and perspectives whose reactions split the room.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from itertools import combinations
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import DialogError
from dialog.i18n import translate
from dialog.models import ModerationStatus, Perspective, PerspectiveKind, Process, Reaction
from dialog.services.perspectives import perspectives_of_process
from phases.larande_samtal.schemas import RoundPerspectiveOut

log = logging.getLogger(__name__)

MAX_SUGGESTIONS = 6
MAX_SET = 4

Suggestion = dict[str, Any]


def suggest(session: Session, process: Process, locale: str = "sv") -> dict[str, Any]:
    """Suggestions from the map first, then the heuristic; each says where it came from."""
    approved = {p.id: p for p in perspectives_of_process(
        session, process, statuses=(ModerationStatus.APPROVED,))}
    perspective_map = _load_map(session, process)
    found = from_map(perspective_map, approved) if perspective_map else []
    found += different_groups(approved.values()) + split_reactions(session, approved)
    unique: list[Suggestion] = []
    seen: set[frozenset[int]] = set()
    for item in found:
        key = frozenset(item["perspective_ids"])
        if len(key) >= 2 and key not in seen:
            seen.add(key)
            unique.append(item)
    return {
        "source": "map" if any(s["source"] == "map" for s in unique) else "heuristic",
        "has_map": bool(perspective_map),
        "suggestions": [_present(s, approved, locale) for s in unique[:MAX_SUGGESTIONS]],
    }


def from_map(perspective_map: dict[str, Any], approved: dict[int, Perspective]
             ) -> list[Suggestion]:
    """Read contrasting sets out of a map (the shape of ``GET /processes/{id}/map``)."""
    groups = [g for g in perspective_map.get("opinion_groups") or [] if g.get("representative")]
    found: list[Suggestion] = []
    for entry in perspective_map.get("divisive") or []:
        pid = entry.get("perspective_id")
        means = entry.get("group_mean_vote") or []
        if pid not in approved:
            continue
        partner = None
        if means and len(means) == len(perspective_map.get("opinion_groups") or []):
            # The group that rejects it most: what does that group stand for instead?
            rejecting = perspective_map["opinion_groups"][means.index(min(means))]
            partner = _first_agreed(rejecting, approved, exclude={pid})
        ids = [pid, partner] if partner else [pid]
        found.append(_suggestion("divisive", ids, "map"))
    for first, second in combinations(groups, 2):
        a = _first_agreed(first, approved, exclude=set())
        b = _first_agreed(second, approved, exclude={a} if a else set())
        if a and b:
            found.append(_suggestion("opposite_groups", [a, b], "map",
                                     groups=[first.get("id"), second.get("id")]))
    for prompt in perspective_map.get("missing_perspectives") or []:
        if prompt.get("type") != "single_group_theme":
            continue
        ids = [i for i in prompt.get("perspective_ids") or [] if i in approved][:MAX_SET]
        if len(ids) == 1:
            other = _standpoint_from_other_group(approved, prompt.get("stakeholder_group"))
            ids += [other] if other else []
        found.append(_suggestion("single_group_theme", ids, "map",
                                 theme=prompt.get("theme_label"),
                                 group=prompt.get("stakeholder_group")))
    # A divisive perspective alone is no conversation: complete it with the next one.
    lonely = [s for s in found if len(s["perspective_ids"]) < 2 and s["type"] == "divisive"]
    for one, two in zip(lonely[::2], lonely[1::2], strict=False):
        one["perspective_ids"] = one["perspective_ids"] + two["perspective_ids"]
    return [s for s in found if len(s["perspective_ids"]) >= 2]


def different_groups(approved: Iterable[Perspective]) -> list[Suggestion]:
    """Standpoints from two different stakeholder groups, for each pair of groups."""
    by_group: dict[str, list[Perspective]] = {}
    for p in approved:
        if p.kind is PerspectiveKind.STANDPOINT and p.group_name:
            by_group.setdefault(p.group_name, []).append(p)
    names = sorted(by_group, key=lambda name: (-len(by_group[name]), name))
    used: dict[str, int] = dict.fromkeys(names, 0)
    found = []
    for first, second in combinations(names, 2):
        # Take each group's next standpoint in turn, so the pairs differ where they can.
        a = by_group[first][used[first] % len(by_group[first])]
        b = by_group[second][used[second] % len(by_group[second])]
        used[first] += 1
        used[second] += 1
        found.append(_suggestion("different_groups", [a.id, b.id], "heuristic",
                                 groups=[first, second]))
    return found[:MAX_SUGGESTIONS]


def split_reactions(session: Session, approved: dict[int, Perspective]) -> list[Suggestion]:
    """Perspectives whose reactions split the room, two at a time, most split first."""
    if not approved:
        return []
    votes: dict[int, list[int]] = {}
    for pid, vote in session.execute(
            select(Reaction.perspective_id, Reaction.vote)
            .where(Reaction.perspective_id.in_(approved))):
        votes.setdefault(pid, []).append(vote)
    scored = []
    for pid, values in votes.items():
        agree, disagree = values.count(1), values.count(-1)
        if agree and disagree:
            scored.append((-min(agree, disagree) / (agree + disagree), -(agree + disagree), pid))
    ranked = [pid for *_, pid in sorted(scored)]
    return [_suggestion("split_reactions", [a, b], "heuristic")
            for a, b in zip(ranked[::2], ranked[1::2], strict=False)]


def _load_map(session: Session, process: Process) -> dict[str, Any] | None:
    """The process's perspective map, or None when there is none to be had."""
    from phases.inventering.map import analysis_runs  # the map (heavy: import when asked)

    try:
        result, _computed = analysis_runs.refresh(session, process)
    except (DialogError, ValueError, LookupError, ArithmeticError):
        log.warning("perspective map unavailable for process %s", process.id, exc_info=True)
        return None
    return result if isinstance(result, dict) else None


def _first_agreed(group: dict[str, Any], approved: dict[int, Perspective],
                  exclude: set[int]) -> int | None:
    for entry in group.get("representative") or []:
        pid = entry.get("perspective_id")
        if entry.get("direction", "agree") == "agree" and pid in approved and pid not in exclude:
            return int(pid)
    return None


def _standpoint_from_other_group(approved: dict[int, Perspective], group: Any) -> int | None:
    return next((p.id for p in approved.values()
                 if p.group_name and p.group_name != group
                 and p.kind is PerspectiveKind.STANDPOINT), None)


def _suggestion(kind: str, ids: list[int], source: str, **about: Any) -> Suggestion:
    return {"type": kind, "source": source, "perspective_ids": list(dict.fromkeys(ids)),
            "about": about}


def _present(item: Suggestion, approved: dict[int, Perspective], locale: str) -> Suggestion:
    shown = [approved[i] for i in item["perspective_ids"] if i in approved]
    groups = sorted({p.group_name for p in shown if p.group_name})
    params = {"groups": ", ".join(groups) or "–",
              "theme": item["about"].get("theme") or "", "group": item["about"].get("group") or ""}
    return {
        **item,
        "title": translate(f"samtal.suggestions.{item['type']}.title", locale, **params),
        "reason": translate(f"samtal.suggestions.{item['type']}.reason", locale, **params),
        "perspectives": RoundPerspectiveOut.dump_all(shown),
    }

"""Turn a stored snapshot into what the public page and the report templates show."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from dialog.publication.charts import Bar, bar_chart
from dialog.publication.map_picture import map_svg
from dialog.publication.suppression import PROTECTING, is_small
from dialog.web.group_names import label_start
from dialog.web.locale import _, current_locale
from dialog.web.publication.followup_view import followup_context

KINDS = ("standpoint", "feeling", "idea", "thought")


def count_text(value: int | None, hidden: str | None = None) -> str:
    """A count of people as published: the number, "färre än 5" or why it is hidden.

    None is a count the section already suppressed, ``hidden`` says why (see
    ``suppression``): a count hidden only to protect a small one is not called small.
    A snapshot from before ``hidden`` existed says nothing and reads "färre än 5". 1 to 4
    are suppressed here, so no page or report ever prints how few people said or chose
    something.
    """
    if value is None and hidden == PROTECTING:
        return _("publish.hidden_protecting")
    return _("publish.fewer_than_5") if value is None or is_small(value) else str(value)


def group_label(name: str | None) -> str:
    """A group's name where it starts a label (a row, a chip): see ``group_names``."""
    return label_start(name) if name else _("publish.ungrouped")


def age_label(band: str | None) -> str:
    return _(f"ui.age.{band}") if band else _("publish.age_unknown")


def charts(snapshot: dict[str, Any], prefix: str = "chart") -> dict[str, Markup]:
    """The page's charts as inline SVG (each with a table next to it in the template)."""
    participation = snapshot.get("participation") or {}
    groups = [g for g in participation.get("groups", []) if g["participants"] != 0]
    ages = [a for a in participation.get("age_bands", []) if a["participants"] != 0]
    out = {
        "groups": bar_chart(
            [Bar(group_label(g["name"]), g["participants"],
                 None if g["participants"] is not None else count_text(None, g.get("hidden")))
             for g in groups],
            chart_id=f"{prefix}-groups", title=_("publish.participation.groups_chart")),
        "ages": bar_chart(
            [Bar(age_label(a["band"]), a["participants"],
                 None if a["participants"] is not None else count_text(None, a.get("hidden")))
             for a in ages],
            chart_id=f"{prefix}-ages", title=_("publish.participation.ages_chart")),
        "kinds": bar_chart(
            [Bar(_(f"ui.kinds.{k['kind']}"), k["perspectives"])
             for k in participation.get("kinds", [])],
            chart_id=f"{prefix}-kinds", title=_("publish.participation.kinds_chart")),
    }
    picture = map_picture(snapshot)
    if picture:
        out["map"] = picture
    # Safe: the chart and map modules escape every text they draw.
    return {key: Markup(svg) for key, svg in out.items()}


def map_picture(snapshot: dict[str, Any]) -> str | None:
    graph = (snapshot.get("map") or {}).get("graph")
    themes = [t["label"] for t in (snapshot.get("map") or {}).get("themes", [])
              if not t.get("other")][:12]  # the largest; a long list helps no listener
    count = perspective_count(snapshot)
    description = _("publish.map.picture_desc", count=count,
                    themes=", ".join(themes) or _("publish.map.no_themes"))
    shown = sum(1 for n in (graph or {}).get("nodes", []) if n.get("type") == "perspective")
    if shown < count:
        description += " " + _("publish.map.picture_sample", shown=shown, count=count)
    return map_svg(graph, title=_("publish.map.picture_title"), description=description,
                   legend={k: _(f"ui.kinds.{k}") for k in KINDS})


def perspective_count(snapshot: dict[str, Any]) -> int:
    """How many perspectives a summary (or a whole snapshot) publishes."""
    if "perspective_count" in snapshot:
        return int(snapshot["perspective_count"])
    return len(snapshot.get("perspectives") or [])


def prompt_text(prompt: dict[str, Any]) -> str:
    return str(prompt.get(f"message_{current_locale()}") or prompt.get("message_sv") or "")


def view_context(snapshot: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """Everything a publication template needs besides the snapshot itself."""
    return {
        "snap": snapshot,
        "charts": charts(snapshot),
        "count_text": count_text,
        "group_label": group_label,
        "age_label": age_label,
        "prompt_text": prompt_text,
        "perspective_count": perspective_count(snapshot),
        "kinds": KINDS,
        **followup_context(snapshot),
        **extra,
    }

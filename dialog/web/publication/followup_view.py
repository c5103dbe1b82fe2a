"""What the follow-up parts of a publication need besides the snapshot: indicator charts."""

from __future__ import annotations

from datetime import date
from typing import Any

from markupsafe import Markup

from dialog.publication.indicator_chart import indicator_svg
from dialog.web.locale import _


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:g}".replace(".", ",")


def indicator_charts(snapshot: dict[str, Any], prefix: str = "ind") -> dict[int, Markup]:
    """An inline SVG per published indicator, keyed by the indicator's id."""
    charts: dict[int, Markup] = {}
    for entry in snapshot.get("follow_up") or []:
        for indicator in entry.get("indicators") or []:
            points = [(date.fromisoformat(m["measured_on"]), float(m["value"]))
                      for m in indicator["measurements"]]
            unit = f" {indicator['unit']}" if indicator["unit"] else ""
            said = "; ".join(f"{d.isoformat()}: {_number(v)}{unit}" for d, v in points)
            description = _("followup.indicator.chart_desc",
                            baseline=_number(indicator["baseline"]) + unit,
                            target=_number(indicator["target"]) + unit,
                            values=said or _("followup.indicator.no_measurements"))
            svg = indicator_svg(points, baseline=indicator["baseline"],
                                target=indicator["target"],
                                chart_id=f"{prefix}-{indicator['id']}", title=indicator["name"],
                                description=description,
                                labels={"baseline": _("followup.indicator.baseline"),
                                        "target": _("followup.indicator.target")})
            # Safe: the chart module escapes every text it draws.
            charts[indicator["id"]] = Markup(svg)
    return charts


def followup_context(snapshot: dict[str, Any]) -> dict[str, Any]:
    """Template helpers for the follow-up parts: charts and a number in Swedish form."""
    return {"indicator_charts": indicator_charts(snapshot), "number_text": _number,
            "follow_up_of": {f["proposal_id"]: f for f in snapshot.get("follow_up") or []}}

"""A small server-rendered line chart of an indicator: measurements, baseline and target.

Inline SVG, readable without JavaScript, in greyscale-safe colours, scaled to the width
(320 px and up). The chart is named by its title and described in words; the template
always shows the same values as a table beside it.
"""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

WIDTH = 400
HEIGHT = 180
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 36
FONT = 14


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def indicator_svg(points: list[tuple[date, float]], *, baseline: float | None,
                  target: float | None, chart_id: str, title: str, description: str,
                  labels: dict[str, str]) -> str:
    """Return ``<svg role="img">``: the measured values over time, baseline and target dashed.

    ``labels`` names the two reference lines (``baseline``, ``target``) in the reader's
    language.
    """
    values = [v for _d, v in points] + [v for v in (baseline, target) if v is not None]
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    if high == low:
        low, high = low - 1, high + 1
    days = [d.toordinal() for d, _v in points] or [0]
    first, last = min(days), max(days)
    span = (last - first) or 1
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: date) -> float:
        if last == first:
            return LEFT + inner_w / 2
        return round(LEFT + inner_w * (day.toordinal() - first) / span, 1)

    def y(value: float) -> float:
        return round(TOP + inner_h * (high - value) / (high - low), 1)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart indicator-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
        'preserveAspectRatio="xMinYMin meet">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        f'<line x1="{LEFT}" y1="{TOP + inner_h}" x2="{WIDTH - RIGHT}" y2="{TOP + inner_h}" '
        'stroke="#4a5462" stroke-width="1"/>',
        f'<text x="{LEFT - 6}" y="{y(high) + 5}" font-size="{FONT}" text-anchor="end" '
        f'fill="#1c2430">{_number(high)}</text>',
        f'<text x="{LEFT - 6}" y="{y(low) + 5}" font-size="{FONT}" text-anchor="end" '
        f'fill="#1c2430">{_number(low)}</text>',
    ]
    for key, value, dash in (("baseline", baseline, "2 4"), ("target", target, "8 4")):
        if value is None:
            continue
        parts.append(f'<line x1="{LEFT}" y1="{y(value)}" x2="{WIDTH - RIGHT}" y2="{y(value)}" '
                     f'stroke="#4a5462" stroke-width="1.5" stroke-dasharray="{dash}"/>')
        parts.append(f'<text x="{WIDTH - RIGHT}" y="{y(value) - 4}" font-size="{FONT}" '
                     f'text-anchor="end" fill="#1c2430">{escape(labels[key])} '
                     f'{_number(value)}</text>')
    if points:
        path = " ".join(f"{x(d)},{y(v)}" for d, v in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="#1f4e79" '
                     'stroke-width="3"/>')
        for d, v in points:
            parts.append(f'<circle cx="{x(d)}" cy="{y(v)}" r="5" fill="#1f4e79"/>')
        ends = [(points[0][0], "start"), (points[-1][0], "end")]
        if points[0][0] == points[-1][0]:
            ends = [(points[0][0], "middle")]
        for d, anchor in ends:
            parts.append(f'<text x="{x(d)}" y="{HEIGHT - 10}" font-size="{FONT}" '
                         f'text-anchor="{anchor}" fill="#1c2430">{d.isoformat()}</text>')
    parts.append("</svg>")
    return "".join(parts)

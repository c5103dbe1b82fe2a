"""Server-side SVG bar charts: readable without JavaScript, in greyscale and at 320 px.

Each row puts its label above its bar, so a narrow screen keeps the text large. A
suppressed count ("färre än 5") is drawn as an outlined, hatched stub with the words, never
as a number. The caller always shows the same numbers as a table next to the chart.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

WIDTH = 400
ROW = 54
BAR = 18
FONT = 18


@dataclass(frozen=True)
class Bar:
    label: str
    value: int | None
    #: What to write instead of a number, e.g. "färre än 5" for a suppressed count.
    text: str | None = None


def bar_chart(bars: list[Bar], *, chart_id: str, title: str, description: str = "") -> str:
    """Return an ``<svg role="img">`` horizontal bar chart named by its title."""
    top = max((b.value or 0 for b in bars), default=0) or 1
    height = ROW * len(bars) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description or _describe(bars))}</desc>',
        f'<defs><pattern id="{chart_id}-hatch" width="6" height="6" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="6" height="6" fill="#ffffff"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#4a5462" stroke-width="2"/></pattern></defs>',
    ]
    usable = WIDTH - 70
    for i, bar in enumerate(bars):
        y = i * ROW + 4
        parts.append(f'<text x="0" y="{y + FONT}" font-size="{FONT}" fill="#1c2430">'
                     f'{escape(bar.label)}</text>')
        bar_y = y + FONT + 6
        if bar.value is None:
            parts.append(f'<rect x="0" y="{bar_y}" width="28" height="{BAR}" '
                         f'fill="url(#{chart_id}-hatch)" stroke="#1c2430" stroke-width="1"/>')
            label_x: float = 36
        else:
            width = round(usable * bar.value / top, 1)
            parts.append(f'<rect x="0" y="{bar_y}" width="{max(width, 2)}" height="{BAR}" '
                         'fill="#1f4e79"/>')
            label_x = max(width, 2) + 8
        shown = bar.text if bar.text is not None else str(bar.value)
        parts.append(f'<text x="{label_x}" y="{bar_y + BAR - 3}" font-size="{FONT}" '
                     f'font-weight="700" fill="#1c2430">{escape(shown)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _describe(bars: list[Bar]) -> str:
    return "; ".join(
        f"{b.label}: {b.text if b.text is not None else b.value}" for b in bars)

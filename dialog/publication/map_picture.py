"""The perspective map as a static SVG picture for the page and the committee report.

It draws the published graph with the positions stored in the snapshot: perspectives as
shapes by kind (readable in greyscale), numbered as in the appendix, and theme labels.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

WIDTH, HEIGHT, MARGIN = 800, 560, 46
RADIUS = 9
#: One shape per kind, so the picture needs no colour: circle, square, triangle, diamond.
SHAPES = {"standpoint": "circle", "feeling": "square", "idea": "triangle", "thought": "diamond"}


def _xy(node: dict[str, Any]) -> tuple[float, float]:
    return (MARGIN + node["x"] * (WIDTH - 2 * MARGIN),
            MARGIN + node["y"] * (HEIGHT - 2 * MARGIN))


def _shape(kind: str, x: float, y: float) -> str:
    r = RADIUS
    style = 'fill="#ffffff" stroke="#1c2430" stroke-width="2"'
    shape = SHAPES.get(kind, "circle")
    if shape == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" {style}/>'
    if shape == "triangle":
        points = f"{x:.1f},{y - r - 2:.1f} {x + r + 1:.1f},{y + r:.1f} {x - r - 1:.1f},{y + r:.1f}"
        return f'<polygon points="{points}" {style}/>'
    if shape == "diamond":
        points = f"{x:.1f},{y - r - 2:.1f} {x + r + 2:.1f},{y:.1f} {x:.1f},{y + r + 2:.1f} " \
                 f"{x - r - 2:.1f},{y:.1f}"
        return f'<polygon points="{points}" {style}/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" {style}/>'


def map_svg(graph: dict[str, Any] | None, *, title: str, description: str,
            legend: dict[str, str]) -> str | None:
    """Return the SVG, or None when there is nothing placed to draw."""
    nodes = {n["id"]: n for n in (graph or {}).get("nodes", []) if "x" in n}
    if not any(n["type"] == "perspective" for n in nodes.values()):
        return None
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="map-picture" role="img" '
        f'viewBox="0 0 {WIDTH} {HEIGHT + 40}" aria-labelledby="map-title map-desc">',
        f'<title id="map-title">{escape(title)}</title>',
        f'<desc id="map-desc">{escape(description)}</desc>',
        f'<rect width="{WIDTH}" height="{HEIGHT + 40}" fill="#ffffff"/>',
    ]
    for edge in (graph or {}).get("edges", []):
        a, b = nodes.get(edge["source"]), nodes.get(edge["target"])
        if a and b:
            dash = ' stroke-dasharray="4 4"' if edge["type"] == "in_theme" else ""
            (x1, y1), (x2, y2) = _xy(a), _xy(b)
            parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                         f'stroke="#8e8a80" stroke-width="1.2"{dash}/>')
    labels: list[str] = []
    for node in nodes.values():
        x, y = _xy(node)
        if node["type"] == "perspective":
            parts.append(_shape(node.get("kind", ""), x, y))
            parts.append(f'<text x="{x:.1f}" y="{y + RADIUS + 14:.1f}" font-size="12" '
                         f'text-anchor="middle" fill="#1c2430">{node["perspective_id"]}</text>')
        elif node["type"] == "theme":
            labels.append(_theme_label(str(node.get("label", "")), x, y))
    parts.extend(labels)  # last, so no line or shape covers a theme's name
    parts.append(_legend(legend))
    parts.append("</svg>")
    return "".join(parts)


def _theme_label(label: str, x: float, y: float) -> str:
    """A theme's name on a white, outlined plate (no paint-order: not every renderer has it)."""
    width = 9.0 * len(label) + 16
    x = min(max(x, width / 2 + 2), WIDTH - width / 2 - 2)
    return (f'<rect x="{x - width / 2:.1f}" y="{y - 14:.1f}" width="{width:.1f}" height="22" '
            f'rx="4" fill="#ffffff" stroke="#1c2430" stroke-width="1"/>'
            f'<text x="{x:.1f}" y="{y + 2:.1f}" font-size="15" font-weight="700" '
            f'text-anchor="middle" fill="#1c2430">{escape(label)}</text>')


def _legend(legend: dict[str, str]) -> str:
    out, x = [], 10.0
    y = HEIGHT + 20
    for kind, label in legend.items():
        out.append(_shape(kind, x + RADIUS, y))
        out.append(f'<text x="{x + 2 * RADIUS + 6:.1f}" y="{y + 5:.1f}" font-size="14" '
                   f'fill="#1c2430">{escape(label)}</text>')
        x += 2 * RADIUS + 16 + 8.5 * len(label)
    return "".join(out)

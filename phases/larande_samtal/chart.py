"""The resistance line over time as a small step chart (SVG coordinates, no JavaScript).

``static/js/larande_samtal/console.js`` draws new points with the same geometry (``GEOMETRY``).
"""

from __future__ import annotations

from typing import Any

GEOMETRY = {"width": 900, "height": 260, "left": 150, "right": 16, "top": 14, "step_max": 90}


def chart(entries: list[dict[str, Any]], levels: list[dict[str, Any]]) -> dict[str, Any]:
    """Points for the entries (oldest left), y from the bottom of the line (1) to the top."""
    g = GEOMETRY
    count = len(levels)
    row = (g["height"] - 2 * g["top"]) / (count - 1)
    usable = g["width"] - g["left"] - g["right"]
    step = min(g["step_max"], usable / max(len(entries) - 1, 1))
    points = [
        {"x": round(g["left"] + i * step, 1),
         "y": round(g["top"] + (count - e["position"]) * row, 1), "entry": e}
        for i, e in enumerate(entries)
    ]
    gridlines = [{"y": round(g["top"] + (count - level["position"]) * row, 1),
                  "name": level["name"], "zone": level["zone"]} for level in levels]
    return {
        **g, "points": points, "gridlines": gridlines,
        "path": " ".join(f"{p['x']},{p['y']}" for p in points),
    }

"""The resistance line over time as a small step chart (SVG coordinates, no JavaScript)."""

from __future__ import annotations

from typing import Any

from dialog.models import RESISTANCE_LINE

WIDTH = 640
HEIGHT = 240
LEFT = 8
TOP = 12
STEP_MAX = 80


def chart(entries: list[dict[str, Any]]) -> dict[str, Any]:
    """Points for the entries (oldest left), y from the bottom of the line (1) to the top."""
    levels = len(RESISTANCE_LINE)
    usable_h = HEIGHT - 2 * TOP
    row = usable_h / (levels - 1)
    step = min(STEP_MAX, (WIDTH - 2 * LEFT) / max(len(entries) - 1, 1))
    points = [
        {"x": round(LEFT + i * step, 1), "y": round(TOP + (levels - e["position"]) * row, 1),
         "entry": e}
        for i, e in enumerate(entries)
    ]
    gridlines = [{"y": round(TOP + (levels - n) * row, 1), "position": n}
                 for n in range(1, levels + 1)]
    return {
        "width": WIDTH, "height": HEIGHT, "points": points, "gridlines": gridlines,
        "path": " ".join(f"{p['x']},{p['y']}" for p in points),
    }

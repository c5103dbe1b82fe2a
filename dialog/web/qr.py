"""QR codes for join URLs, as inline SVG (no image files, crisp on a projector)."""

from __future__ import annotations

import segno
from markupsafe import Markup


def qr_svg(url: str, *, label: str, scale: int = 6) -> Markup:
    """Return an accessible inline SVG QR code that encodes ``url``."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=scale, dark="#000", light="#fff", title=label,
                          svgclass="qr", lineclass=None, omitsize=True)
    # str(): adding a plain str to Markup would escape the str, i.e. the <svg tag itself.
    return Markup(svg.replace("<svg ", '<svg role="img" aria-label="' + str(Markup.escape(label))
                              + '" ', 1))

"""The one rule for showing a stakeholder group's name.

A name is shown as the facilitator wrote it. Only where it starts a label or a line (a
tally row, a card's chip, a table's row heading, an option) is its first letter a capital:
"unga" is *Unga* in the tally and *Skrivet som unga* in a sentence. Templates use the
Jinja filter ``label_start``; scripts use ``displayName`` in ``static/js/common.js``, which
follows the same rule.
"""

from __future__ import annotations

from flask import Flask


def label_start(name: str | None) -> str:
    """A name that starts a label or a line: its first letter capitalised, the rest as written."""
    text = name or ""
    return text[:1].upper() + text[1:]


def init_app(app: Flask) -> None:
    app.add_template_filter(label_start, "label_start")

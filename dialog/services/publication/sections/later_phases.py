"""Sections of the later phases: learning conversations, alternatives and proposals.

They light up when the konkretisering and lärande samtal features are installed; each
reads those features' own services and republishes their plain data.
"""

from __future__ import annotations

from typing import Any

from dialog.services.publication.sections.context import SectionContext


def learning_section(ctx: SectionContext) -> dict[str, Any] | None:
    """Learning indicators per conversation round (lärande samtal), when available."""
    return None


def alternatives_section(ctx: SectionContext) -> list[dict[str, Any]] | None:
    """Alternatives with support, minority conditions and recorded dissent, when available."""
    return None


def proposals_section(ctx: SectionContext) -> list[dict[str, Any]] | None:
    """Proposals with owner, budget, goal, indicators and status history, when available."""
    return None

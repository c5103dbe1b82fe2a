"""Section providers of a publication, listed explicitly and run in order.

Each provider takes the shared ``SectionContext`` and returns plain JSON-ready data, or
None when it has nothing to show (the feature is not installed or has no data yet).
Later providers may read earlier ones' output from ``ctx.results``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dialog.publication.sections.committee import committee_section
from dialog.publication.sections.context import SectionContext
from dialog.publication.sections.evaluation import evaluation_section
from dialog.publication.sections.followup import (
    follow_up_section,
    funding_section,
    mandate_section,
)
from dialog.publication.sections.later_phases import (
    alternatives_section,
    learning_section,
    proposals_section,
)
from dialog.publication.sections.missing import missing_section
from dialog.publication.sections.participation import participation_section
from dialog.publication.sections.perspective_map import map_section
from dialog.publication.sections.perspectives import perspectives_section
from dialog.publication.sections.process_info import phases_section, process_section
from dialog.publication.sections.reactions import reactions_section
from dialog.publication.sections.team import assessments_section, reflections_section
from dialog.publication.sections.votes import votes_section


@dataclass(frozen=True)
class Section:
    name: str
    build: Callable[[SectionContext], Any]


SECTIONS: tuple[Section, ...] = (
    Section("process", process_section),
    Section("phases", phases_section),
    Section("perspectives", perspectives_section),
    Section("participation", participation_section),
    Section("map", map_section),
    Section("reactions", reactions_section),
    Section("votes", votes_section),
    Section("missing", missing_section),
    Section("learning", learning_section),
    Section("alternatives", alternatives_section),
    Section("proposals", proposals_section),
    Section("committee", committee_section),
    # What happened next (follow-up): after the proposals, whose ids they refer to.
    Section("mandate", mandate_section),
    Section("funding", funding_section),
    Section("follow_up", follow_up_section),
    Section("assessments", assessments_section),
    Section("reflections", reflections_section),
    Section("evaluation", evaluation_section),
)

__all__ = ["SECTIONS", "Section", "SectionContext"]

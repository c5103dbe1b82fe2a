"""Domain models, one module per aggregate. Importing this registers every table."""

from dialog.models.base import Base, utcnow
from dialog.models.facilitator import Facilitator
from dialog.models.moderation import ModerationEvent
from dialog.models.participant import AGE_BANDS, Participant
from dialog.models.perspective import (
    MAX_TEXT_LENGTH,
    ModerationStatus,
    Perspective,
    PerspectiveKind,
)
from dialog.models.process import Phase, PhaseKind, PhaseStatus, Process, StakeholderGroup
from dialog.models.publication import DEFAULT_LICENCE, Publication, PublicationSettings
from dialog.models.workshop import Workshop, WorkshopState

__all__ = [
    "AGE_BANDS",
    "DEFAULT_LICENCE",
    "MAX_TEXT_LENGTH",
    "Base",
    "Facilitator",
    "ModerationEvent",
    "ModerationStatus",
    "Participant",
    "Perspective",
    "PerspectiveKind",
    "Phase",
    "PhaseKind",
    "PhaseStatus",
    "Process",
    "Publication",
    "PublicationSettings",
    "StakeholderGroup",
    "Workshop",
    "WorkshopState",
    "utcnow",
]

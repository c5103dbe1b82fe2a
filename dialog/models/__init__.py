"""Domain models, one module per aggregate. Importing this registers every table."""

from dialog.models.alternative import (
    Alternative,
    AlternativeEvent,
    AlternativeOutcome,
    Amendment,
)
from dialog.models.analysis import AnalysisSnapshot
from dialog.models.base import Base, utcnow
from dialog.models.checkback import CheckbackRating, CheckbackRound, Rating
from dialog.models.committee import CommitteeGoal, GoalKind
from dialog.models.conversation import (
    MAX_REFLECTION_LENGTH,
    REFLECTION_PROMPTS,
    ConversationRound,
    ConversationRoundPerspective,
    ConversationStatus,
    Reflection,
    ViewChange,
)
from dialog.models.evaluation import EvaluationAnswer
from dialog.models.facilitator import Facilitator
from dialog.models.fishing import FishingAnswer, FishingPrompt
from dialog.models.followup import (
    Assessment,
    BudgetLine,
    ConditionFollowUp,
    DecisionOutcome,
    FundingLine,
    FundingSource,
    Indicator,
    Measurement,
    ProposalConsequences,
    ProposalDecision,
)
from dialog.models.link import LinkRelation, PerspectiveLink
from dialog.models.majority_vote import Dissent, Majority, RoundStatus, Vote, VoteRound, VoteValue
from dialog.models.map_theme import MapTheme
from dialog.models.meeting import (
    Attendance,
    GroupChange,
    OutreachAction,
    OutreachStatus,
    ParticipantCode,
)
from dialog.models.moderation import ModerationEvent
from dialog.models.participant import AGE_BANDS, Participant
from dialog.models.perspective import (
    MAX_TEXT_LENGTH,
    ModerationStatus,
    Perspective,
    PerspectiveKind,
)
from dialog.models.process import Phase, PhaseKind, PhaseStatus, Process, StakeholderGroup
from dialog.models.programme import Programme
from dialog.models.proposal import Proposal, ProposalStatus, ProposalStatusUpdate
from dialog.models.publication import DEFAULT_LICENCE, Publication, PublicationSettings
from dialog.models.publication_file import PublicationFile
from dialog.models.reaction import VOTE_NAMES, VOTE_VALUES, Reaction
from dialog.models.resistance import RESISTANCE_LINE, ResistanceEntry, ResistanceLevel
from dialog.models.subscription import MailOutbox, Subscription
from dialog.models.team import Invitation, ProcessMember, ProposalOwner, TeamRole
from dialog.models.workshop import MeetingFormat, Workshop, WorkshopState

__all__ = [
    "AGE_BANDS",
    "DEFAULT_LICENCE",
    "MAX_REFLECTION_LENGTH",
    "MAX_TEXT_LENGTH",
    "REFLECTION_PROMPTS",
    "RESISTANCE_LINE",
    "VOTE_NAMES",
    "VOTE_VALUES",
    "Alternative",
    "AlternativeEvent",
    "AlternativeOutcome",
    "Amendment",
    "AnalysisSnapshot",
    "Assessment",
    "Attendance",
    "Base",
    "BudgetLine",
    "CheckbackRating",
    "CheckbackRound",
    "CommitteeGoal",
    "ConditionFollowUp",
    "ConversationRound",
    "ConversationRoundPerspective",
    "ConversationStatus",
    "DecisionOutcome",
    "Dissent",
    "EvaluationAnswer",
    "Facilitator",
    "FishingAnswer",
    "FishingPrompt",
    "FundingLine",
    "FundingSource",
    "GoalKind",
    "GroupChange",
    "Indicator",
    "Invitation",
    "LinkRelation",
    "MailOutbox",
    "Majority",
    "MapTheme",
    "Measurement",
    "MeetingFormat",
    "ModerationEvent",
    "ModerationStatus",
    "OutreachAction",
    "OutreachStatus",
    "Participant",
    "ParticipantCode",
    "Perspective",
    "PerspectiveKind",
    "PerspectiveLink",
    "Phase",
    "PhaseKind",
    "PhaseStatus",
    "Process",
    "ProcessMember",
    "Programme",
    "Proposal",
    "ProposalConsequences",
    "ProposalDecision",
    "ProposalOwner",
    "ProposalStatus",
    "ProposalStatusUpdate",
    "Publication",
    "PublicationFile",
    "PublicationSettings",
    "Rating",
    "Reaction",
    "Reflection",
    "ResistanceEntry",
    "ResistanceLevel",
    "RoundStatus",
    "StakeholderGroup",
    "Subscription",
    "TeamRole",
    "ViewChange",
    "Vote",
    "VoteRound",
    "VoteValue",
    "Workshop",
    "WorkshopState",
    "utcnow",
]

"""konkretisering: committee goals, alternatives, check-back, majority vote, fishing, proposals

Revision ID: 0004_konkret
Revises: 0003_samtal (links to its reflections and conversation rounds)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_konkret"
#: After lärande samtal: alternatives link to its reflection rows.
down_revision = "0003_samtal"
branch_labels = None
depends_on = None

#: Dropped in reverse order of creation.
TABLES = (
    "committee_goal",
    "alternative",
    "checkback_round",
    "proposal",
    "checkback_round_alternative",
    "fishing_prompt",
    "majority_vote_round",
    "proposal_alternative",
    "proposal_status_update",
    "alternative_event",
    "amendment",
    "checkback_rating",
    "dissent",
    "fishing_answer",
    "majority_vote",
    "alternative_perspective",
    "alternative_reflection",
)


def upgrade() -> None:
    op.create_table(
        "committee_goal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("budget_tkr", sa.Integer(), nullable=True),
        sa.Column("committee", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["committee_goal.id"],
            name=op.f("fk_committee_goal_parent_id_committee_goal"),
        ),
        sa.ForeignKeyConstraint(
            ["process_id"],
            ["process.id"],
            name=op.f("fk_committee_goal_process_id_process"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee_goal")),
    )
    op.create_index(
        op.f("ix_committee_goal_process_id"), "committee_goal", ["process_id"], unique=False
    )
    op.create_table(
        "alternative",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("phase_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["facilitator.id"],
            name=op.f("fk_alternative_created_by_id_facilitator"),
        ),
        sa.ForeignKeyConstraint(
            ["phase_id"], ["phase.id"], name=op.f("fk_alternative_phase_id_phase")
        ),
        sa.ForeignKeyConstraint(
            ["process_id"],
            ["process.id"],
            name=op.f("fk_alternative_process_id_process"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alternative")),
    )
    op.create_index(op.f("ix_alternative_process_id"), "alternative", ["process_id"], unique=False)
    op.create_table(
        "checkback_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("phase_id", sa.Integer(), nullable=True),
        sa.Column("after_phase_id", sa.Integer(), nullable=True),
        sa.Column("after_round_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("closes_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("opened_by_id", sa.Integer(), nullable=True),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["after_phase_id"], ["phase.id"], name=op.f("fk_checkback_round_after_phase_id_phase")
        ),
        sa.ForeignKeyConstraint(
            ["after_round_id"],
            ["conversation_round.id"],
            name=op.f("fk_checkback_round_after_round_id_conversation_round"),
        ),
        sa.ForeignKeyConstraint(
            ["opened_by_id"],
            ["facilitator.id"],
            name=op.f("fk_checkback_round_opened_by_id_facilitator"),
        ),
        sa.ForeignKeyConstraint(
            ["phase_id"], ["phase.id"], name=op.f("fk_checkback_round_phase_id_phase")
        ),
        sa.ForeignKeyConstraint(
            ["process_id"],
            ["process.id"],
            name=op.f("fk_checkback_round_process_id_process"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkback_round")),
    )
    op.create_index(
        op.f("ix_checkback_round_process_id"), "checkback_round", ["process_id"], unique=False
    )
    op.create_table(
        "proposal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("budget_tkr", sa.Integer(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("committee_goal_id", sa.Integer(), nullable=True),
        sa.Column("indicators", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["committee_goal_id"],
            ["committee_goal.id"],
            name=op.f("fk_proposal_committee_goal_id_committee_goal"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["facilitator.id"],
            name=op.f("fk_proposal_created_by_id_facilitator"),
        ),
        sa.ForeignKeyConstraint(
            ["process_id"],
            ["process.id"],
            name=op.f("fk_proposal_process_id_process"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposal")),
    )
    op.create_index(op.f("ix_proposal_process_id"), "proposal", ["process_id"], unique=False)
    op.create_table(
        "checkback_round_alternative",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("alternative_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["alternative_id"],
            ["alternative.id"],
            name=op.f("fk_checkback_round_alternative_alternative_id_alternative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["checkback_round.id"],
            name=op.f("fk_checkback_round_alternative_round_id_checkback_round"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "round_id", "alternative_id", name=op.f("pk_checkback_round_alternative")
        ),
    )
    op.create_table(
        "fishing_prompt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("alternative_id", sa.Integer(), nullable=True),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("opened_by_id", sa.Integer(), nullable=True),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["alternative_id"],
            ["alternative.id"],
            name=op.f("fk_fishing_prompt_alternative_id_alternative"),
        ),
        sa.ForeignKeyConstraint(
            ["opened_by_id"],
            ["facilitator.id"],
            name=op.f("fk_fishing_prompt_opened_by_id_facilitator"),
        ),
        sa.ForeignKeyConstraint(
            ["process_id"],
            ["process.id"],
            name=op.f("fk_fishing_prompt_process_id_process"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fishing_prompt")),
    )
    op.create_index(
        op.f("ix_fishing_prompt_process_id"), "fishing_prompt", ["process_id"], unique=False
    )
    op.create_table(
        "majority_vote_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alternative_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("votes_for", sa.Integer(), nullable=True),
        sa.Column("votes_against", sa.Integer(), nullable=True),
        sa.Column("majority", sa.String(length=32), nullable=True),
        sa.Column("minority_asked", sa.Boolean(), nullable=False),
        sa.Column("opened_by_id", sa.Integer(), nullable=True),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["alternative_id"],
            ["alternative.id"],
            name=op.f("fk_majority_vote_round_alternative_id_alternative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["opened_by_id"],
            ["facilitator.id"],
            name=op.f("fk_majority_vote_round_opened_by_id_facilitator"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_majority_vote_round")),
        sa.UniqueConstraint(
            "alternative_id", "number", name=op.f("uq_majority_vote_round_alternative_id_number")
        ),
    )
    op.create_index(
        op.f("ix_majority_vote_round_alternative_id"),
        "majority_vote_round",
        ["alternative_id"],
        unique=False,
    )
    op.create_table(
        "proposal_alternative",
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("alternative_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["alternative_id"],
            ["alternative.id"],
            name=op.f("fk_proposal_alternative_alternative_id_alternative"),
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposal.id"],
            name=op.f("fk_proposal_alternative_proposal_id_proposal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "proposal_id", "alternative_id", name=op.f("pk_proposal_alternative")
        ),
    )
    op.create_table(
        "proposal_status_update",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("dated", sa.Date(), nullable=False),
        sa.Column("facilitator_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["facilitator_id"],
            ["facilitator.id"],
            name=op.f("fk_proposal_status_update_facilitator_id_facilitator"),
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposal.id"],
            name=op.f("fk_proposal_status_update_proposal_id_proposal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposal_status_update")),
    )
    op.create_index(
        op.f("ix_proposal_status_update_proposal_id"),
        "proposal_status_update",
        ["proposal_id"],
        unique=False,
    )
    op.create_table(
        "alternative_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alternative_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("facilitator_id", sa.Integer(), nullable=True),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["alternative_id"],
            ["alternative.id"],
            name=op.f("fk_alternative_event_alternative_id_alternative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["facilitator_id"],
            ["facilitator.id"],
            name=op.f("fk_alternative_event_facilitator_id_facilitator"),
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_alternative_event_participant_id_participant"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alternative_event")),
    )
    op.create_index(
        op.f("ix_alternative_event_alternative_id"),
        "alternative_event",
        ["alternative_id"],
        unique=False,
    )
    op.create_table(
        "amendment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alternative_id", sa.Integer(), nullable=False),
        sa.Column("vote_round_id", sa.Integer(), nullable=True),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column("facilitator_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("client_id", sa.String(length=64), nullable=True),
        sa.Column("included", sa.Boolean(), nullable=False),
        sa.Column("excluded_reason", sa.Text(), nullable=False),
        sa.Column("personal_data", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["alternative_id"],
            ["alternative.id"],
            name=op.f("fk_amendment_alternative_id_alternative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["facilitator_id"],
            ["facilitator.id"],
            name=op.f("fk_amendment_facilitator_id_facilitator"),
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_amendment_participant_id_participant"),
        ),
        sa.ForeignKeyConstraint(
            ["vote_round_id"],
            ["majority_vote_round.id"],
            name=op.f("fk_amendment_vote_round_id_majority_vote_round"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_amendment")),
        sa.UniqueConstraint(
            "participant_id", "client_id", name=op.f("uq_amendment_participant_id_client_id")
        ),
    )
    op.create_index(
        op.f("ix_amendment_alternative_id"), "amendment", ["alternative_id"], unique=False
    )
    op.create_table(
        "checkback_rating",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("alternative_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("personal_data", sa.JSON(), nullable=False),
        sa.Column("client_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["alternative_id"],
            ["alternative.id"],
            name=op.f("fk_checkback_rating_alternative_id_alternative"),
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_checkback_rating_participant_id_participant"),
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["checkback_round.id"],
            name=op.f("fk_checkback_rating_round_id_checkback_round"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkback_rating")),
        sa.UniqueConstraint(
            "participant_id", "client_id", name=op.f("uq_checkback_rating_participant_id_client_id")
        ),
    )
    op.create_index(
        op.f("ix_checkback_rating_round_id"), "checkback_rating", ["round_id"], unique=False
    )
    op.create_table(
        "dissent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alternative_id", sa.Integer(), nullable=False),
        sa.Column("vote_round_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["alternative_id"],
            ["alternative.id"],
            name=op.f("fk_dissent_alternative_id_alternative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_dissent_participant_id_participant"),
        ),
        sa.ForeignKeyConstraint(
            ["vote_round_id"],
            ["majority_vote_round.id"],
            name=op.f("fk_dissent_vote_round_id_majority_vote_round"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dissent")),
    )
    op.create_index(op.f("ix_dissent_alternative_id"), "dissent", ["alternative_id"], unique=False)
    op.create_table(
        "fishing_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("prompt_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("personal_data", sa.JSON(), nullable=False),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("client_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_fishing_answer_participant_id_participant"),
        ),
        sa.ForeignKeyConstraint(
            ["prompt_id"],
            ["fishing_prompt.id"],
            name=op.f("fk_fishing_answer_prompt_id_fishing_prompt"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fishing_answer")),
        sa.UniqueConstraint(
            "participant_id", "client_id", name=op.f("uq_fishing_answer_participant_id_client_id")
        ),
    )
    op.create_index(
        op.f("ix_fishing_answer_prompt_id"), "fishing_answer", ["prompt_id"], unique=False
    )
    op.create_table(
        "majority_vote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vote_round_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("client_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_majority_vote_participant_id_participant"),
        ),
        sa.ForeignKeyConstraint(
            ["vote_round_id"],
            ["majority_vote_round.id"],
            name=op.f("fk_majority_vote_vote_round_id_majority_vote_round"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_majority_vote")),
        sa.UniqueConstraint(
            "participant_id", "client_id", name=op.f("uq_majority_vote_participant_id_client_id")
        ),
    )
    op.create_index(
        op.f("ix_majority_vote_vote_round_id"), "majority_vote", ["vote_round_id"], unique=False
    )
    op.create_table(
        "alternative_perspective",
        sa.Column("alternative_id", sa.Integer(), nullable=False),
        sa.Column("perspective_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["alternative_id"],
            ["alternative.id"],
            name=op.f("fk_alternative_perspective_alternative_id_alternative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["perspective_id"],
            ["perspective.id"],
            name=op.f("fk_alternative_perspective_perspective_id_perspective"),
        ),
        sa.PrimaryKeyConstraint(
            "alternative_id", "perspective_id", name=op.f("pk_alternative_perspective")
        ),
    )
    op.create_table(
        "alternative_reflection",
        sa.Column("alternative_id", sa.Integer(), nullable=False),
        sa.Column("reflection_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["alternative_id"],
            ["alternative.id"],
            name=op.f("fk_alternative_reflection_alternative_id_alternative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reflection_id"],
            ["reflection.id"],
            name=op.f("fk_alternative_reflection_reflection_id_reflection"),
        ),
        sa.PrimaryKeyConstraint(
            "alternative_id", "reflection_id", name=op.f("pk_alternative_reflection")
        ),
    )


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)

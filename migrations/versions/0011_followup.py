"""What happened next: mandate, decisions, funding, indicators, consequences, assessments,
evaluations.

Revision ID: 0011_followup
Revises: 0012_map_themes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_followup"
down_revision = "0012_map_themes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "funding_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("amount_tkr", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["process_id"],
            ["process.id"],
            name=op.f("fk_funding_line_process_id_process"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funding_line")),
    )
    with op.batch_alter_table("funding_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_funding_line_process_id"), ["process_id"], unique=False
        )

    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("phase_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("facilitator_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["facilitator_id"],
            ["facilitator.id"],
            name=op.f("fk_assessment_facilitator_id_facilitator"),
        ),
        sa.ForeignKeyConstraint(
            ["phase_id"],
            ["phase.id"],
            name=op.f("fk_assessment_phase_id_phase"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["process_id"],
            ["process.id"],
            name=op.f("fk_assessment_process_id_process"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment")),
    )
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assessment_process_id"), ["process_id"], unique=False)

    op.create_table(
        "budget_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("funding_line_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("amount_tkr", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["funding_line_id"],
            ["funding_line.id"],
            name=op.f("fk_budget_line_funding_line_id_funding_line"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposal.id"],
            name=op.f("fk_budget_line_proposal_id_proposal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_line")),
    )
    with op.batch_alter_table("budget_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_budget_line_funding_line_id"), ["funding_line_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_budget_line_proposal_id"), ["proposal_id"], unique=False
        )

    op.create_table(
        "indicator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("unit", sa.String(length=60), nullable=False),
        sa.Column("baseline", sa.Float(), nullable=True),
        sa.Column("target", sa.Float(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposal.id"],
            name=op.f("fk_indicator_proposal_id_proposal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator")),
    )
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_indicator_proposal_id"), ["proposal_id"], unique=False)

    op.create_table(
        "proposal_consequences",
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("children", sa.Text(), nullable=False),
        sa.Column("equality", sa.Text(), nullable=False),
        sa.Column("ecology", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposal.id"],
            name=op.f("fk_proposal_consequences_proposal_id_proposal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("proposal_id", name=op.f("pk_proposal_consequences")),
    )
    op.create_table(
        "proposal_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.String(length=200), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("paragraph", sa.String(length=40), nullable=False),
        sa.Column("case_number", sa.String(length=60), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("facilitator_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["facilitator_id"],
            ["facilitator.id"],
            name=op.f("fk_proposal_decision_facilitator_id_facilitator"),
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposal.id"],
            name=op.f("fk_proposal_decision_proposal_id_proposal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposal_decision")),
    )
    with op.batch_alter_table("proposal_decision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_proposal_decision_proposal_id"), ["proposal_id"], unique=False
        )

    op.create_table(
        "evaluation_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.String(length=64), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("personal_data", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_evaluation_answer_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["process_id"],
            ["process.id"],
            name=op.f("fk_evaluation_answer_process_id_process"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshop.id"],
            name=op.f("fk_evaluation_answer_workshop_id_workshop"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_answer")),
        sa.UniqueConstraint(
            "participant_id",
            "client_id",
            name=op.f("uq_evaluation_answer_participant_id_client_id"),
        ),
        sa.UniqueConstraint(
            "participant_id",
            "workshop_id",
            name=op.f("uq_evaluation_answer_participant_id_workshop_id"),
        ),
    )
    with op.batch_alter_table("evaluation_answer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evaluation_answer_process_id"), ["process_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_evaluation_answer_workshop_id"), ["workshop_id"], unique=False
        )

    op.create_table(
        "indicator_measurement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("measured_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicator.id"],
            name=op.f("fk_indicator_measurement_indicator_id_indicator"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_measurement")),
    )
    with op.batch_alter_table("indicator_measurement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_indicator_measurement_indicator_id"), ["indicator_id"], unique=False
        )

    op.create_table(
        "condition_follow_up",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("amendment_id", sa.Integer(), nullable=False),
        sa.Column("followed_up", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("dated", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["amendment_id"],
            ["amendment.id"],
            name=op.f("fk_condition_follow_up_amendment_id_amendment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposal.id"],
            name=op.f("fk_condition_follow_up_proposal_id_proposal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_condition_follow_up")),
    )
    with op.batch_alter_table("condition_follow_up", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_condition_follow_up_amendment_id"), ["amendment_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_condition_follow_up_proposal_id"), ["proposal_id"], unique=False
        )

    with op.batch_alter_table("process", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mandate", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("decision_maker", sa.String(length=200), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("process", schema=None) as batch_op:
        batch_op.drop_column("decision_maker")
        batch_op.drop_column("mandate")

    with op.batch_alter_table("condition_follow_up", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_condition_follow_up_proposal_id"))
        batch_op.drop_index(batch_op.f("ix_condition_follow_up_amendment_id"))

    op.drop_table("condition_follow_up")
    with op.batch_alter_table("indicator_measurement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicator_measurement_indicator_id"))

    op.drop_table("indicator_measurement")
    with op.batch_alter_table("evaluation_answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluation_answer_workshop_id"))
        batch_op.drop_index(batch_op.f("ix_evaluation_answer_process_id"))

    op.drop_table("evaluation_answer")
    with op.batch_alter_table("proposal_decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_proposal_decision_proposal_id"))

    op.drop_table("proposal_decision")
    op.drop_table("proposal_consequences")
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicator_proposal_id"))

    op.drop_table("indicator")
    with op.batch_alter_table("budget_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_budget_line_proposal_id"))
        batch_op.drop_index(batch_op.f("ix_budget_line_funding_line_id"))

    op.drop_table("budget_line")
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assessment_process_id"))

    op.drop_table("assessment")
    with op.batch_alter_table("funding_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_funding_line_process_id"))

    op.drop_table("funding_line")

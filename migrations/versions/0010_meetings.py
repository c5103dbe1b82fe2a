"""meetings: a meeting's place, time, format, team and agenda; attendance; participant
codes; stakeholder group changes; outreach; a perspective's source.

Revision ID: 0010_meetings
Revises: 0007_security_web
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_meetings"
down_revision = "0007_security_web"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stakeholder_group_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("name_before", sa.String(length=80), nullable=False),
        sa.Column("name_after", sa.String(length=80), nullable=False),
        sa.Column("facilitator_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["facilitator_id"],
            ["facilitator.id"],
            name=op.f("fk_stakeholder_group_change_facilitator_id_facilitator"),
        ),
        sa.ForeignKeyConstraint(
            ["process_id"],
            ["process.id"],
            name=op.f("fk_stakeholder_group_change_process_id_process"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stakeholder_group_change")),
    )
    op.create_table(
        "outreach_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("stakeholder_group_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("due", sa.String(length=40), nullable=False),
        sa.Column("responsible", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["process_id"],
            ["process.id"],
            name=op.f("fk_outreach_action_process_id_process"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_group_id"],
            ["stakeholder_group.id"],
            name=op.f("fk_outreach_action_stakeholder_group_id_stakeholder_group"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outreach_action")),
    )
    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("came_back", sa.Boolean(), nullable=False),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_attendance_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshop.id"],
            name=op.f("fk_attendance_workshop_id_workshop"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
        sa.UniqueConstraint(
            "workshop_id", "participant_id", name=op.f("uq_attendance_workshop_id_participant_id")
        ),
    )
    op.create_table(
        "participant_code",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column("origin", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_participant_code_participant_id_participant"),
        ),
        sa.ForeignKeyConstraint(
            ["process_id"],
            ["process.id"],
            name=op.f("fk_participant_code_process_id_process"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participant_code")),
        sa.UniqueConstraint(
            "process_id", "code_hash", name=op.f("uq_participant_code_process_id_code_hash")
        ),
    )
    with op.batch_alter_table("perspective", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("entered_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_perspective_entered_by_id_facilitator"),
            "facilitator",
            ["entered_by_id"],
            ["id"],
        )

    with op.batch_alter_table("workshop", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("place", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("starts_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("ends_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("format", sa.String(length=32), nullable=False, server_default="physical")
        )
        batch_op.add_column(
            sa.Column("target_groups", sa.JSON(), nullable=False, server_default="[]")
        )
        batch_op.add_column(
            sa.Column("facilitators", sa.JSON(), nullable=False, server_default="[]")
        )
        batch_op.add_column(sa.Column("agenda", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column(
                "requires_participant_code", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("workshop", schema=None) as batch_op:
        batch_op.drop_column("requires_participant_code")
        batch_op.drop_column("agenda")
        batch_op.drop_column("facilitators")
        batch_op.drop_column("target_groups")
        batch_op.drop_column("format")
        batch_op.drop_column("ends_at")
        batch_op.drop_column("starts_at")
        batch_op.drop_column("place")

    with op.batch_alter_table("perspective", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_perspective_entered_by_id_facilitator"), type_="foreignkey"
        )
        batch_op.drop_column("entered_by_id")
        batch_op.drop_column("source")

    op.drop_table("participant_code")
    op.drop_table("attendance")
    op.drop_table("outreach_action")
    op.drop_table("stakeholder_group_change")

"""map: reactions, explicit perspective links and the latest analysis per process

Revision ID: 0002_map
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_map"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reaction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("perspective_id", sa.Integer(), nullable=False),
        sa.Column("vote", sa.SmallInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("vote IN (-1, 0, 1)", name=op.f("ck_reaction_vote_range")),
        sa.ForeignKeyConstraint(
            ["participant_id"], ["participant.id"],
            name=op.f("fk_reaction_participant_id_participant"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["perspective_id"], ["perspective.id"],
            name=op.f("fk_reaction_perspective_id_perspective"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["process_id"], ["process.id"],
            name=op.f("fk_reaction_process_id_process"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reaction")),
        sa.UniqueConstraint("participant_id", "perspective_id",
                            name=op.f("uq_reaction_participant_id_perspective_id")),
    )
    op.create_index("ix_reaction_process_perspective", "reaction",
                    ["process_id", "perspective_id"], unique=False)
    op.create_table(
        "perspective_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(length=32), nullable=False),
        sa.Column("facilitator_id", sa.Integer(), nullable=True),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["facilitator_id"], ["facilitator.id"],
            name=op.f("fk_perspective_link_facilitator_id_facilitator"),
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"], ["participant.id"],
            name=op.f("fk_perspective_link_participant_id_participant"), ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["process_id"], ["process.id"],
            name=op.f("fk_perspective_link_process_id_process"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["perspective.id"],
            name=op.f("fk_perspective_link_source_id_perspective"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["target_id"], ["perspective.id"],
            name=op.f("fk_perspective_link_target_id_perspective"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_perspective_link")),
        sa.UniqueConstraint("source_id", "target_id", "relation",
                            name=op.f("uq_perspective_link_source_id_target_id_relation")),
    )
    op.create_index(op.f("ix_perspective_link_process_id"), "perspective_link",
                    ["process_id"], unique=False)
    op.create_table(
        "analysis_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("priorities", sa.JSON(), nullable=False),
        sa.Column("duration_ms", sa.Float(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["process_id"], ["process.id"],
            name=op.f("fk_analysis_snapshot_process_id_process"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_analysis_snapshot")),
        sa.UniqueConstraint("process_id", name=op.f("uq_analysis_snapshot_process_id")),
    )


def downgrade() -> None:
    op.drop_table("analysis_snapshot")
    op.drop_index(op.f("ix_perspective_link_process_id"), table_name="perspective_link")
    op.drop_table("perspective_link")
    op.drop_index("ix_reaction_process_perspective", table_name="reaction")
    op.drop_table("reaction")

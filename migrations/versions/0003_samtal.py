"""lärande samtal: conversation rounds, reflections and the resistance line

Revision ID: 0003_samtal
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_samtal"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversation_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("phase_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("prompt", sa.Text(), nullable=False),
        sa.Column("basis", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("closes_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["facilitator.id"],
                                name=op.f("fk_conversation_round_created_by_id_facilitator")),
        sa.ForeignKeyConstraint(["phase_id"], ["phase.id"],
                                name=op.f("fk_conversation_round_phase_id_phase")),
        sa.ForeignKeyConstraint(["process_id"], ["process.id"],
                                name=op.f("fk_conversation_round_process_id_process"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conversation_round")),
        sa.UniqueConstraint("phase_id", "number",
                            name=op.f("uq_conversation_round_phase_id_number")),
    )
    op.create_index(op.f("ix_conversation_round_phase_id"), "conversation_round", ["phase_id"])
    op.create_table(
        "conversation_round_perspective",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("perspective_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["perspective_id"], ["perspective.id"],
            name=op.f("fk_conversation_round_perspective_perspective_id_perspective")),
        sa.ForeignKeyConstraint(
            ["round_id"], ["conversation_round.id"],
            name=op.f("fk_conversation_round_perspective_round_id_conversation_round"),
            ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("round_id", "perspective_id",
                                name=op.f("pk_conversation_round_perspective")),
    )
    op.create_table(
        "reflection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("stakeholder_group_id", sa.Integer(), nullable=True),
        sa.Column("client_id", sa.String(length=64), nullable=False),
        sa.Column("understood", sa.Text(), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("keep", sa.Text(), nullable=False),
        sa.Column("view_change", sa.String(length=32), nullable=False),
        sa.Column("moved_by_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("personal_data", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["moved_by_id"], ["perspective.id"],
                                name=op.f("fk_reflection_moved_by_id_perspective")),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"],
                                name=op.f("fk_reflection_participant_id_participant")),
        sa.ForeignKeyConstraint(["process_id"], ["process.id"],
                                name=op.f("fk_reflection_process_id_process"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["round_id"], ["conversation_round.id"],
                                name=op.f("fk_reflection_round_id_conversation_round")),
        sa.ForeignKeyConstraint(["stakeholder_group_id"], ["stakeholder_group.id"],
                                name=op.f("fk_reflection_stakeholder_group_id_stakeholder_group")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reflection")),
        sa.UniqueConstraint("participant_id", "client_id",
                            name=op.f("uq_reflection_participant_id_client_id")),
    )
    op.create_index(op.f("ix_reflection_round_id"), "reflection", ["round_id"])
    op.create_table(
        "resistance_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("phase_id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=True),
        sa.Column("level", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("facilitator_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["facilitator_id"], ["facilitator.id"],
                                name=op.f("fk_resistance_entry_facilitator_id_facilitator")),
        sa.ForeignKeyConstraint(["phase_id"], ["phase.id"],
                                name=op.f("fk_resistance_entry_phase_id_phase")),
        sa.ForeignKeyConstraint(["process_id"], ["process.id"],
                                name=op.f("fk_resistance_entry_process_id_process"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["round_id"], ["conversation_round.id"],
                                name=op.f("fk_resistance_entry_round_id_conversation_round")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resistance_entry")),
    )
    op.create_index(op.f("ix_resistance_entry_process_id"), "resistance_entry", ["process_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_resistance_entry_process_id"), table_name="resistance_entry")
    op.drop_table("resistance_entry")
    op.drop_index(op.f("ix_reflection_round_id"), table_name="reflection")
    op.drop_table("reflection")
    op.drop_table("conversation_round_perspective")
    op.drop_index(op.f("ix_conversation_round_phase_id"), table_name="conversation_round")
    op.drop_table("conversation_round")

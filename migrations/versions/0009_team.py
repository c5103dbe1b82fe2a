"""A team per process (owner, facilitator, reader), invitations, proposal owners and
programmes; each process's creator becomes its owner.

Revision ID: 0009_team
Revises: 0014_committee
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_team"
down_revision = "0014_committee"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "process_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("facilitator_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["process_id"], ["process.id"], ondelete="CASCADE",
                                name=op.f("fk_process_member_process_id_process")),
        sa.ForeignKeyConstraint(["facilitator_id"], ["facilitator.id"], ondelete="CASCADE",
                                name=op.f("fk_process_member_facilitator_id_facilitator")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_process_member")),
        sa.UniqueConstraint("process_id", "facilitator_id",
                            name=op.f("uq_process_member_process_id_facilitator_id")),
    )
    op.create_index(op.f("ix_process_member_process_id"), "process_member", ["process_id"])
    op.create_index(op.f("ix_process_member_facilitator_id"), "process_member",
                    ["facilitator_id"])
    op.create_table(
        "proposal_owner",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("facilitator_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["proposal_id"], ["proposal.id"], ondelete="CASCADE",
                                name=op.f("fk_proposal_owner_proposal_id_proposal")),
        sa.ForeignKeyConstraint(["facilitator_id"], ["facilitator.id"], ondelete="CASCADE",
                                name=op.f("fk_proposal_owner_facilitator_id_facilitator")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposal_owner")),
        sa.UniqueConstraint("proposal_id", "facilitator_id",
                            name=op.f("uq_proposal_owner_proposal_id_facilitator_id")),
    )
    op.create_index(op.f("ix_proposal_owner_proposal_id"), "proposal_owner", ["proposal_id"])
    op.create_index(op.f("ix_proposal_owner_facilitator_id"), "proposal_owner",
                    ["facilitator_id"])
    op.create_table(
        "invitation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("invited_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["process_id"], ["process.id"], ondelete="CASCADE",
                                name=op.f("fk_invitation_process_id_process")),
        sa.ForeignKeyConstraint(["proposal_id"], ["proposal.id"], ondelete="CASCADE",
                                name=op.f("fk_invitation_proposal_id_proposal")),
        sa.ForeignKeyConstraint(["invited_by_id"], ["facilitator.id"],
                                name=op.f("fk_invitation_invited_by_id_facilitator")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitation")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_invitation_token_hash")),
    )
    op.create_index(op.f("ix_invitation_process_id"), "invitation", ["process_id"])
    op.create_table(
        "programme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["facilitator.id"],
                                name=op.f("fk_programme_created_by_id_facilitator")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme")),
        sa.UniqueConstraint("slug", name=op.f("uq_programme_slug")),
    )
    op.create_table(
        "programme_process",
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["programme_id"], ["programme.id"], ondelete="CASCADE",
                                name=op.f("fk_programme_process_programme_id_programme")),
        sa.ForeignKeyConstraint(["process_id"], ["process.id"], ondelete="CASCADE",
                                name=op.f("fk_programme_process_process_id_process")),
        sa.PrimaryKeyConstraint("programme_id", "process_id",
                                name=op.f("pk_programme_process")),
    )
    # The creator of each process becomes its owner; a process without a creator stays
    # without a team until `dialog process set-owner` gives it one.
    op.execute(
        "INSERT INTO process_member (process_id, facilitator_id, role, created_at) "
        "SELECT id, created_by_id, 'owner', created_at FROM process "
        "WHERE created_by_id IS NOT NULL"
    )


def downgrade() -> None:
    op.drop_table("programme_process")
    op.drop_table("programme")
    op.drop_index(op.f("ix_invitation_process_id"), table_name="invitation")
    op.drop_table("invitation")
    op.drop_index(op.f("ix_proposal_owner_facilitator_id"), table_name="proposal_owner")
    op.drop_index(op.f("ix_proposal_owner_proposal_id"), table_name="proposal_owner")
    op.drop_table("proposal_owner")
    op.drop_index(op.f("ix_process_member_facilitator_id"), table_name="process_member")
    op.drop_index(op.f("ix_process_member_process_id"), table_name="process_member")
    op.drop_table("process_member")

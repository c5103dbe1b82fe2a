"""publication: immutable snapshots and per-process publication settings

Revision ID: 0005_publish
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_publish"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "publication",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_by_id", sa.Integer(), nullable=True),
        sa.Column("licence", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["process_id"], ["process.id"],
            name=op.f("fk_publication_process_id_process"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["published_by_id"], ["facilitator.id"],
            name=op.f("fk_publication_published_by_id_facilitator"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publication")),
        sa.UniqueConstraint("process_id", "version",
                            name=op.f("uq_publication_process_id_version")),
    )
    op.create_table(
        "publication_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("licence", sa.String(length=64), nullable=False),
        sa.Column("retention_until", sa.Date(), nullable=True),
        sa.Column("retention_applied_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["process_id"], ["process.id"],
            name=op.f("fk_publication_settings_process_id_process"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publication_settings")),
        sa.UniqueConstraint("process_id", name=op.f("uq_publication_settings_process_id")),
    )


def downgrade() -> None:
    op.drop_table("publication_settings")
    op.drop_table("publication")

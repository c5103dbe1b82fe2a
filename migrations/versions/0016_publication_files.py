"""Files of a publication (report PDFs, open-data ZIP, the page's parts), stored once.

Revision ID: 0016_publication_files
Revises: 0011_followup
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_publication_files"
down_revision = "0011_followup"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "publication_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("publication_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("renderer", sa.String(length=64), nullable=False),
        sa.Column("built_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["publication_id"], ["publication.id"],
                                name=op.f("fk_publication_file_publication_id_publication"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publication_file")),
        sa.UniqueConstraint("publication_id", "name", "locale",
                            name=op.f("uq_publication_file_publication_id_name_locale")),
    )
    op.create_index(op.f("ix_publication_file_publication_id"), "publication_file",
                    ["publication_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_publication_file_publication_id"), table_name="publication_file")
    op.drop_table("publication_file")

"""map themes with stable ids and names; redaction keeps the original in the moderation log

Revision ID: 0012_map_themes
Revises: 0010_meetings
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_map_themes"
down_revision = "0010_meetings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "map_theme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=True),
        sa.Column("suggested_name", sa.String(length=200), nullable=False),
        sa.Column("members", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["process_id"], ["process.id"],
                                name=op.f("fk_map_theme_process_id_process"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_map_theme")),
    )
    op.create_index(op.f("ix_map_theme_process_id"), "map_theme", ["process_id"], unique=False)
    with op.batch_alter_table("moderation_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("original_text", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("edited_text", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("moderation_event", schema=None) as batch_op:
        batch_op.drop_column("edited_text")
        batch_op.drop_column("original_text")
    op.drop_index(op.f("ix_map_theme_process_id"), table_name="map_theme")
    op.drop_table("map_theme")

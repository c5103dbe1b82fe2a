"""Join the feature branches; the moderation log covers every moderated text.

Revision ID: 0006_moderation_subjects
Revises: 0002_map, 0004_konkret, 0005_publish
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_moderation_subjects"
down_revision = ("0002_map", "0004_konkret", "0005_publish")
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("moderation_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("process_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("subject_type", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("subject_id", sa.Integer(), nullable=True))
        batch_op.alter_column("perspective_id", existing_type=sa.Integer(), nullable=True)
        batch_op.create_index(batch_op.f("ix_moderation_event_process_id"), ["process_id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_moderation_event_process_id_process"), "process",
            ["process_id"], ["id"])
    # Earlier decisions were all about perspectives: fill in their subject and process.
    op.execute(
        "UPDATE moderation_event SET subject_type = 'perspective', subject_id = perspective_id, "
        "process_id = (SELECT perspective.process_id FROM perspective "
        "WHERE perspective.id = moderation_event.perspective_id)"
    )
    with op.batch_alter_table("moderation_event", schema=None) as batch_op:
        batch_op.alter_column("subject_type", existing_type=sa.String(length=32),
                              nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("moderation_event", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_moderation_event_process_id_process"),
                                 type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_moderation_event_process_id"))
        batch_op.drop_column("subject_id")
        batch_op.drop_column("subject_type")
        batch_op.drop_column("process_id")

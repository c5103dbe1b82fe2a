"""A facilitator can block a participant: when, kept on the participant (nothing deleted).

Revision ID: 0008_security_participants
Revises: 0006_moderation_subjects
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_security_participants"
down_revision = "0006_moderation_subjects"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.add_column(sa.Column("blocked_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_column("blocked_at")

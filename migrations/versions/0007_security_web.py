"""Facilitators log out everywhere: a session generation that logout raises.

Revision ID: 0007_security_web
Revises: 0009_team
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_security_web"
down_revision = "0009_team"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("facilitator", schema=None) as batch_op:
        batch_op.add_column(sa.Column("session_generation", sa.Integer(), nullable=False,
                                      server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("facilitator", schema=None) as batch_op:
        batch_op.drop_column("session_generation")

"""A perspective can be about the conversation itself (Polis's ``is-meta``).

Such a perspective is shown and reacted to, but the map's analysis leaves it out, as Polis
leaves meta comments out of its math. Existing rows are not meta.

Revision ID: 0018_perspective_meta
Revises: 0017_hide_reason_codes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_perspective_meta"
down_revision = "0017_hide_reason_codes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("perspective", schema=None) as batch_op:
        batch_op.add_column(sa.Column("is_meta", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("perspective", schema=None) as batch_op:
        batch_op.drop_column("is_meta")

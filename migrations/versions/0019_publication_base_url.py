"""Where a version was published from, so its report and open data carry absolute links.

Existing versions get "" (unknown): their files keep ``DIALOG_PUBLIC_URL``, else site paths.

Revision ID: 0019_publication_base_url
Revises: 0018_perspective_meta
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019_publication_base_url"
down_revision = "0018_perspective_meta"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("publication", schema=None) as batch_op:
        batch_op.add_column(sa.Column("base_url", sa.String(length=300), nullable=False,
                                      server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("publication", schema=None) as batch_op:
        batch_op.drop_column("base_url")

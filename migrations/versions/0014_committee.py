"""The way back: decisive check-back rounds, the report's committee fields, e-mail
subscriptions and their outbox.

Revision ID: 0014_committee
Revises: 0008_security_participants
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_committee"
down_revision = "0008_security_participants"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("checkback_round", schema=None) as batch_op:
        batch_op.add_column(sa.Column("decisive", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    with op.batch_alter_table("publication_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("case_number", sa.String(length=64), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("handling_officer", sa.String(length=200),
                                      nullable=False, server_default=""))
        batch_op.add_column(sa.Column("decision_proposal", sa.Text(), nullable=False,
                                      server_default=""))
    op.create_table(
        "subscription",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["process_id"], ["process.id"],
                                name=op.f("fk_subscription_process_id_process"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscription")),
        sa.UniqueConstraint("process_id", "email", name=op.f("uq_subscription_process_id_email")),
        sa.UniqueConstraint("token", name=op.f("uq_subscription_token")),
    )
    op.create_index(op.f("ix_subscription_process_id"), "subscription", ["process_id"])
    op.create_table(
        "mail_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subscription_id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["subscription_id"], ["subscription.id"],
                                name=op.f("fk_mail_outbox_subscription_id_subscription"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_outbox")),
    )
    op.create_index(op.f("ix_mail_outbox_subscription_id"), "mail_outbox", ["subscription_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_mail_outbox_subscription_id"), table_name="mail_outbox")
    op.drop_table("mail_outbox")
    op.drop_index(op.f("ix_subscription_process_id"), table_name="subscription")
    op.drop_table("subscription")
    with op.batch_alter_table("publication_settings", schema=None) as batch_op:
        for column in ("decision_proposal", "handling_officer", "case_number"):
            batch_op.drop_column(column)
    with op.batch_alter_table("checkback_round", schema=None) as batch_op:
        batch_op.drop_column("decisive")

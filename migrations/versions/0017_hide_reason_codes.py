"""A stable code next to a hide's reason, so its author reads it in their own language.

Existing rows keep their text; a row whose text is, word for word, one of the common
reasons as the console offered them (Swedish or English) gets that reason's code.

Revision ID: 0017_hide_reason_codes
Revises: 0016_publication_files
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_hide_reason_codes"
down_revision = "0016_publication_files"
branch_labels = None
depends_on = None

#: The common reasons' texts as they were when codes came (frozen here: later wording
#: changes must not change what this migration did).
KNOWN = {
    "personal_data": (
        "Det du skrev kan visa vem någon är, till exempel ett namn eller ett telefonnummer.",
        "What you wrote could show who someone is, like a name or a phone number."),
    "offensive": ("Det du skrev kan såra eller kränka någon.",
                  "What you wrote could hurt or offend someone."),
    "off_topic": ("Det du skrev handlar inte om frågan vi pratar om.",
                  "What you wrote is not about the question we are talking about."),
    "duplicate": ("Samma sak finns redan på väggen.", "The same thing is already on the wall."),
    "default": ("Det passade inte här. Fråga samtalsledaren om du undrar varför.",
                "It did not fit here. Ask the facilitator if you wonder why."),
}


def upgrade() -> None:
    with op.batch_alter_table("moderation_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reason_code", sa.String(length=32), nullable=True))
    event = sa.table("moderation_event", sa.column("action", sa.String),
                     sa.column("reason", sa.Text), sa.column("reason_code", sa.String))
    for code, texts in KNOWN.items():
        op.execute(event.update()
                   .where(event.c.action == "hide", event.c.reason.in_(texts))
                   .values(reason_code=code))


def downgrade() -> None:
    with op.batch_alter_table("moderation_event", schema=None) as batch_op:
        batch_op.drop_column("reason_code")

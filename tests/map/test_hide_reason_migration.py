"""Migrating an existing database to reason codes: every row keeps its text; a hide whose
text is, word for word, a common reason (Swedish or English) or the default gets its code;
own words, and reasons of other decisions, stay without one. Downgrading drops the codes
and keeps every text."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, inspect, text

from dialog import migrate

BEFORE, AFTER = "0016_publication_files", "0017_hide_reason_codes"
ROWS = [
    (1, "hide", "Det du skrev kan visa vem någon är, till exempel ett namn eller ett "
                "telefonnummer."),
    (2, "hide", "The same thing is already on the wall."),
    (3, "hide", "Det passade inte här. Fråga samtalsledaren om du undrar varför."),
    (4, "hide", "Nämner en elev vid namn"),
    (5, "redact", "Det du skrev kan såra eller kränka någon."),
    (6, "approve", ""),
]


def reasons(engine, columns="id, reason"):
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(
            text(f"SELECT {columns} FROM moderation_event ORDER BY id"))]


def test_reason_codes_migrate_up_and_down(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    migrate.upgrade(url, BEFORE)
    engine = create_engine(url)
    with engine.begin() as connection:
        for number, action, reason in ROWS:
            connection.execute(text(
                "INSERT INTO moderation_event (id, subject_type, subject_id, perspective_id, "
                "action, from_status, to_status, reason, created_at) VALUES (:id, "
                "'perspective', :id, :id, :action, 'pending', 'hidden', :reason, "
                "'2026-11-30 20:00:00')"), {"id": number, "action": action, "reason": reason})

    migrate.upgrade(url, AFTER)
    assert reasons(engine, "id, reason_code") == [
        (1, "personal_data"), (2, "duplicate"), (3, "default"), (4, None), (5, None),
        (6, None)]
    assert reasons(engine) == [(number, reason) for number, _, reason in ROWS]

    command.downgrade(migrate.alembic_config(url), BEFORE)
    assert "reason_code" not in {c["name"] for c in inspect(engine).get_columns(
        "moderation_event")}
    assert reasons(engine) == [(number, reason) for number, _, reason in ROWS]
    engine.dispose()

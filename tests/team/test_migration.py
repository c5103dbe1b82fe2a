"""Migrating an existing database: each process's creator becomes its owner; a process
without a creator stays without a team (nobody's until ``dialog process set-owner``)."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from dialog import migrate


def test_creators_become_owners(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    migrate.upgrade(url, "0006_moderation_subjects")
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO facilitator (id, email, password_hash, created_at) "
            "VALUES (7, 'gammal@varberg.se', 'x', '2025-01-01 00:00:00')"))
        for number, creator in ((1, 7), (2, None)):
            connection.execute(text(
                "INSERT INTO process (id, slug, title, question, description, "
                "owner_organisation, language, created_by_id, created_at) VALUES "
                "(:id, :slug, 'T', 'F?', '', '', 'sv', :creator, '2025-01-01 00:00:00')"),
                {"id": number, "slug": f"p{number}", "creator": creator})
    migrate.upgrade(url, "0009_team")
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT process_id, facilitator_id, role FROM process_member")).all()
    engine.dispose()
    assert [tuple(row) for row in rows] == [(1, 7, "owner")]

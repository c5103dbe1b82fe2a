"""The Alembic migrations build exactly the schema the models describe."""

from __future__ import annotations

import os
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from dialog import migrate
from dialog.models import Base


@pytest.fixture
def empty_database_url(tmp_path):
    url = os.environ.get("DIALOG_TEST_DATABASE_URL")
    if not url:
        yield f"sqlite:///{tmp_path / 'migrated.sqlite3'}"
        return
    name = f"dialog_migrations_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield url.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def test_migrations_match_the_models(empty_database_url):
    migrate.upgrade(empty_database_url)
    engine = create_engine(empty_database_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_upgrading_twice_is_harmless(empty_database_url):
    migrate.upgrade(empty_database_url)
    migrate.upgrade(empty_database_url)

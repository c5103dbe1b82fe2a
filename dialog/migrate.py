"""Run Alembic migrations from code (``dialog db upgrade``), no alembic.ini needed."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, inspect

from dialog.paths import migrations_dir


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(database_url: str, revision: str = "heads") -> None:
    """Bring the database schema up to ``revision`` (default: every branch's head).

    Features add their tables in migrations that branch from the foundation, so there may
    be several heads; upgrading to "heads" applies them all.
    """
    command.upgrade(alembic_config(database_url), revision)


def is_empty(engine: Engine) -> bool:
    """True when the database has no dialog tables yet."""
    return not inspect(engine).has_table("process")

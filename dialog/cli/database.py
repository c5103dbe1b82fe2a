"""``dialog db upgrade``: bring the schema to the latest migration."""

from __future__ import annotations

import click


@click.group(help="Databasen / the database.")
def db() -> None:
    """Database commands."""


@db.command(help="Kör migreringar till senaste versionen / run migrations to the latest.")
@click.option("--revision", default="heads", show_default=True)
def upgrade(revision: str) -> None:
    """Run Alembic migrations."""
    from dialog import migrate
    from dialog.config import Settings

    settings = Settings.from_env()
    migrate.upgrade(settings.database_url, revision)
    click.echo(f"Databasen är uppdaterad ({_safe(settings.database_url)}).")


def _safe(url: str) -> str:
    """Hide a password in a database URL before printing it."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url

"""Alembic environment: migrations run against ``dialog.models.Base.metadata``."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import engine_from_config, pool

import dialog.models as models

config = context.config
target_metadata = models.Base.metadata

url = config.get_main_option("sqlalchemy.url") or os.environ.get("DIALOG_DATABASE_URL")


def run_offline() -> None:
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True,
                      render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connectable = config.attributes.get("connection")
    if connectable is not None:
        _run(connectable)
        return
    engine = engine_from_config({"sqlalchemy.url": url}, prefix="sqlalchemy.",
                                poolclass=pool.NullPool)
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


def _render_item(type_: str, obj: object, autogen_context: object) -> str | bool:
    """Render dialog's column types as the plain types they store, so migrations stand alone."""
    if type_ == "type" and isinstance(obj, models.base.StrEnumType):
        return "sa.String(length=32)"
    if type_ == "type" and isinstance(obj, models.base.UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=True, compare_type=True, render_item=_render_item)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()

"""Insert many rows fast: COPY on PostgreSQL (psycopg), one executemany elsewhere."""

from __future__ import annotations

import enum
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import FromClause, Table, insert
from sqlalchemy.orm import Session


def insert_rows(session: Session, table: FromClause, rows: Sequence[dict[str, Any]]) -> None:
    """Insert plain rows (every row with the same keys) into ``table`` within the session.

    ``table`` is a model's ``__table__`` (typed as a FromClause by SQLAlchemy): it must be a Table.
    """
    if not isinstance(table, Table):
        raise TypeError(f"insert_rows needs a Table, not {type(table).__name__}")
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name == "postgresql" and connection.dialect.driver == "psycopg":
        columns = list(rows[0])
        quoted = ", ".join(f'"{c}"' for c in columns)
        driver = connection.connection.driver_connection
        assert driver is not None
        with driver.cursor() as cursor, cursor.copy(
                f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row([_plain(row[c]) for c in columns])
        return
    session.execute(insert(table), list(rows))


def _plain(value: Any) -> Any:
    """COPY writes values as text: enums by their value, lists (JSON) as JSON text."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list | dict):
        return json.dumps(value)
    return value

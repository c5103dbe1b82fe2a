"""The records export: everything recorded for a process, for public-records requests.

It walks every table in the schema and follows foreign keys to the process, so the
export also covers what later features record (reactions, rounds, alternatives, votes…)
without knowing them. Hidden perspectives and the moderation log are included; hashes of
tokens and passwords are not (they identify nobody and open nothing).
"""

from __future__ import annotations

import csv
import enum
import io
import json
import zipfile
from collections import deque
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Column, Select, Table, select
from sqlalchemy.orm import Session

from dialog.models import Base, Process, utcnow
from dialog.services.csv_cells import safe_cell
from dialog.services.moderation import moderation_log

#: Never exported: derived from secrets, useless to a reader, risky to hand out.
SECRET_COLUMNS = {"token_hash", "password_hash"}
MAX_DEPTH = 4
LOG_COLUMNS = ["id", "subject_type", "subject_id", "perspective_id", "action", "from_status",
               "to_status", "reason", "reason_code", "original_text", "edited_text",
               "facilitator", "created_at"]

README = """Utdrag ur dialog: allt som registrerats för processen {title} (id {id}).
Uttaget {at} av {who}.

records.json innehåller alla tabeller (en lista med rader per tabell) och modereringsloggen.
Varje tabell finns också som CSV i tables/.

OBS: Utdraget är fullständigt och omaskerat. Det innehåller dolda och väntande perspektiv,
och texter kan innehålla personuppgifter (kolumnen personal_data visar vilka slag som
hittades). Gör en sekretessprövning innan något lämnas ut (offentlighets- och
sekretesslagen, OSL). Deltagare finns bara som slumpade id: inga namn, e-postadresser,
IP-adresser eller token. Samtalsledarnas e-postadresser finns i modereringsloggen.
"""


def _route(table: Table) -> list[tuple[Column[Any], Column[Any]]] | None:
    """Foreign-key hops from ``table`` to one with a ``process_id`` (empty: it has one)."""
    queue: deque[tuple[Table, list[tuple[Column[Any], Column[Any]]]]] = deque([(table, [])])
    seen = {table.name}
    while queue:
        current, hops = queue.popleft()
        if "process_id" in current.c:
            return hops
        if len(hops) >= MAX_DEPTH:
            continue
        for fk in sorted(current.foreign_keys, key=lambda f: f.parent.name):
            target = fk.column.table
            if target.name in seen or not isinstance(target, Table):
                continue
            seen.add(target.name)
            queue.append((target, [*hops, (fk.parent, fk.column)]))
    return None


def _query(table: Table, process_id: int) -> Select[Any] | None:
    if table.name == Process.__tablename__:
        return select(table).where(table.c.id == process_id)
    hops = _route(table)
    if hops is None:
        return None
    query = select(table).select_from(table)
    last: Table = table
    for local, remote in hops:
        last = remote.table
        query = query.join(last, local == remote)
    return query.where(last.c.process_id == process_id).order_by(*table.primary_key.columns)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return None
    return value


def records(session: Session, process: Process, *, requested_by: str = "") -> dict[str, Any]:
    """Everything recorded for ``process`` as plain JSON-ready data."""
    tables: dict[str, list[dict[str, Any]]] = {}
    columns_of: dict[str, list[str]] = {}
    for table in Base.metadata.sorted_tables:
        query = _query(table, process.id)
        if query is None:
            continue
        columns = [c.name for c in table.columns if c.name not in SECRET_COLUMNS]
        columns_of[table.name] = columns
        tables[table.name] = [
            {name: _plain(row[name]) for name in columns}
            for row in session.execute(query).mappings()
        ]
    return {
        "process_id": process.id,
        "title": process.title,
        "exported_at": utcnow().isoformat(),
        "exported_by": requested_by,
        "tables": tables,
        "columns": columns_of,
        "moderation_log": moderation_log(session, process.id),
    }


def records_zip(data: dict[str, Any]) -> bytes:
    """The records export as a ZIP: records.json, a CSV per table and a README."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README.format(
            title=data["title"], id=data["process_id"], at=data["exported_at"],
            who=data["exported_by"] or "-"))
        archive.writestr("records.json", json.dumps(data, ensure_ascii=False, indent=2))
        for name, rows in data["tables"].items():
            archive.writestr(f"tables/{name}.csv", _csv(rows, data["columns"][name]))
        archive.writestr("tables/moderation_log.csv", _csv(data["moderation_log"], LOG_COLUMNS))
    return buffer.getvalue()


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: safe_cell(json.dumps(v, ensure_ascii=False)
                                      if isinstance(v, list | dict) else v)
                         for k, v in row.items()})
    return out.getvalue()

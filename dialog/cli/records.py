"""``dialog records ID -o FILE``, ``dialog publish ID`` and ``dialog retention …``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from dialog.errors import DialogError
from dialog.i18n import translate


def _refuse(exc: DialogError) -> click.ClickException:
    return click.ClickException(f"{translate('errors.' + exc.code, **exc.params)} [{exc.code}]")


@click.command(help="Exportera allt som registrerats för en process (allmänna handlingar).")
@click.argument("process_id", type=int)
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path),
              help="Fil att skriva: .zip (JSON, CSV och README) eller .json.")
def records(process_id: int, output: Path) -> None:
    """Write the records export of a process, hidden perspectives and moderation log included."""
    from dialog import policy
    from dialog.cli.context import bound_settings
    from dialog.extensions import db
    from dialog.models import Process
    from dialog.publication.records import records as records_of
    from dialog.publication.records import records_zip

    bound_settings()
    try:
        with db.transaction() as session:
            process = policy.load(session, Process, process_id)
            data = records_of(session, process, requested_by="dialog records (CLI)")
    except DialogError as exc:
        raise _refuse(exc) from exc
    if output.suffix.lower() == ".json":
        output.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    else:
        output.write_bytes(records_zip(data))
    rows = sum(len(rows) for rows in data["tables"].values())
    click.echo(f"Utdrag skrivet till {output}: {len(data['tables'])} tabeller, {rows} rader. "
               "Gör en sekretessprövning innan något lämnas ut.")


@click.command(help="Publicera en ny version av processens sammanfattning. Rapporten (PDF) och "
               "öppna data (ZIP) byggs av ett bakgrundsjobb: av `dialog worker` när en sådan "
               "körs, annars av kommandot innan det avslutas.")
@click.argument("process_id", type=int)
@click.option("--note", default="", help="Kommentar som visas överst i versionen.")
@click.option("--json", "as_json", is_flag=True, help="Skriv ut {version, url} som JSON.")
def publish(process_id: int, note: str, as_json: bool) -> None:
    """Publish the next version of a process, as the facilitator's button does.

    The version's files are enqueued when the transaction commits; without a worker the
    jobs run inline, so the command returns with the PDF and ZIP built.
    """
    from dialog import policy
    from dialog.cli.context import base_url, bound_settings
    from dialog.extensions import db
    from dialog.models import Process
    from dialog.publication import publish as publish_version

    settings = bound_settings()
    try:
        with db.transaction() as session:
            db.begin_writing(session)  # a server may be writing too (SQLite: BEGIN IMMEDIATE)
            process = policy.load(session, Process, process_id)
            made = publish_version(session, process, None, note=note)
            version, slug = made.version, process.slug
    except DialogError as exc:
        raise _refuse(exc) from exc
    url = f"{base_url(settings)}/p/{slug}/v/{version}"
    click.echo(json.dumps({"version": version, "url": url}) if as_json
               else f"Version {version} publicerad: {url}")


@click.group(help="Gallring: ta bort kopplingen mellan telefoner och innehåll efter ett datum.")
def retention() -> None:
    """Retention commands."""


@retention.command("set", help="Sätt gallringsdatum (ÅÅÅÅ-MM-DD) för en process, eller 'none'.")
@click.argument("process_id", type=int)
@click.argument("until")
def set_until(process_id: int, until: str) -> None:
    """Set or clear a process's retention date."""
    from dialog import policy
    from dialog.cli.context import bound_settings
    from dialog.extensions import db
    from dialog.models import Process
    from dialog.publication import update_settings

    bound_settings()
    value = None if until.lower() in ("none", "") else until
    try:
        with db.transaction() as session:
            process = policy.load(session, Process, process_id)
            update_settings(session, process, {"retention_until": value})
    except DialogError as exc:
        raise _refuse(exc) from exc
    click.echo(f"Gallringsdatum för process {process_id}: {value or 'inget'}")


@retention.command("apply", help="Gallra processer vars datum har passerat (inget raderas).")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Räkna som om det vore detta datum (för prov).")
@click.option("--dry-run", is_flag=True, help="Visa bara vad som skulle gallras.")
def apply(today: object, dry_run: bool) -> None:
    """Cut the token links of every process past its retention date."""
    from dialog.cli.context import bound_settings
    from dialog.extensions import db
    from dialog.publication.retention import apply_due, due

    bound_settings()
    day = today.date() if today is not None else date.today()  # type: ignore[attr-defined]
    with db.transaction() as session:
        if dry_run:
            found = due(session, day)
            for item in found:
                click.echo(f"Skulle gallras: process {item.process_id} "
                           f"(datum {item.retention_until})")
            if not found:
                click.echo("Inget att gallra.")
            session.rollback()
            return
        results = apply_due(session, day)
    for result in results:
        if result.skipped:
            click.echo(f"Hoppade över {result.slug}: en workshop är fortfarande öppen.")
        else:
            click.echo(f"Gallrat {result.slug}: kopplingen till {result.participants} "
                       "telefoner är borttagen; allt innehåll finns kvar.")
    if not results:
        click.echo("Inget att gallra.")

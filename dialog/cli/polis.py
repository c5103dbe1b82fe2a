"""``dialog import-polis DIR`` and ``dialog export ID --format polis|graphml -o PATH``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from dialog.errors import DialogError
from dialog.i18n import translate

#: Below this many votes an import is over before a progress bar would be worth drawing.
PROGRESS_FROM_VOTES = 20_000


def fail(exc: DialogError) -> click.ClickException:
    return click.ClickException(f"{translate('errors.' + exc.code, **exc.params)} [{exc.code}]")


@click.command("import-polis", help="Importera en Polis-export (en mapp eller zip-fil med "
               "comments.csv och votes.csv eller participants-votes.csv) "
               "som en ny process och skriv ut dess id.")
@click.argument("folder", type=click.Path(exists=True, path_type=Path))
@click.option("--title", help="Processens titel (annars Polis-samtalets ämne).")
@click.option("--owner", metavar="EMAIL", help="Samtalsledaren som ska äga processen (utan "
              "ägare når ingen den förrän med `dialog process set-owner`).")
@click.option("--language", type=click.Choice(["sv", "en", "zh"]),
              help="Språk för textanalysen (annars gissat ur kommentarerna).")
@click.option("--json", "as_json", is_flag=True, help="Skriv ut {\"process_id\": ...}.")
def import_polis(folder: Path, title: str | None, owner: str | None, language: str | None,
                 as_json: bool) -> None:
    """Import a Polis conversation as a process."""
    from tqdm import tqdm

    from dialog import migrate
    from dialog.cli.context import bound_settings
    from dialog.extensions import db
    from dialog.services import facilitators
    from phases.inventering.map import polis_import  # the analysis stack loads slowly

    settings = bound_settings()
    if migrate.is_empty(db.engine):
        migrate.upgrade(settings.database_url)
    total = polis_import.count_votes(folder)
    bar = tqdm(total=total, unit=" röster", desc="Importerar", file=sys.stderr,
               disable=total < PROGRESS_FROM_VOTES or None, leave=False)
    try:
        with db.transaction() as session:
            account = facilitators.find_by_email(session, owner) if owner else None
            if owner and account is None:
                raise DialogError("unknown_facilitator", 404, email=owner)
            result = polis_import.import_polis(session, folder, title=title, owner=account,
                                               language=language, progress=bar.update)
    except DialogError as exc:
        raise fail(exc) from exc
    finally:
        bar.close()
    for key, params in result.notes:  # how the export was read, on stderr: --json stays JSON
        click.echo(f"Obs: {translate('map.' + key, **params)}", err=True)
    if as_json:
        click.echo(json.dumps({
            "process_id": result.process_id, "participants": result.participants,
            "perspectives": result.perspectives, "hidden": result.hidden,
            "reactions": result.reactions, "skipped_votes": result.skipped_votes,
            "notes": [key for key, _params in result.notes]}))
        return
    click.echo(f"Importerade process {result.process_id}: {result.perspectives} perspektiv "
               f"({result.hidden} dolda), {result.participants} deltagare, "
               f"{result.reactions} reaktioner.")


@click.command(help="Exportera en process: Polis-format (mapp) eller GraphML för Gephi (fil).")
@click.argument("process_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["polis", "graphml"]), required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Mapp (polis) eller fil (graphml).")
@click.option("--seed", default=0, show_default=True, type=click.IntRange(min=0))
def export(process_id: int, fmt: str, output: Path, seed: int) -> None:
    """Write a process in Polis's export format or as GraphML."""
    from dialog import policy
    from dialog.cli.context import bound_settings
    from dialog.extensions import db
    from dialog.models import Process
    from phases.inventering.map import graph_export, polis_export

    bound_settings()
    try:
        with db.transaction() as session:
            process = policy.load(session, Process, process_id)
            if fmt == "polis":
                counts = polis_export.export_polis(session, process, output, seed=seed)
                summary = f"{counts['comments']} kommentarer, {counts['votes']} röster"
            else:
                counts = graph_export.write_graphml(session, process, output, seed=seed)
                summary = f"{counts['nodes']} noder, {counts['edges']} kanter"
    except DialogError as exc:
        raise fail(exc) from exc
    click.echo(f"Skrev {output} ({summary}).")

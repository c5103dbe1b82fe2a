"""``dialog demo [--json] [--if-empty]``: the Tillit och trygghet demo process."""

from __future__ import annotations

import json

import click


@click.command(help="Skapa demoprocessen \"Tillit och trygghet i Varberg\".")
@click.option("--json", "as_json", is_flag=True, help="Skriv ut ett JSON-objekt.")
@click.option("--if-empty", is_flag=True,
              help="Skapa bara om databasen saknar processer; visa annars den befintliga.")
@click.option("--port", default=5000, show_default=True, help="Port i de utskrivna adresserna.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="0.0.0.0: skriv ut datorns adress i nätverket (som dialog serve använder).")
def demo(as_json: bool, if_empty: bool, port: int, host: str) -> None:
    """Create (or show) the demo process and print how to reach it."""
    from dialog import migrate
    from dialog.cli.context import base_url, bound_settings
    from dialog.demo import build_demo, existing_demo
    from dialog.extensions import db

    settings = bound_settings()
    if migrate.is_empty(db.engine):
        migrate.upgrade(settings.database_url)
    with db.transaction() as session:
        result = existing_demo(session) if if_empty else None
        created = result is None
        if result is None:
            result = build_demo(session)
    info = result.as_dict(base_url(settings, host=host, port=port))
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False))
        return
    heading = "Demoprocessen är skapad" if created else "Demoprocessen finns redan"
    click.echo(f"\n{heading}: Tillit och trygghet i Varberg\n")
    click.echo(f"  Logga in som samtalsledare: {info['urls']['facilitator_login']}")
    click.echo(f"    e-post:   {info['facilitator']['email']}")
    click.echo(f"    lösenord: {info['facilitator']['password']}")
    click.echo(f"  Workshopkonsol:  {info['urls']['workshop_console']}")
    click.echo(f"  Projektorvy:     {info['urls']['projector']}")
    click.echo(f"  Deltagare:       {info['urls']['join']}  (kod {info['join_code']})")
    if "public" in info["urls"]:
        click.echo(f"  Publicerat:      {info['urls']['public']}")
    click.echo("")

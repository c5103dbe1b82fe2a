"""``dialog process set-owner PROCESS_ID EMAIL``: give a process (e.g. one imported without
``--owner``) an owner; until it has one, nobody can reach it from the console or the API."""

from __future__ import annotations

import click

from dialog.errors import DialogError


@click.group(help="Processer / processes.")
def process() -> None:
    """Process commands."""


@process.command("set-owner", help="Gör en samtalsledare till ägare av en process.")
@click.argument("process_id", type=int)
@click.argument("email")
def set_owner(process_id: int, email: str) -> None:
    """Make an existing facilitator account an owner of the process."""
    from dialog import policy  # lazily: `dialog --help` imports nothing heavy
    from dialog.cli.context import bound_settings
    from dialog.cli.polis import fail
    from dialog.extensions import db
    from dialog.models import Process
    from dialog.services import facilitators, processes

    bound_settings()
    try:
        with db.transaction() as session:
            found = policy.load(session, Process, process_id)
            account = facilitators.find_by_email(session, email)
            if account is None:
                raise DialogError("no_owner_account")
            processes.add_owner(session, found, account)
            title = found.title
    except DialogError as exc:
        raise fail(exc) from exc
    click.echo(f"{email.strip().lower()} äger nu processen {process_id} ({title}).")

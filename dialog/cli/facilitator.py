"""``dialog facilitator create EMAIL --password-stdin``."""

from __future__ import annotations

import sys

import click


@click.group(help="Samtalsledarkonton / facilitator accounts.")
def facilitator() -> None:
    """Facilitator commands."""


@facilitator.command(help="Skapa ett konto; lösenordet läses från standard in.")
@click.argument("email")
@click.option("--password-stdin", is_flag=True, required=True,
              help="Läs lösenordet från standard in (visas aldrig på kommandoraden).")
def create(email: str, password_stdin: bool) -> None:
    """Create a facilitator account."""
    from dialog.cli.context import bound_settings
    from dialog.errors import DialogError
    from dialog.extensions import db
    from dialog.i18n import translate
    from dialog.services import facilitators

    bound_settings()
    password = sys.stdin.readline().rstrip("\r\n")
    try:
        with db.transaction() as session:
            account = facilitators.create_facilitator(session, email, password)
            account_id = account.id
    except DialogError as exc:
        raise click.ClickException(f"{translate('errors.' + exc.code, **exc.params)} "
                                   f"[{exc.code}]") from exc
    click.echo(f"Samtalsledare skapad: {email.strip().lower()} (id {account_id})")

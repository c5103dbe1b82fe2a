"""``dialog mail send``: send the mail that waits in the outbox (cron, or after CLI publishing)."""

from __future__ import annotations

import click


@click.group(help="E-post till dem som bevakar en process.")
def mail() -> None:
    """Commands about e-mail notices."""


@mail.command("send", help="Skicka e-post som väntar (t.ex. efter `dialog publish`).")
def send() -> None:
    """Send every waiting mail through ``DIALOG_SMTP_URL``."""
    from dialog.cli.context import base_url, bound_settings  # lazily, as every command
    from dialog.extensions import db
    from dialog.mail import outbox, transport

    settings = bound_settings()
    if not settings.smtp_url:
        raise click.ClickException("DIALOG_SMTP_URL är inte satt: ingen e-post skickas.")
    transport.configure(settings.smtp_url, settings.mail_from)
    sender = transport.configured()
    assert sender is not None
    session = db.new_session()
    try:
        sent = outbox.deliver_pending(session, sender, base_url(settings))
    finally:
        session.close()
    click.echo(f"{sent} e-brev skickade.")

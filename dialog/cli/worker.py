"""``dialog worker``: run background jobs (analysis, map, PDF) from the Redis queue."""

from __future__ import annotations

import click


@click.command(help="Kör bakgrundsjobb från Redis-kön / run background jobs from the Redis "
                    "queue (needs DIALOG_REDIS_URL).")
@click.option("--queue", "queues", multiple=True, default=("dialog",), show_default=True,
              help="Kö att arbeta av (kan upprepas) / queue to work (repeatable).")
@click.option("--burst", is_flag=True,
              help="Sluta när kön är tom / stop when the queues are empty.")
@click.option("--name", default=None, help="Arbetarens namn i Redis / the worker's name.")
def worker(queues: tuple[str, ...], burst: bool, name: str | None) -> None:
    """Build the app once, then work jobs in forked work horses until stopped."""
    from dialog.config import Settings

    settings = Settings.from_env()
    if not settings.redis_url:
        raise click.UsageError("DIALOG_REDIS_URL saknas: utan Redis kör servern jobben själv "
                               "(i en barnprocess) och ingen arbetare behövs.")
    from dialog.jobs.worker import work
    from dialog.web.app import create_app

    create_app(settings)  # jobs run in its app context (templates, url_for)
    warm_up()
    click.echo(f"dialog worker arbetar av {', '.join(queues)} (avsluta med Ctrl+C)")
    work(settings.redis_url, list(queues), burst=burst, name=name)


def warm_up() -> None:
    """What every job would otherwise do first, done once here: the work horses are forked
    from this process, and a cache filled in a horse dies with it (a map job paid about
    0.1 s of CPU for the ORM's mapper setup alone)."""
    from sqlalchemy.orm import configure_mappers

    from dialog.analysis import warmup

    configure_mappers()
    warmup.warm_up()

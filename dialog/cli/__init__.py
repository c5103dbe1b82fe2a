"""The ``dialog`` command line: a thin face over the services.

Subcommands live in one module each and are listed explicitly in ``COMMANDS``.
"""

from __future__ import annotations

import sys

if len(sys.argv) > 1 and sys.argv[1] == "serve":
    # gevent must patch the standard library before anything imports socket, ssl or threading.
    from gevent import monkey

    monkey.patch_all()

import click

from dialog.cli import (
    analyze,
    database,
    demo,
    facilitator,
    mail,
    polis,
    process,
    records,
    serve,
    worker,
)

COMMANDS: list[click.Command] = [serve.serve, database.db, facilitator.facilitator, demo.demo,
                                 polis.import_polis, polis.export, analyze.analyze,
                                 records.records, records.publish, records.retention,
                                 mail.mail, process.process, worker.worker]


@click.group(help="dialog: verktyg för medskapande dialog / a toolkit for co-creative dialogue.")
@click.version_option(package_name="dialog")
def cli() -> None:
    """Entry point of the command group."""


for command in COMMANDS:
    cli.add_command(command)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="dialog")

"""``python -m dialog``: the same command line as ``dialog``."""

from dialog.cli import main

main()

"""dialog: a toolkit for co-creative dialogue (medskapande dialog).

The package root stays import-light on purpose: the core (``dialog.models``,
``dialog.services``, ``dialog.analysis``) must import without Flask. The web app
lives in ``dialog.web`` and is built by ``dialog.web.app.create_app``.
"""

__version__ = "0.1.0"

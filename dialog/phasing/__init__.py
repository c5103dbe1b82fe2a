"""The generic phase machinery every phase shares, in the kernel.

* :mod:`~dialog.phasing.contract`: the ``Phase`` contract, the one way the kernel and
  publication reach a phase (``phases.PHASES`` lists the phases, in order, once);
* :mod:`~dialog.phasing.service`: open, close and read a process's phase rounds;
* :mod:`~dialog.phasing.operations`: the same as actions, and the phone's screen;
* faces: :mod:`~dialog.phasing.api` (JSON), :mod:`~dialog.phasing.pages` (``/w/<id>/now``,
  the console's open/close forms), :mod:`~dialog.phasing.console_pages` (the running phase on
  every console page, confirming and undoing a change) and :mod:`~dialog.phasing.live`
  (``phase:changed``); :mod:`~dialog.phasing.wall_pages`, the room's wall around the open
  phase's part.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask
    from flask_socketio import SocketIO


def install(app: Flask, socketio: SocketIO, namespace: str) -> None:
    """Attach the phase pages, API routes and the ``phase:changed`` broadcast."""
    from dialog.phasing import api, console_pages, live, pages, wall_pages

    app.register_blueprint(api.blueprint)
    app.register_blueprint(pages.blueprint)
    app.register_blueprint(console_pages.blueprint)
    wall_pages.install(app)
    live.register(socketio, namespace)

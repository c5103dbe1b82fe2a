"""``dialog serve``: a real server (gevent, WebSocket), optionally behind Redis."""

from __future__ import annotations

import gc

import click

#: Connections the kernel holds for the server to accept (gevent's default is 128): a room
#: of phones reconnecting at once after a restart waits in the queue instead of having its
#: connection attempts dropped and retried a second or more later.
LISTEN_BACKLOG = 2048
#: The cyclic garbage collector's thresholds under a server. Python's default (700) runs a
#: young-generation pass every 700 net allocations of containers; each live event allocates
#: hundreds (sessions, statements, packets), and with the modules and a room's sockets in
#: the heap the passes took about a tenth of the server's CPU in a 300-phone room. Objects
#: alive after start-up (modules, the app) are frozen out of collections for good. The
#: middle generation is collected every 5 young passes, not 20: in a 1,000-phone room the
#: events in flight (their sessions, statements, packets) survive a young pass and die in
#: the middle one, and one pass over 20 passes' worth held the loop for 160-250 ms of CPU
#: (65-140 ms with 5); the oldest every 40 middle passes, as often as before.
GC_THRESHOLDS = (20_000, 5, 40)


@click.command(help="Starta servern / serve the app (gevent + WebSocket).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="0.0.0.0: telefoner på samma nätverk kan ansluta.")
@click.option("--port", default=5000, show_default=True, type=int)
def serve(host: str, port: int) -> None:
    """Serve HTTP and Socket.IO with gevent."""
    from dialog.analysis.warmup import load_libraries
    from dialog.config import Settings
    from dialog.extensions import socketio
    from dialog.web.app import create_app
    from dialog.web.join_address import LISTEN_KEY, room_base_url
    from dialog.web.server_handler import handler_with_timeouts

    settings = Settings.from_env()
    app = create_app(settings, async_mode="gevent", **{LISTEN_KEY: (host, port)})
    if not app.config.get("DIALOG_ANALYSIS_IN_CHILD", True):
        # The analysis runs here: load it now, not inside the first live analysis. By
        # default it runs in a child process that loads it itself, and the server does
        # not: a restarted server answers its room seconds sooner.
        load_libraries()
    click.echo(f"dialog lyssnar på http://{host}:{port}/  (avsluta med Ctrl+C)")
    room = room_base_url(settings.public_base_url, (host, port), f"http://{host}:{port}")
    click.echo(f"Deltagarna ansluter på {room}/  (länkar och QR-koder visar den adressen)")
    if room.startswith(("http://127.", "http://localhost")):
        click.echo("Bara den här datorn når adressen: starta med --host 0.0.0.0 för telefoner "
                   "i rummet.")
    if settings.redis_url:
        click.echo("Socket.IO-meddelanden går via Redis: flera processer kan dela rummen.")
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    handler = handler_with_timeouts(settings.header_timeout, settings.idle_timeout)
    socketio.run(app, host=host, port=port, log_output=False, use_reloader=False,
                 handler_class=handler, backlog=LISTEN_BACKLOG)

"""The server's own CPU per live event, in one process, without a network or a load generator.

    python bench/bench_event_cpu.py [--phones 60] [--reactions 10] [--repeat 3]

Builds the app on a SQLite file (as `dialog serve` would, WAL), lets ``--phones`` participants
join and connect to /live with Flask-SocketIO's test client, each sends one perspective
(``perspective:submit``) and then reacts ``--reactions`` times as the phone page does
(``vote:next`` once, then ``vote:submit`` whose ack carries the next card). Prints the CPU
time of this process per perspective and per reaction (the best of ``--repeat`` rooms).

What it leaves out is what the room benchmark (``bench_town_hall.py``) adds: engine.io
framing, gevent's WebSocket writes, the console's deliveries, the analysis child. What it
measures is the handler path (identity, throttle, action, database, next card) with little
noise from other processes on a shared machine: CPU time, not wall time. The wall's reaction
counts are gathered as under a server (one read per 0.25 s for all that changed, a cost per
second rather than per reaction) and not read here.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dialog.config import Settings
from dialog.extensions import db, socketio
from dialog.models import Base
from dialog.services import facilitators, participants, processes, workshops
from dialog.web.app import create_app
from phases.inventering.map.decks import decks
from phases.inventering.wall_broadcast import WallCounts


def _gather(walls: WallCounts, process_id: int, perspective_id: int) -> None:
    """A wall's count is due: gathered, as under `dialog serve` (read every 0.25 s for all
    that changed), instead of read and sent at once per reaction as in tests."""
    walls._pending[perspective_id] = process_id


WallCounts.changed = _gather  # type: ignore[method-assign]


def room(phones: int, reactions: int) -> tuple[float, float]:
    """CPU ms per perspective and per reaction for one fresh room."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(database_url=f"sqlite:///{tmp}/bench.sqlite3", secret_key="bench",
                            instance_dir=Path(tmp) / "instance")
        app = create_app(settings, TESTING=True, SERVER_NAME="dialog.test")
        Base.metadata.create_all(db.engine)
        decks.recheck_seconds = 0.5  # as under `dialog serve`
        try:
            with app.app_context():
                return _measure(app, phones, reactions)
        finally:
            db.dispose()


def _measure(app: Any, phones: int, reactions: int) -> tuple[float, float]:
    with db.transaction() as session:
        account = facilitators.create_facilitator(session, "bench@example.se", "bench pass 123")
        process = processes.create_process(session, account, title="Bench",
                                           question="Vad gör staden trygg?",
                                           stakeholder_groups=["unga", "skola"])
        workshop = workshops.open_workshop(session, process, title="Bench")
        code = workshop.join_code
    tokens = []
    for _ in range(phones):
        with db.transaction() as session:
            tokens.append(participants.join(session, code)[1])
    http = app.test_client()
    sockets = [socketio.test_client(app, namespace="/live", auth={"token": token},
                                    flask_test_client=http) for token in tokens]
    gc.collect()
    started = time.process_time()
    for number, sio in enumerate(sockets):
        ack = sio.emit("perspective:submit", {"text": f"Perspektiv nummer {number} om staden",
                                              "kind": "thought",
                                              "client_id": f"bench-{number}"},
                       namespace="/live", callback=True)
        assert ack["ok"], ack
    per_perspective = (time.process_time() - started) / phones
    cards: list[Any] = []
    for sio in sockets:
        ack = sio.emit("vote:next", {}, namespace="/live", callback=True)
        assert ack["ok"], ack
        cards.append(ack["perspective"])
    started = time.process_time()
    done = 0
    for _round in range(reactions):
        for index, sio in enumerate(sockets):
            card = cards[index]
            if card is None:
                continue
            ack = sio.emit("vote:submit", {"perspective_id": card["id"], "vote": "agree"},
                           namespace="/live", callback=True)
            assert ack["ok"], ack
            cards[index] = ack["next"]
            done += 1
    per_reaction = (time.process_time() - started) / max(done, 1)
    for sio in sockets:
        sio.disconnect("/live")
    return 1000 * per_perspective, 1000 * per_reaction


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--phones", type=int, default=60)
    parser.add_argument("--reactions", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results = [room(args.phones, args.reactions) for _ in range(args.repeat)]
    print(f"phones {args.phones}, reactions each {args.reactions}, best of {args.repeat}")
    print(f"CPU per perspective: {min(r[0] for r in results):.2f} ms")
    print(f"CPU per reaction (with its next card): {min(r[1] for r in results):.2f} ms")


if __name__ == "__main__":
    main()

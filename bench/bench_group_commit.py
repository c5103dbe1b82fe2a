"""CPU per reaction under a queue for the writer turn: each in its own transaction, or gathered.

    python bench/bench_group_commit.py [--phones 200] [--reactions 10] [--think-ms 500]
                                       [--hold-ms 20] [--every-ms 100] [--repeat 2]

Runs as ``dialog serve`` does (gevent's monkey patching, a SQLite file in WAL, the process's
one-writer turn). Every phone is a greenlet reacting ``--reactions`` times (a pause of up to
twice ``--think-ms`` before each, drawn with a fixed seed, the same in both modes), while
another greenlet holds the writer turn for ``--hold-ms`` every ``--every-ms`` (as the analysis
child's store, or an event that yields inside its turn, does), so a queue forms as at a room's
peaks. A reaction is the live path's unit of work: the participant's row (its token checked),
the policy's row, the upsert and its domain event. ``own`` runs each in its own transaction
and turn (as before group commit); ``batched`` hands it to ``db.batched``
(:mod:`dialog.group_commit`). Prints the process's CPU ms per reaction (best of ``--repeat``
fresh rooms), the transactions committed and the wall time. No Socket.IO, no next card: the
``bench_event_cpu.py`` path without them.
"""

from __future__ import annotations

from gevent import monkey

monkey.patch_all()

import argparse  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import gevent  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dialog.config import Settings  # noqa: E402
from dialog.database import writer_turn  # noqa: E402
from dialog.extensions import db  # noqa: E402
from dialog.group_commit import batcher_for  # noqa: E402
from dialog.live.identity import _participant  # noqa: E402
from dialog.models import Base  # noqa: E402
from dialog.services import facilitators, participants, processes, workshops  # noqa: E402
from dialog.web.app import create_app  # noqa: E402
from phases.inventering.map.reactions import react_to  # noqa: E402
from phases.inventering.perspectives import submit_perspective  # noqa: E402


def room(mode: str, phones: int, reactions: int, think: float, hold: float, every: float
         ) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(database_url=f"sqlite:///{tmp}/bench.sqlite3", secret_key="bench",
                            instance_dir=Path(tmp) / "instance")
        app = create_app(settings, TESTING=True, SERVER_NAME="dialog.test")
        Base.metadata.create_all(db.engine)
        try:
            with app.app_context():
                return _measure(mode, phones, reactions, think, hold, every)
        finally:
            db.dispose()


def _measure(mode: str, phones: int, reactions: int, think: float, hold: float,
             every: float) -> dict[str, Any]:
    with db.transaction() as session:
        account = facilitators.create_facilitator(session, "bench@example.se", "bench pass 123")
        process = processes.create_process(session, account, title="Bench",
                                           question="Vad gör staden trygg?",
                                           stakeholder_groups=["unga"])
        workshop = workshops.open_workshop(session, process, title="Bench")
        ids, perspectives = [], []
        for number in range(phones):
            participant = participants.join(session, workshop.join_code)[0]
            perspective, _ = submit_perspective(session, participant, workshop,
                                                text=f"Perspektiv {number} om staden",
                                                kind="thought", stakeholder_group=None,
                                                client_id=f"bench-{number}")
            ids.append(participant.id)
            perspectives.append(perspective.id)

    def unit(participant_id: int, perspective_id: int) -> Any:
        def work(session: Any) -> Any:
            participant = _participant(session, participant_id)
            assert participant is not None
            return react_to(session, participant, perspective_id, "agree")
        return work

    def phone(index: int) -> None:
        pauses = random.Random(index)
        for step in range(1, reactions + 1):
            gevent.sleep(pauses.uniform(0, 2 * think))
            work = unit(ids[index], perspectives[(index + step) % phones])
            if mode == "batched":
                db.batched(work)
            else:
                with db.transaction() as session:
                    work(session)

    done = False

    def holder() -> None:
        while not done:
            with writer_turn(db.engine):
                gevent.sleep(hold)
            gevent.sleep(every - hold)

    batcher = batcher_for(db)
    assert batcher is not None, "run without gevent's patching?"
    commits = batcher.commits
    holding = gevent.spawn(holder)
    cpu, wall = time.process_time(), time.monotonic()
    gevent.joinall([gevent.spawn(phone, i) for i in range(phones)], raise_error=True)
    cpu, wall = time.process_time() - cpu, time.monotonic() - wall
    done = True
    holding.join()
    count = phones * reactions
    return {"cpu_ms": 1000 * cpu / count, "wall_s": wall,
            "commits": batcher.commits - commits if mode == "batched" else count}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--phones", type=int, default=200)
    parser.add_argument("--reactions", type=int, default=10)
    parser.add_argument("--think-ms", type=float, default=500.0)
    parser.add_argument("--hold-ms", type=float, default=20.0)
    parser.add_argument("--every-ms", type=float, default=100.0)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    print(f"phones {args.phones}, reactions each {args.reactions}, turn held "
          f"{args.hold_ms:.0f} ms every {args.every_ms:.0f} ms, best of {args.repeat}")
    runs: dict[str, list[dict[str, Any]]] = {"own": [], "batched": []}
    for _ in range(args.repeat):  # alternating, so that the machine's load falls on both
        for mode, found in runs.items():
            found.append(room(mode, args.phones, args.reactions, args.think_ms / 1000,
                              args.hold_ms / 1000, args.every_ms / 1000))
    for mode, found in runs.items():
        best = min(found, key=lambda r: r["cpu_ms"])
        print(f"{mode:8} CPU per reaction {best['cpu_ms']:.2f} ms, "
              f"{best['commits']} commits for {args.phones * args.reactions} reactions, "
              f"wall {best['wall_s']:.1f} s")


if __name__ == "__main__":
    main()

"""The server's own CPU per live event, in one process, without a network or a load generator.

    python bench/bench_event_cpu.py [--phones 60] [--reactions 10] [--repeat 3]
        [--database-url postgresql+psycopg://postgres@127.0.0.1/NAME]
        [--redis-url redis://127.0.0.1:6379/N] [--profile FILE] [--concurrent]

Builds the app on a SQLite file (as `dialog serve` would, WAL), lets ``--phones`` participants
join and connect to /live with Flask-SocketIO's test client, each sends one perspective
(``perspective:submit``) and then reacts ``--reactions`` times as the phone page does
(``vote:next`` once, then ``vote:submit`` whose ack carries the next card). Prints the CPU
time of this process per perspective and per reaction (the best of ``--repeat`` rooms).

What it leaves out is what the room benchmark (``bench_town_hall.py``) adds: engine.io
framing, gevent's WebSocket writes, the console's deliveries, the analysis child. What it
measures is the handler path (identity, throttle, action, database, next card) with little
noise from other processes on a shared machine: CPU time, not wall time.

With ``--database-url`` (PostgreSQL: its tables are dropped and created again for every
room, so give it a database of its own) and ``--redis-url`` (the throttle and the Socket.IO
message queue, as in a cluster; the queue's listener thread is this process's too) it
measures a cluster's `dialog serve`, and also counts the statements sent per event
(``BEGIN`` and ``COMMIT`` included). ``--profile FILE`` writes a cProfile of the reactions to
FILE and of the perspectives to FILE.perspectives. ``--concurrent`` runs as `dialog serve` does
(gevent's monkey patching) with every phone a greenlet reacting as fast as its acks come
back, so that reactions queue and commit together (:mod:`dialog.group_commit`); it prints
the commits per reaction too. (With ``--redis-url`` too, the message queue's listener
spins under the test client there: measure the throttle's share without ``--concurrent``.)
The wall's reaction counts are gathered as under a server (one read per 0.25 s for all
that changed, a cost per second rather than per reaction) and not read here.
"""

from __future__ import annotations

import sys

if "--concurrent" in sys.argv:  # as `dialog serve`: patched before psycopg is imported
    from gevent import monkey

    monkey.patch_all()

import argparse
import cProfile
import gc
import tempfile
import time
from pathlib import Path
from typing import Any, NamedTuple

import flask_socketio.test_client
import psycopg
import redis.client
from sqlalchemy import event

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


class _NoQueue:
    """What the test client takes for a message queue: none, so that it runs with Redis's
    (its sends then go through Redis and back, through the queue's listener thread)."""


flask_socketio.test_client.PubSubManager = _NoQueue  # type: ignore[attr-defined,misc]


class Result(NamedTuple):
    perspective_ms: float
    reaction_ms: float
    perspective_statements: float
    reaction_statements: float
    #: Round trips per reaction: to the database (SQLite: its statements), to Redis.
    reaction_trips: float = 0.0
    reaction_redis: float = 0.0
    reaction_commits: float = 0.0


class Statements:
    """Statements the engine sent, BEGIN and COMMIT counted as the round trips they are;
    and the round trips themselves (``trips``): on PostgreSQL psycopg sends ``BEGIN`` (a
    round trip of its own) before the first statement of a transaction, and a ``COMMIT`` or
    ``ROLLBACK`` only when one is open (never for a connection in autocommit); Redis's are
    its client's commands (the throttle, ``PUBLISH``), not the queue listener's reads."""

    def __init__(self, engine: Any) -> None:
        self.count = 0
        self.trips = 0
        self.redis = 0
        self._postgresql = engine.dialect.name == "postgresql"
        for name in ("before_cursor_execute", "begin", "commit", "rollback"):
            event.listen(engine, name, self._one)
        event.listen(engine, "before_cursor_execute", self._statement)
        for name in ("commit", "rollback"):
            event.listen(engine, name, self._end)
        self.commits = 0
        event.listen(engine, "commit", self._commit)
        command = redis.client.Redis.execute_command

        def execute_command(client: Any, *args: Any, **kwargs: Any) -> Any:
            self.redis += 1
            return command(client, *args, **kwargs)

        redis.client.Redis.execute_command = execute_command  # type: ignore[method-assign]

    def _one(self, *_args: Any, **_kwargs: Any) -> None:
        self.count += 1

    def _statement(self, connection: Any, *_args: Any) -> None:
        self.trips += 1
        if self._postgresql and self._idle(connection) and \
                not connection.connection.dbapi_connection.autocommit:
            self.trips += 1  # psycopg's BEGIN first

    def _end(self, connection: Any) -> None:
        if not self._postgresql or not self._idle(connection):
            self.trips += 1

    def _commit(self, connection: Any) -> None:
        if not self._postgresql or not self._idle(connection):
            self.commits += 1

    @staticmethod
    def _idle(connection: Any) -> bool:
        dbapi = connection.connection.dbapi_connection
        return bool(dbapi.autocommit) or \
            dbapi.info.transaction_status == psycopg.pq.TransactionStatus.IDLE

    def reset(self) -> None:
        self.count = self.trips = self.redis = self.commits = 0


def room(phones: int, reactions: int, args: argparse.Namespace) -> Result:
    """CPU ms (and statements) per perspective and per reaction for one fresh room."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(database_url=args.database_url or f"sqlite:///{tmp}/bench.sqlite3",
                            secret_key="bench", instance_dir=Path(tmp) / "instance",
                            redis_url=args.redis_url)
        app = create_app(settings, TESTING=True, SERVER_NAME="dialog.test")
        if args.database_url:
            Base.metadata.drop_all(db.engine)
        Base.metadata.create_all(db.engine)
        decks.recheck_seconds = 0.5  # as under `dialog serve`
        try:
            with app.app_context():
                return _measure(app, phones, reactions, args.profile, args.concurrent)
        finally:
            db.dispose()


def _measure(app: Any, phones: int, reactions: int, profile: str | None,
             concurrent: bool) -> Result:
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
    statements = Statements(db.engine)
    profiler = cProfile.Profile() if profile else None
    started = time.process_time()
    if profiler is not None:
        profiler.enable()
    for number, sio in enumerate(sockets):
        ack = sio.emit("perspective:submit", {"text": f"Perspektiv nummer {number} om staden",
                                              "kind": "thought",
                                              "client_id": f"bench-{number}"},
                       namespace="/live", callback=True)
        assert ack["ok"], ack
    per_perspective = (time.process_time() - started) / phones
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(f"{profile}.perspectives")
    perspective_statements = statements.count / phones
    statements.reset()
    cards: list[Any] = []
    for sio in sockets:
        ack = sio.emit("vote:next", {}, namespace="/live", callback=True)
        assert ack["ok"], ack
        cards.append(ack["perspective"])
    profiler = cProfile.Profile() if profile else None
    statements.reset()
    started = time.process_time()
    if profiler is not None:
        profiler.enable()
    done = _react(sockets, cards, reactions, concurrent)
    per_reaction = (time.process_time() - started) / max(done, 1)
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(profile)
    reaction_statements = statements.count / max(done, 1)
    trips, to_redis = statements.trips / max(done, 1), statements.redis / max(done, 1)
    commits = statements.commits / max(done, 1)
    for sio in sockets:
        sio.disconnect("/live")
    return Result(1000 * per_perspective, 1000 * per_reaction, perspective_statements,
                  reaction_statements, trips, to_redis, commits)


def _react(sockets: list[Any], cards: list[Any], reactions: int, concurrent: bool) -> int:
    """Every phone reacts ``reactions`` times: round by round, one phone at a time, or
    (``concurrent``) each phone a greenlet reacting as fast as its acks come back."""

    def react(index: int, rounds: int) -> int:
        done = 0
        for _round in range(rounds):
            card = cards[index]
            if card is None:
                break
            ack = sockets[index].emit("vote:submit", {"perspective_id": card["id"],
                                                      "vote": "agree"},
                                      namespace="/live", callback=True)
            assert ack["ok"], ack
            cards[index] = ack["next"]
            done += 1
        return done

    if concurrent:
        import gevent

        phones = [gevent.spawn(react, index, reactions) for index in range(len(sockets))]
        gevent.joinall(phones, raise_error=True)
        return sum(phone.value for phone in phones)
    return sum(react(index, 1) for _round in range(reactions)
               for index in range(len(sockets)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--phones", type=int, default=60)
    parser.add_argument("--reactions", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database-url", default=None,
                        help="PostgreSQL of its own (its tables are dropped); default SQLite")
    parser.add_argument("--redis-url", default=None,
                        help="Redis for the throttle and the Socket.IO message queue")
    parser.add_argument("--profile", default=None, help="write a cProfile of the reactions")
    parser.add_argument("--concurrent", action="store_true",
                        help="under gevent, every phone reacting at once (group commit)")
    args = parser.parse_args()
    results = [room(args.phones, args.reactions, args) for _ in range(args.repeat)]
    best = min(results, key=lambda r: r.reaction_ms)
    print(f"phones {args.phones}, reactions each {args.reactions}, best of {args.repeat}; "
          f"{args.database_url or 'SQLite'}, {args.redis_url or 'no Redis'}")
    print(f"CPU per perspective: {min(r.perspective_ms for r in results):.2f} ms "
          f"({best.perspective_statements:.1f} statements)")
    print(f"CPU per reaction (with its next card): {best.reaction_ms:.2f} ms "
          f"({best.reaction_statements:.1f} statements; round trips: "
          f"{best.reaction_trips:.1f} to the database, {best.reaction_redis:.1f} to Redis; "
          f"{best.reaction_commits:.2f} commits)")


if __name__ == "__main__":
    main()

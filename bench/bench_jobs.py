"""Time jobs through Redis and `dialog worker`: how long from enqueue to done.

Usage: python bench/bench_jobs.py [--jobs N] [--redis URL]

Creates a SQLite database in a temporary folder, enqueues N jobs (each bumps one row, a
real commit) with distinct ids, starts one `dialog worker --burst` and reports the worker's
start-up, its throughput (jobs a second, each in a forked work horse) and the time from
enqueue to commit (p50, p99). Then the same for one job whose worker is SIGKILLed mid-job:
the time from the kill to the retried job's commit in a new worker (start-up included).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import Column, Float, Integer, MetaData, Table, create_engine, select, update
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

METADATA = MetaData()
DONE = Table("bench_done", METADATA, Column("id", Integer, primary_key=True),
             Column("enqueued", Float), Column("done", Float))


def record(session: Session, row: int, enqueued: str) -> None:
    """The job: note when it committed (idempotent: a retry writes the same row)."""
    session.execute(update(DONE).where(DONE.c.id == row)
                    .values(enqueued=float(enqueued), done=time.time()))


def start_worker(env: dict[str, str], *args: str, **extra: str) -> subprocess.Popen[bytes]:
    """Start `dialog worker`; its log goes to ``BENCH_JOBS_LOG`` (default: nowhere)."""
    with Path(os.environ.get("BENCH_JOBS_LOG", os.devnull)).open("ab") as log:
        return subprocess.Popen([sys.executable, "-m", "dialog", "worker", *args],
                                env={**env, **extra}, cwd=ROOT, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=200)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/3")
    options = parser.parse_args()

    from redis import Redis

    from dialog.jobs import queue
    from dialog.jobs.targets import make

    Redis.from_url(options.redis).flushdb()
    folder = Path(tempfile.mkdtemp(prefix="bench-jobs-"))
    url = f"sqlite:///{folder / 'bench.sqlite3'}"
    engine = create_engine(url)
    METADATA.create_all(engine)
    with engine.begin() as connection:
        connection.execute(DONE.insert(), [{"id": i} for i in range(options.jobs + 1)])
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIALOG_")} | {
        "DIALOG_DATABASE_URL": url, "DIALOG_REDIS_URL": options.redis,
        "DIALOG_SECRET_KEY": "bench", "DIALOG_INSTANCE_DIR": str(folder),
        "PYTHONPATH": str(ROOT)}
    queue.configure(mode="redis", redis_url=options.redis)
    for row in range(1, options.jobs + 1):
        queue.send(make("bench.bench_jobs:record", f"row:{row}",
                        {"row": row, "enqueued": repr(time.time())}))
    started = time.time()
    worker = start_worker(env, "--burst")
    worker.wait(timeout=3600)
    with engine.connect() as connection:
        rows = connection.execute(select(DONE.c.enqueued, DONE.c.done)
                                  .where(DONE.c.id > 0, DONE.c.done.is_not(None))).all()
    first = min(done for _, done in rows)
    last = max(done for _, done in rows)
    print(f"{len(rows)}/{options.jobs} jobs done; worker start-up to first job "
          f"{first - started:.1f} s; {len(rows) / max(last - first, 1e-9):.1f} jobs/s after")

    # One job, its worker SIGKILLed mid-job, a new worker retries it.
    queue.send(make("bench.bench_jobs:record", "row:0", {"row": 0,
                                                          "enqueued": repr(time.time())}))
    doomed = start_worker(env, DIALOG_JOBS_PAUSE="60")
    redis = Redis.from_url(options.redis)
    while not redis.zcard("rq:wip:dialog"):
        time.sleep(0.05)
    time.sleep(2.0)
    os.killpg(doomed.pid, signal.SIGKILL)
    killed = time.time()
    doomed.wait()
    again = start_worker(env)
    while True:
        with engine.connect() as connection:
            done = connection.scalar(select(DONE.c.done).where(DONE.c.id == 0))
        if done:
            break
        time.sleep(0.05)
    print(f"killed mid-job: done by the next worker {done - killed:.1f} s after the kill "
          f"(its start-up included)")
    os.killpg(again.pid, signal.SIGTERM)
    again.wait(timeout=30)


if __name__ == "__main__":
    main()

"""A cluster as docs/operations.md builds it: N `dialog serve` and `dialog worker` processes
over one PostgreSQL and one Redis, seeded with the demo workshop.

Used by the tests in this folder and by bench/bench_cluster.py. `dialog worker` is started
when this checkout has it (``dialog worker --help`` exits 0); without it each `dialog serve`
runs the analysis in its own child process, as on a single machine.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from tests.cluster.services import Postgres, Redis, free_port
from tests.realserver import ROOT, Server, seed_demo, server_env, start_server

DATABASE = "cluster"


def worker_available() -> bool:
    """Has this checkout a `dialog worker` command?"""
    result = subprocess.run([sys.executable, "-m", "dialog", "worker", "--help"], cwd=ROOT,
                            capture_output=True, timeout=60)
    return result.returncode == 0


@dataclass
class Cluster:
    postgres: Postgres
    redis: Redis
    env: dict[str, str]
    demo: dict[str, Any]
    servers: list[Server] = field(default_factory=list)
    worker: subprocess.Popen[bytes] | None = None

    @property
    def database_url(self) -> str:
        return self.env["DIALOG_DATABASE_URL"]

    @property
    def upstreams(self) -> list[str]:
        return [server.url.removeprefix("http://") for server in self.servers]

    def query(self, sql: str, **params: Any) -> list[Any]:
        engine = create_engine(self.database_url)
        try:
            with engine.connect() as connection:
                return list(connection.execute(text(sql), params).all())
        finally:
            engine.dispose()

    def logs(self, lines: int = 30) -> str:
        """The tail of every process's log, for a failing assertion's message."""
        tails = []
        for log in sorted(Path(self.env["DIALOG_INSTANCE_DIR"]).glob("*.log")):
            text_ = log.read_text(errors="replace").splitlines()[-lines:]
            tails.append(f"--- {log.name}\n" + "\n".join(text_))
        return "\n".join(tails)

    def stop(self) -> None:
        if self.worker is not None and self.worker.poll() is None:
            self.worker.terminate()
            try:
                self.worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.worker.kill()
        for server in self.servers:
            server.stop()
        self.redis.remove()
        self.postgres.remove()
        shutil.rmtree(self.env["DIALOG_INSTANCE_DIR"], ignore_errors=True)


def start_cluster(serve_ports: list[int] | None = None, *, worker: bool = True,
                  postgres_port: int | None = None, redis_port: int | None = None,
                  instance_dir: Path | None = None, postgres_socket: bool = False) -> Cluster:
    """Start PostgreSQL, Redis, the serve processes and (when it exists) one worker; the
    processes reach PostgreSQL over TCP, or with ``postgres_socket`` over its Unix socket."""
    postgres = Postgres(postgres_port or free_port())
    redis = Redis(redis_port or free_port())
    postgres.start()
    redis.start()
    postgres.create_database(DATABASE)
    instance = instance_dir or Path(tempfile.mkdtemp(prefix="dialog-cluster-"))
    env = server_env(instance, DIALOG_DATABASE_URL=postgres.url(DATABASE,
                                                                socket=postgres_socket),
                     DIALOG_REDIS_URL=redis.url)
    cluster = Cluster(postgres, redis, env, seed_demo(env))
    try:
        for port in serve_ports or [free_port(), free_port()]:
            # A busy machine (the cluster tests run beside others) starts slowly.
            cluster.servers.append(start_server(env, port, wait=120))
        if worker and worker_available():
            with (instance / "worker.log").open("wb") as sink:
                cluster.worker = subprocess.Popen([sys.executable, "-m", "dialog", "worker"],
                                                  env=env, cwd=ROOT, stdout=sink,
                                                  stderr=subprocess.STDOUT)
    except BaseException:
        cluster.stop()
        raise
    return cluster

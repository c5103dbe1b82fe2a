"""Private PostgreSQL, Redis, nginx and HAProxy for the cluster tests and bench/bench_cluster.py.

Each runs from its Debian binary in a temporary folder on a port of its own, never the
machine's shared servers: the fault tests restart them, and other tests (and CI) use the
shared ones at the same time. PostgreSQL refuses to run as root, so as root it runs as the
``postgres`` user. nginx and HAProxy run the very files shipped in ``deploy/``, with only
the addresses rewritten.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path("/usr/lib/postgresql/15/bin")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"
REDIS = shutil.which("redis-server") or "/usr/bin/redis-server"
#: The upstream addresses written in deploy/nginx/dialog.conf and deploy/haproxy/dialog.cfg.
SHIPPED_UPSTREAMS = ("127.0.0.1:5001", "127.0.0.1:5002")


def missing() -> list[str]:
    """What this machine lacks to run a cluster (empty when everything is there)."""
    wanted = {"PostgreSQL 15 (initdb, pg_ctl)": (PG_BIN / "pg_ctl"), "redis-server": REDIS,
              "nginx": NGINX, "haproxy": HAPROXY}
    return [name for name, path in wanted.items() if not os.access(path, os.X_OK)]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, seconds: float = 30,
                  process: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args!r} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answers on port {port} after {seconds} s")


def _as_postgres(args: list[str]) -> list[str]:
    """PostgreSQL's own tools refuse root: run them as the ``postgres`` user then."""
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@dataclass
class Postgres:
    """A PostgreSQL cluster of its own (initdb), on a private port and socket folder."""

    port: int
    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="dialog-pg-")))

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str, *, socket: bool = False) -> str:
        """Over TCP, or (``socket``) over the Unix socket in this server's folder."""
        if socket:
            return f"postgresql+psycopg://postgres@/{database}?host={self.folder}&port={self.port}"
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        if not self.data.exists():
            subprocess.run(_as_postgres([str(PG_BIN / "initdb"), "-D", str(self.data),
                                         "-U", "postgres", "--auth=trust", "-E", "UTF8",
                                         "--no-sync"]),
                           check=True, capture_output=True, timeout=120)
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c max_connections=200")
        subprocess.run(_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-w",
                                     "-l", str(self.folder / "server.log"), "-o", options,
                                     "start"]),
                       check=True, capture_output=True, timeout=60)

    def stop(self, mode: str = "fast") -> None:
        subprocess.run(_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-w",
                                     "-m", mode, "stop"]),
                       capture_output=True, timeout=60)

    def create_database(self, name: str) -> None:
        subprocess.run([str(PG_BIN / "psql"), "-h", "127.0.0.1", "-p", str(self.port),
                        "-U", "postgres", "-c", f'CREATE DATABASE "{name}"'],
                       check=True, capture_output=True, timeout=30)

    def remove(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)


@dataclass
class Redis:
    """A redis-server of its own, keeping its data in an append-only file as a production
    Redis would (a restart keeps queued jobs), in a temporary folder."""

    port: int
    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="dialog-redis-")))
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [REDIS, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "yes", "--dir", str(self.folder), "--maxclients", "10000"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(self.port)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@dataclass
class Balancer:
    """nginx or HAProxy in the foreground, from the shipped file, in a folder of its own."""

    kind: str
    port: int
    process: subprocess.Popen[bytes]
    folder: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)


def _rewritten(text: str, upstreams: list[str], listen: str) -> str:
    if len(upstreams) != len(SHIPPED_UPSTREAMS):
        raise ValueError(f"the shipped files name {len(SHIPPED_UPSTREAMS)} processes")
    for shipped, ours in zip(SHIPPED_UPSTREAMS, upstreams, strict=True):
        text = text.replace(shipped, f"@{ours}@")
    return text.replace("@", "").replace("listen 80;", f"listen {listen};")


def start_nginx(upstreams: list[str], port: int, connections: int = 1024) -> Balancer:
    """deploy/nginx/dialog.conf under a real nginx, non-root paths (pid, logs, temp files)."""
    folder = Path(tempfile.mkdtemp(prefix="dialog-nginx-"))
    site = _rewritten((ROOT / "deploy/nginx/dialog.conf").read_text(), upstreams,
                      f"127.0.0.1:{port}")
    (folder / "dialog.conf").write_text(site)
    temp = "\n".join(f"    {kind}_temp_path {folder / kind};"
                     for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # Root starts its workers as nobody: they must reach the temp folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    (folder / "nginx.conf").write_text(
        f"{user}daemon off;\nworker_processes 1;\nworker_rlimit_nofile {connections * 2 + 64};\n"
        f"pid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'} warn;\n"
        f"events {{ worker_connections {connections}; }}\n"
        f"http {{\n    access_log off;\n{temp}\n    include {folder / 'dialog.conf'};\n}}\n")
    process = subprocess.Popen([NGINX, "-c", str(folder / "nginx.conf"), "-p", str(folder),
                                "-e", str(folder / "error.log")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    balancer = Balancer("nginx", port, process, folder)
    _wait_or_stop(balancer)
    return balancer


def start_haproxy(upstreams: list[str], port: int) -> Balancer:
    """deploy/haproxy/dialog.cfg under a real HAProxy in the foreground."""
    folder = Path(tempfile.mkdtemp(prefix="dialog-haproxy-"))
    config = _rewritten((ROOT / "deploy/haproxy/dialog.cfg").read_text(), upstreams, "")
    config = config.replace("bind :80", f"bind 127.0.0.1:{port}")
    config = config.replace("log /dev/log local0", "log stderr format raw local0 notice")
    # HAProxy wants two descriptors per connection: within this machine's hard limit.
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    if hard != resource.RLIM_INFINITY and hard < 2 * 20000 + 100:
        config = config.replace("maxconn 20000", f"maxconn {(hard - 100) // 2}")
    (folder / "haproxy.cfg").write_text(config)
    with (folder / "haproxy.log").open("wb") as sink:
        process = subprocess.Popen([HAPROXY, "-db", "-f", str(folder / "haproxy.cfg")],
                                   stdout=sink, stderr=subprocess.STDOUT)
    balancer = Balancer("haproxy", port, process, folder)
    _wait_or_stop(balancer)
    return balancer


def _wait_or_stop(balancer: Balancer) -> None:
    try:
        wait_for_port(balancer.port, process=balancer.process)
    except RuntimeError:
        logs = [p.read_text(errors="replace") for p in balancer.folder.glob("*.log")]
        balancer.stop()
        raise RuntimeError(f"{balancer.kind} did not start: {' '.join(logs)[-2000:]}") from None

"""Start real `dialog serve` processes (gevent, WebSocket) for end-to-end tests."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_env(instance_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIALOG_")}
    return env | {
        "DIALOG_INSTANCE_DIR": str(instance_dir),
        "DIALOG_DATABASE_URL": f"sqlite:///{instance_dir / 'server.sqlite3'}",
        "DIALOG_SECRET_KEY": "real-server-test",
    } | extra


def run_cli(env: dict[str, str], *args: str) -> str:
    result = subprocess.run([sys.executable, "-m", "dialog", *args], env=env, cwd=ROOT,
                            capture_output=True, text=True, check=True, timeout=180)
    return result.stdout


def seed_demo(env: dict[str, str]) -> dict:
    run_cli(env, "db", "upgrade")
    return json.loads(run_cli(env, "demo", "--json"))


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def start_server(env: dict[str, str], port: int | None = None, wait: float = 60.0,
                 host: str = "127.0.0.1") -> Server:
    """Start `dialog serve` on ``host`` and wait (up to ``wait`` seconds) until /healthz
    answers on the loopback address."""
    port = port or free_port()
    log = Path(env["DIALOG_INSTANCE_DIR"]) / f"server-{port}.log"
    with log.open("ab") as sink:  # a restart on the same port adds to its log
        process = subprocess.Popen(
            [sys.executable, "-m", "dialog", "serve", "--host", host, "--port", str(port)],
            env=env, cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(log.read_text(errors="replace"))
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=1) as response:
                if response.status == 200:
                    return Server(url, process, log)
        except OSError:
            time.sleep(0.1)
    process.kill()
    process.wait(timeout=10)
    raise RuntimeError(f"dialog serve did not answer within {wait:.0f} s")

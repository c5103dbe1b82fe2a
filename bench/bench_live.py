"""Load a real `dialog serve` (gevent, WebSocket) with phones, as in a full room.

    python bench/bench_live.py [--participants 100 300] [--per-participant 2]

Each simulated phone joins by code over HTTP, connects to /live over WebSocket, sends its
perspectives and waits for the ack (sent after commit); every phone then resends its first
perspective, which must come back as a duplicate. A facilitator console counts what it
receives. Prints a Markdown table of ack latencies. Traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import socketio

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.realserver import seed_demo, server_env, start_server
from tests.test_real_server import post_json


def run_room(participants: int, per_participant: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        env = server_env(Path(tmp))
        demo = seed_demo(env)
        server = start_server(env)
        try:
            return _measure(server.url, demo, participants, per_participant)
        finally:
            server.stop()


def _measure(url: str, demo: dict, participants: int, per_participant: int) -> dict[str, float]:
    token = post_json(f"{url}/api/v1/auth/token", demo["facilitator"])["token"]
    seen: set[int] = set()
    lock = threading.Lock()
    console = socketio.Client(reconnection=False)

    @console.on("perspective:new", namespace="/live")
    def _on_new(data: dict) -> None:
        with lock:
            seen.add(data["id"])

    console.connect(url, namespaces=["/live"], auth={"token": token}, transports=["websocket"])
    console.call("workshop:watch", {"workshop_id": demo["workshop_id"]}, namespace="/live")
    before = len(seen)
    latencies: list[float] = []
    duplicates_created = 0

    def phone(n: int) -> tuple[list[float], int]:
        joined = post_json(f"{url}/api/v1/join", {"join_code": demo["join_code"]})
        client = socketio.Client(reconnection=False)
        client.connect(url, namespaces=["/live"], auth={"token": joined["participant_token"]},
                       transports=["websocket"], wait_timeout=30)
        mine: list[float] = []
        for k in range(per_participant):
            started = time.perf_counter()
            ack = client.call("perspective:submit", {
                "text": f"Perspektiv {k} från telefon {n}", "kind": "idea",
                "client_id": f"bench-{n}-{k}"}, namespace="/live", timeout=60)
            mine.append(time.perf_counter() - started)
            assert ack["ok"], ack
        again = client.call("perspective:submit", {"text": "igen", "kind": "idea",
                                                   "client_id": f"bench-{n}-0"},
                            namespace="/live", timeout=60)
        client.disconnect()
        return mine, 0 if again["duplicate"] else 1

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=min(participants, 200)) as pool:
        for mine, dup in pool.map(phone, range(participants)):
            latencies.extend(mine)
            duplicates_created += dup
    elapsed = time.perf_counter() - started
    deadline = time.monotonic() + 30
    expected = participants * per_participant
    while len(seen) - before < expected and time.monotonic() < deadline:
        time.sleep(0.05)
    console.disconnect()
    latencies.sort()
    return {
        "participants": participants,
        "perspectives": expected,
        "delivered": len(seen) - before,
        "duplicates": duplicates_created,
        "seconds": elapsed,
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(0.95 * (len(latencies) - 1))] * 1000,
        "max_ms": latencies[-1] * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, nargs="+", default=[100, 300])
    parser.add_argument("--per-participant", type=int, default=2)
    args = parser.parse_args()
    print("| phones | perspectives | delivered to console | duplicates | wall time s "
          "| ack p50 ms | ack p95 ms | ack max ms |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in args.participants:
        r = run_room(n, args.per_participant)
        print(f"| {n} | {r['perspectives']} | {r['delivered']} | {r['duplicates']} "
              f"| {r['seconds']:.1f} | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} "
              f"| {r['max_ms']:.0f} |", flush=True)


if __name__ == "__main__":
    main()

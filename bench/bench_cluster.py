"""A town hall on a cluster: phones through nginx to two `dialog serve` processes.

    python bench/bench_cluster.py [--phones 500 2000] [--ramp 60] [--reactions 10]
                                  [--think 2 4] [--client-processes 2]

The cluster of docs/operations.md on this one machine: a private PostgreSQL and Redis
(tests/cluster/services.py), two `dialog serve` processes, one `dialog worker` when this
checkout has the command, and nginx running deploy/nginx/dialog.conf in front. The phones
are python-socketio AsyncClients over WebSocket, spread over ``--client-processes`` OS
processes; each joins by code over HTTP through nginx (which places it on either process),
connects to /live, sends one perspective and then reacts ``--reactions`` times, pausing
``--think`` seconds (2-4, at random) between reactions as a person reading the card would.
A facilitator console held by the first process follows the workshop (``workshop:watch``):
it must see every perspective, half of which were written on the other process.

The Room, the console and the percentiles are bench/bench_town_hall.py's. Afterwards the
database is read: every acknowledged perspective and reaction stored exactly once. Latencies
include the client processes' own event-loop delay on a shared machine: an upper bound.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import resource
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import aiohttp
import socketio

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.cluster_room import NS, VOTES, Room, console, pct
from tests.cluster.cluster import start_cluster
from tests.cluster.services import start_nginx

#: Ports of this bench (serve processes, balancer, PostgreSQL, Redis).
SERVE_PORTS, BALANCER_PORT, POSTGRES_PORT, REDIS_PORT = [5201, 5202], 8201, 5290, 5291


async def phone(room: Room, n: int, http: aiohttp.ClientSession, delay: float,
                think: tuple[float, float]) -> None:
    await asyncio.sleep(delay)
    try:
        async with http.post(f"{room.url}/api/v1/join",
                             json={"join_code": room.demo["join_code"]}) as response:
            joined = await response.json()
        client = socketio.AsyncClient(reconnection=False)
        await client.connect(room.url, namespaces=[NS], transports=["websocket"],
                             auth={"token": joined["participant_token"]}, wait_timeout=60)
        room.joined += 1
        # The send time rides in the text: the console is in another OS process.
        text = f"Kluster {n} @{time.time():.3f}: mer ljus och folk på torget på kvällen"
        started = time.perf_counter()
        ack = await client.call("perspective:submit", {"text": text, "kind": "idea",
                                                       "client_id": f"cluster-{n}"},
                                namespace=NS, timeout=120)
        room.submit_ms.append((time.perf_counter() - started) * 1000)
        if not ack.get("ok"):
            room.failures.append(f"submit {n}: {ack}")
        await react(room, client, n, think)
        room.phones_done += 1
        await client.disconnect()
    except Exception as exc:  # every failure is counted and shown
        room.failures.append(f"phone {n}: {exc!r}")


async def react(room: Room, client: socketio.AsyncClient, n: int,
                think: tuple[float, float]) -> None:
    card: dict[str, Any] | None = None
    for _attempt in range(60):
        started = time.perf_counter()
        ack = await client.call("vote:next", {}, namespace=NS, timeout=120)
        room.next_ms.append((time.perf_counter() - started) * 1000)
        card = ack.get("perspective")
        if card:
            break
        await asyncio.sleep(1.0)  # early in the room: nothing of others' to react to yet
    for k in range(room.reactions):
        if not card:
            break
        await asyncio.sleep(random.uniform(*think))  # reading the card
        started = time.perf_counter()
        ack = await client.call("vote:submit", {"perspective_id": card["id"],
                                                "vote": VOTES[(n + k) % 3]},
                                namespace=NS, timeout=120)
        room.react_ms.append((time.perf_counter() - started) * 1000)
        if not ack.get("ok"):
            room.failures.append(f"react {n}: {ack}")
            return
        room.reacted += 1
        card = ack.get("next")


def client_process(url: str, demo: dict[str, Any], numbers: list[int], phones: int,
                   ramp: float, reactions: int, think: tuple[float, float],
                   results: Any) -> None:
    """One OS process of phones; sends its Room's figures back through ``results``."""
    async def run() -> Room:
        room = Room(url, demo, reactions)
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=200)) as http:
            await asyncio.gather(*(phone(room, n, http, ramp * n / phones, think)
                                   for n in numbers))
        return room

    room = asyncio.run(run())
    results.put({"joined": room.joined, "done": room.phones_done, "reacted": room.reacted,
                 "submit_ms": room.submit_ms, "next_ms": room.next_ms,
                 "react_ms": room.react_ms, "failures": room.failures})


def held_connections(ports: list[int]) -> list[int]:
    """Established connections per serve process right now (how nginx spread them)."""
    counts = []
    for port in ports:
        out = subprocess.run(["ss", "-Htn", "state", "established", f"( sport = :{port} )"],
                             capture_output=True, text=True).stdout
        counts.append(len(out.splitlines()))
    return counts


async def follow(room: Room, token: str, done: asyncio.Event) -> list[int]:
    """The console on the first process, until ``done``; the peak spread is sampled."""
    watcher = await console(room, token)
    peak = [0] * len(SERVE_PORTS)
    while not done.is_set():
        now = held_connections(SERVE_PORTS)
        if sum(now) > sum(peak):
            peak = now
        await asyncio.sleep(2)
    await watcher.disconnect()
    return peak


class SentAt(dict[str, float]):
    """The send time of a perspective, read from its text (written in another process)."""

    def get(self, text: str, default: Any = None) -> Any:  # type: ignore[override]
        stamp = text.partition("@")[2].partition(":")[0]
        if not stamp:
            return default
        return time.perf_counter() - (time.time() - float(stamp))


def cpu_seconds(pid: int) -> float:
    """User and system CPU a process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def facilitator_token(url: str, facilitator: dict[str, str]) -> str:
    request = urllib.request.Request(f"{url}/api/v1/auth/token",
                                     data=json.dumps(facilitator).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return str(json.loads(response.read())["token"])


def run(phones: int, ramp: float, reactions: int, think: tuple[float, float],
        processes: int) -> dict[str, Any]:
    cluster = start_cluster(SERVE_PORTS, postgres_port=POSTGRES_PORT, redis_port=REDIS_PORT)
    try:
        # The shipped configuration names two processes: one process stands in for both.
        upstreams = (cluster.upstreams * 2)[:max(2, len(cluster.upstreams))]
        balancer = start_nginx(upstreams, BALANCER_PORT, connections=8192)
    except BaseException:
        cluster.stop()
        raise
    try:
        before = cluster.query("SELECT COALESCE(MAX(id), 0) FROM reaction")[0][0]
        token = facilitator_token(balancer.url, cluster.demo["facilitator"])
        results: Any = multiprocessing.Queue()
        workers = [multiprocessing.Process(target=client_process, args=(
            balancer.url, cluster.demo, list(range(i, phones, processes)), phones, ramp,
            reactions, think, results)) for i in range(processes)]
        room = Room(cluster.servers[0].url, cluster.demo, 0)
        room.sent_at = SentAt()

        async def measure() -> tuple[list[int], list[dict[str, Any]], float]:
            done = asyncio.Event()
            following = asyncio.create_task(follow(room, token, done))
            await asyncio.sleep(1)
            started = time.perf_counter()
            for worker in workers:
                worker.start()
            loop = asyncio.get_running_loop()
            parts = [await loop.run_in_executor(None, results.get) for _ in workers]
            elapsed = time.perf_counter() - started
            deadline = time.monotonic() + 30  # the last deliveries to the console
            while len(room.perspective_ids) < phones and time.monotonic() < deadline:
                await asyncio.sleep(0.5)
            done.set()
            return await following, parts, elapsed

        pids = [server.process.pid for server in cluster.servers]
        cpu_before = sum(cpu_seconds(pid) for pid in pids)
        peak, parts, elapsed = asyncio.run(measure())
        serve_cpu = sum(cpu_seconds(pid) for pid in pids) - cpu_before
        for worker in workers:
            worker.join(timeout=30)
        stored = cluster.query(
            "SELECT COUNT(*), COUNT(DISTINCT client_id) FROM perspective "
            "WHERE client_id LIKE 'cluster-%'")[0]
        votes = cluster.query("SELECT COUNT(*), COUNT(DISTINCT (participant_id, perspective_id))"
                              " FROM reaction WHERE id > :before", before=before)[0]
        failures = [f for part in parts for f in part["failures"]]
        if failures:
            failures.extend(cluster.logs(10).splitlines())
    finally:
        balancer.stop()
        cluster.stop()
    merged = {key: [v for part in parts for v in part[key]]
              for key in ("submit_ms", "next_ms", "react_ms")}
    # Every join, perspective, `vote:next` and reaction the serve processes answered.
    events = sum(p["joined"] for p in parts) + sum(len(merged[key]) for key in merged)
    return {"phones": phones, "joined": sum(p["joined"] for p in parts),
            "cpu_per_event": 1000 * serve_cpu / max(events, 1), "events": events,
            "cpu_share": serve_cpu / elapsed / len(cluster.servers),
            "done": sum(p["done"] for p in parts), "reacted": sum(p["reacted"] for p in parts),
            "worker": cluster.worker is not None, "spread": peak, "seconds": elapsed,
            "stored": stored[0], "distinct": stored[1], "votes": votes[0],
            "distinct_votes": votes[1], "console": len(room.console_ms),
            "console_p99": pct(room.console_ms, 0.99),
            "submit_p50": statistics.median(merged["submit_ms"] or [float("nan")]),
            "submit_p99": pct(merged["submit_ms"], 0.99),
            "next_p99": pct(merged["next_ms"], 0.99),
            "react_p50": statistics.median(merged["react_ms"] or [float("nan")]),
            "react_p99": pct(merged["react_ms"], 0.99), "failures": failures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--ramp", type=float, default=None,
                        help="seconds over which the phones join (default: 60 * phones / 1000)")
    parser.add_argument("--reactions", type=int, default=10)
    parser.add_argument("--think", type=float, nargs=2, default=[2.0, 4.0])
    parser.add_argument("--client-processes", type=int, default=2)
    parser.add_argument("--serve-ports", type=int, nargs="+", default=SERVE_PORTS,
                        help="one port per `dialog serve` process (default: two)")
    parser.add_argument("--ports", type=int, nargs=2, default=None,
                        metavar=("BALANCER", "POSTGRES"),
                        help="the balancer's port and PostgreSQL's (Redis takes the next)")
    args = parser.parse_args()
    global BALANCER_PORT, POSTGRES_PORT, REDIS_PORT
    SERVE_PORTS[:] = args.serve_ports
    if args.ports:
        BALANCER_PORT, POSTGRES_PORT = args.ports
        REDIS_PORT = POSTGRES_PORT + 1
    # Each serve process holds a thousand sockets and more: past the usual 1,024 descriptors.
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 65536), hard))
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    print("| phones | worker | joined | done | held by A/B (peak) | perspectives stored "
          "(distinct) | to console on A | reactions acked | stored (distinct) "
          "| submit p50/p99 ms | console p99 ms | next p99 ms | react p50/p99 ms | wall s "
          "| load |")
    print("|" + "---:|" * 15)
    for n in args.phones:
        ramp = args.ramp if args.ramp is not None else 60.0 * n / 1000
        r = run(n, ramp, args.reactions, (args.think[0], args.think[1]),
                args.client_processes)
        print(f"| {n} | {'yes' if r['worker'] else 'no'} | {r['joined']} | {r['done']} "
              f"| {'/'.join(map(str, r['spread']))} | {r['stored']} ({r['distinct']}) "
              f"| {r['console']} | {r['reacted']} | {r['votes']} ({r['distinct_votes']}) "
              f"| {r['submit_p50']:.0f}/{r['submit_p99']:.0f} | {r['console_p99']:.0f} "
              f"| {r['next_p99']:.0f} | {r['react_p50']:.0f}/{r['react_p99']:.0f} "
              f"| {r['seconds']:.0f} | {os.getloadavg()[0]:.1f} |", flush=True)
        print(f"  serve CPU: {r['cpu_per_event']:.1f} ms per event ({r['events']} events), "
              f"{100 * r['cpu_share']:.0f} % of a core per serve process", flush=True)
        for failure in r["failures"][:5] + r["failures"][-20:]:
            print(f"  failure: {failure}")


if __name__ == "__main__":
    main()

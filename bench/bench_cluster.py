"""A town hall on a cluster: phones through nginx to two `dialog serve` processes.

    python bench/bench_cluster.py [--phones 500 2000] [--ramp 60] [--reactions 10]
                                  [--think 2-4] [--clients 2] [--postgres-socket]

The cluster of docs/operations.md on this one machine: a private PostgreSQL and Redis
(tests/cluster/services.py), two `dialog serve` processes, one `dialog worker`, and nginx
running deploy/nginx/dialog.conf in front. The phones are bench/town_hall_phones.py's, the
same as bench/bench_town_hall.py's (python-socketio AsyncClients over WebSocket in
``--clients`` OS processes): each joins by code over HTTP through nginx (which places it on
either process), connects to /live, sends one perspective and then reacts ``--reactions``
times, reading each card ``--think`` seconds first. A facilitator console held by the first
process follows the workshop and the map (bench_town_hall.py's ``follow``): it must see
every perspective, half of which were written on the other process.

Afterwards PostgreSQL is read: every acknowledged perspective and reaction stored exactly
once. Besides the latencies it prints the CPU every part of the cluster used per event
answered (the serve processes, the worker, PostgreSQL, Redis, nginx): on a shared machine
the per-event cost, not the latency, is the code's. Latencies include the client processes'
own event-loop delay on a shared machine: an upper bound.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_town_hall import LEAD_SECONDS, Console, follow, merged, pct, peak_rate, think_range
from town_hall_phones import Share, run_share

from tests.cluster.cluster import Cluster, start_cluster
from tests.cluster.services import Balancer, start_nginx

#: Ports of this bench (serve processes, balancer, PostgreSQL, Redis).
SERVE_PORTS, BALANCER_PORT, POSTGRES_PORT, REDIS_PORT = [5201, 5202], 8201, 5290, 5291


def held_connections(ports: list[int]) -> list[int]:
    """Established connections per serve process right now (how nginx spread them)."""
    counts = []
    for port in ports:
        out = subprocess.run(["ss", "-Htn", "state", "established", f"( sport = :{port} )"],
                             capture_output=True, text=True).stdout
        counts.append(len(out.splitlines()))
    return counts


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far, with that of its children it has reaped
    (PostgreSQL's ended backends), 0 once it is gone (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def family(pid: int) -> list[int]:
    """A process and its living children (PostgreSQL's backends, nginx's worker)."""
    found = [pid]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if parent == pid:
                found.append(int(entry.name))
    return found


class Parts:
    """The CPU each part of the cluster used between two readings."""

    def __init__(self, cluster: Cluster, balancer: Balancer) -> None:
        postmaster = int((cluster.postgres.data / "postmaster.pid").read_text().split()[0])
        self.roots: dict[str, list[int]] = {
            **{f"serve {i + 1}": [s.process.pid] for i, s in enumerate(cluster.servers)},
            "worker": [cluster.worker.pid] if cluster.worker else [],
            "postgres": [postmaster],
            "redis": [cluster.redis.process.pid] if cluster.redis.process else [],
            "nginx": [balancer.process.pid]}
        self.started = self.read()

    def settle(self, seconds: float = 180.0) -> None:
        """Wait until the worker is idle (the demo's seeded files are built at its start),
        so that the room's figures carry only the room's work."""
        deadline = time.monotonic() + seconds
        before = self.read()["worker"]
        while time.monotonic() < deadline:
            time.sleep(2)
            now = self.read()["worker"]
            if now - before < 0.1:
                break
            before = now
        self.started = self.read()

    def read(self) -> dict[str, float]:
        return {name: sum(cpu_seconds(p) for root in roots for p in family(root))
                for name, roots in self.roots.items()}

    def used(self) -> dict[str, float]:
        now = self.read()
        return {name: now[name] - self.started[name] for name in now}


async def measure(cluster: Cluster, balancer: Balancer, phones: int,
                  args: argparse.Namespace) -> tuple[list[dict[str, Any]], Console, list[int]]:
    """The room through the balancer; the console on the first serve process."""
    demo, seen = cluster.demo, Console()
    first = cluster.servers[0].url
    async with aiohttp.ClientSession() as http, \
            http.post(f"{first}/api/v1/auth/token", json=demo["facilitator"]) as response:
        token = (await response.json())["token"]
    watcher = await follow(first, demo, token, seen)
    start = time.monotonic() + LEAD_SECONDS
    shares = [Share(balancer.url, demo["join_code"], list(range(k, phones, args.clients)),
                    phones, args.ramp if args.ramp is not None else 60.0 * phones / 1000,
                    args.reactions, args.think, start) for k in range(args.clients)]
    peak = [0] * len(cluster.servers)

    async def sample() -> None:
        nonlocal peak
        while True:
            seen.loads.append(os.getloadavg()[0])
            now = held_connections(SERVE_PORTS)
            if sum(now) > sum(peak):
                peak = now
            await asyncio.sleep(5)

    sampler = asyncio.create_task(sample())
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(args.clients, mp_context=get_context("spawn")) as pool:
        outcomes = await asyncio.gather(*(loop.run_in_executor(pool, run_share, share)
                                          for share in shares))
    deadline = time.monotonic() + 30  # the last deliveries to the console
    while len(seen.received_at) < phones and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    sampler.cancel()
    await watcher.disconnect()
    return list(outcomes), seen, peak


def run(phones: int, args: argparse.Namespace) -> dict[str, Any]:
    cluster = start_cluster(SERVE_PORTS, postgres_port=POSTGRES_PORT, redis_port=REDIS_PORT,
                            postgres_socket=args.postgres_socket)
    try:
        # The shipped configuration names two processes: one process stands in for both.
        upstreams = (cluster.upstreams * 2)[:max(2, len(cluster.upstreams))]
        balancer = start_nginx(upstreams, BALANCER_PORT, connections=8192)
    except BaseException:
        cluster.stop()
        raise
    try:
        before = cluster.query("SELECT COALESCE(MAX(id), 0) FROM reaction")[0][0]
        parts = Parts(cluster, balancer)
        parts.settle()
        began = time.monotonic()
        outcomes, seen, peak = asyncio.run(measure(cluster, balancer, phones, args))
        elapsed = time.monotonic() - began - LEAD_SECONDS
        cpu = parts.used()
        stored = cluster.query(
            "SELECT COUNT(*), COUNT(DISTINCT client_id) FROM perspective "
            "WHERE client_id LIKE 'hall-%'")[0]
        votes = cluster.query("SELECT COUNT(*), COUNT(DISTINCT (participant_id, perspective_id))"
                              " FROM reaction WHERE id > :before", before=before)[0]
        failures = merged(outcomes, "failures")
        sent_at = {text: moment for o in outcomes for text, moment in o["sent_at"].items()}
        console_ms = [(seen.received_at[text] - moment) * 1000
                      for text, moment in sent_at.items() if text in seen.received_at]
        if len(console_ms) < len(sent_at):
            failures.append(f"console: {len(sent_at) - len(console_ms)} perspectives "
                            "never arrived")
        if failures:
            failures.extend(cluster.logs(10).splitlines())
    finally:
        balancer.stop()
        cluster.stop()
    submit_ms, next_ms, react_ms = (merged(outcomes, key)
                                    for key in ("submit_ms", "next_ms", "react_ms"))
    joined = sum(o["joined"] for o in outcomes)
    # Every join, perspective, `vote:next` and reaction the serve processes answered.
    events = joined + len(submit_ms) + len(next_ms) + len(react_ms)
    serve = [cpu[name] for name in cpu if name.startswith("serve")]
    return {"phones": phones, "joined": joined, "events": events, "seconds": elapsed,
            "cpu_ms": {name: 1000 * used / max(events, 1) for name, used in cpu.items()},
            "serve_share": [used / elapsed for used in serve],
            "done": sum(o["done"] for o in outcomes),
            "reacted": sum(o["reacted"] for o in outcomes),
            "worker": cluster.worker is not None, "spread": peak,
            "stored": stored[0], "distinct": stored[1], "votes": votes[0],
            "distinct_votes": votes[1], "console": len(console_ms),
            "console_p99": pct(console_ms, 0.99),
            "submit_p50": statistics.median(submit_ms or [float("nan")]),
            "submit_p99": pct(submit_ms, 0.99), "next_p99": pct(next_ms, 0.99),
            "react_p50": statistics.median(react_ms or [float("nan")]),
            "react_p99": pct(react_ms, 0.99), "peak": peak_rate(merged(outcomes, "react_at")),
            "load": (min(seen.loads, default=0.0), max(seen.loads, default=0.0)),
            "failures": failures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--ramp", type=float, default=None,
                        help="seconds over which the phones join (default: 60 * phones / 1000)")
    parser.add_argument("--reactions", type=int, default=10)
    parser.add_argument("--think", type=think_range, default=(2.0, 4.0),
                        help="seconds a phone reads a card before it swipes, LOW-HIGH "
                             "(uniform; default 2-4)")
    parser.add_argument("--clients", type=int, default=2,
                        help="OS processes the phones are spread over (default 2)")
    parser.add_argument("--serve-ports", type=int, nargs="+", default=SERVE_PORTS,
                        help="one port per `dialog serve` process (default: two)")
    parser.add_argument("--ports", type=int, nargs=2, default=None,
                        metavar=("BALANCER", "POSTGRES"),
                        help="the balancer's port and PostgreSQL's (Redis takes the next)")
    parser.add_argument("--postgres-socket", action="store_true",
                        help="the processes reach PostgreSQL over its Unix socket, not TCP")
    args = parser.parse_args()
    global BALANCER_PORT, POSTGRES_PORT, REDIS_PORT
    SERVE_PORTS[:] = args.serve_ports
    if args.ports:
        BALANCER_PORT, POSTGRES_PORT = args.ports
        REDIS_PORT = POSTGRES_PORT + 1
    # Each serve process holds a thousand sockets and more: past the usual 1,024 descriptors.
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 65536), hard))
    low, high = args.think
    print(f"think {low:g}-{high:g} s, {args.clients} load processes, "
          f"load average before: {os.getloadavg()[0]:.1f}")
    print("| phones | worker | joined | done | held by A/B (peak) | perspectives stored "
          "(distinct) | to console on A | reactions acked | stored (distinct) "
          "| submit p50/p99 ms | console p99 ms | next p99 ms | react p50/p99 ms "
          "| reactions/s (peak 5 s) | wall s | load |")
    print("|" + "---:|" * 16)
    for n in args.phones:
        r = run(n, args)
        print(f"| {n} | {'yes' if r['worker'] else 'no'} | {r['joined']} | {r['done']} "
              f"| {'/'.join(map(str, r['spread']))} | {r['stored']} ({r['distinct']}) "
              f"| {r['console']} | {r['reacted']} | {r['votes']} ({r['distinct_votes']}) "
              f"| {r['submit_p50']:.0f}/{r['submit_p99']:.0f} | {r['console_p99']:.0f} "
              f"| {r['next_p99']:.0f} | {r['react_p50']:.0f}/{r['react_p99']:.0f} "
              f"| {r['peak']:.0f} | {r['seconds']:.0f} "
              f"| {r['load'][0]:.1f}-{r['load'][1]:.1f} |", flush=True)
        parts = ", ".join(f"{name} {ms:.1f}" for name, ms in r["cpu_ms"].items())
        shares = "/".join(f"{100 * s:.0f}" for s in r["serve_share"])
        print(f"  CPU ms per event ({r['events']} events): {parts}; "
              f"% of a core per serve process: {shares}", flush=True)
        for failure in r["failures"][:5] + r["failures"][-20:]:
            print(f"  failure: {failure}")


if __name__ == "__main__":
    main()

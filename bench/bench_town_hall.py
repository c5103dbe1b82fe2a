"""A town hall on one machine: phones join a real `dialog serve`, write, then react.

    python bench/bench_town_hall.py [--phones 100 300 1000] [--think 2-4] [--clients 2]

One `dialog serve` (gevent, WebSocket) on SQLite, as `make run` starts it. The phones are
python-socketio AsyncClients over WebSocket, spread over ``--clients`` OS processes
(``bench/town_hall_phones.py``): each joins by code over HTTP, spread evenly over ``--ramp``
seconds, connects to /live, sends one perspective (``perspective:submit``) and then reacts
``--reactions`` times as the phone page does (``vote:next``, then ``vote:submit`` whose ack
carries the next card). Before each swipe a phone reads its card for ``--think`` seconds
(uniform in the range, drawn anew for every card): a person, not a loop. ``--think 0``
swipes back to back (a closed loop), which shows the most the server can answer, not a room.
A facilitator console in this process follows the workshop (``workshop:watch``) and the map
(``map:watch``) the whole time.

Afterwards the database is read directly: every acknowledged perspective and reaction must
be stored exactly once. Prints a Markdown table, with the CPU the server (and its analysis
child) and the load processes used. Latencies are measured by the load processes, so they
include their own event-loop delay: on a shared 2-core machine they are an upper bound.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import aiohttp
import socketio

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from town_hall_phones import NS, Share, run_share

from tests.realserver import ROOT, Server, free_port, seed_demo, server_env

#: Seconds between starting the load processes and the first phone joining.
LEAD_SECONDS = 3.0


@dataclass
class Console:
    """What the facilitator's console received: perspective text -> when."""

    received_at: dict[str, float] = field(default_factory=dict)
    map_updates: int = 0
    #: When each ``map:update`` arrived (``time.time()``).
    map_at: list[float] = field(default_factory=list)
    #: The machine's load average (1 min), every 5 s of the run.
    loads: list[float] = field(default_factory=list)


async def follow(url: str, demo: dict[str, Any], token: str, seen: Console
                 ) -> socketio.AsyncClient:
    client = socketio.AsyncClient(reconnection=False)

    @client.on("perspective:new", namespace=NS)
    async def _new(data: dict[str, Any]) -> None:
        seen.received_at.setdefault(data.get("text", ""), time.monotonic())

    @client.on("map:update", namespace=NS)
    async def _map(_data: dict[str, Any]) -> None:
        seen.map_updates += 1
        seen.map_at.append(time.time())

    await client.connect(url, namespaces=[NS], auth={"token": token}, transports=["websocket"])
    await client.call("workshop:watch", {"workshop_id": demo["workshop_id"]}, namespace=NS)
    await client.call("map:watch", {"process_id": demo["process_id"]}, namespace=NS,
                      timeout=120)
    return client


def start_server(env: dict[str, str], wait: float = 180.0) -> Server:
    """Start `dialog serve` and wait until /healthz answers (a loaded machine is slow)."""
    port = free_port()
    log = Path(env["DIALOG_INSTANCE_DIR"]) / f"server-{port}.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "dialog", "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env, cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(log.read_text(errors="replace"))
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=5) as response:
                if response.status == 200:
                    return Server(url, process, log)
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"dialog serve did not answer within {wait:.0f} s")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                found.append(int(entry.name))
    return found


async def measure(url: str, demo: dict[str, Any], phones: int, args: argparse.Namespace
                  ) -> tuple[list[dict[str, Any]], Console]:
    seen = Console()
    async with aiohttp.ClientSession() as http, \
            http.post(f"{url}/api/v1/auth/token", json=demo["facilitator"]) as response:
        token = (await response.json())["token"]
    watcher = await follow(url, demo, token, seen)
    start = time.monotonic() + LEAD_SECONDS
    shares = [Share(url, demo["join_code"], list(range(k, phones, args.clients)), phones,
                    args.ramp if args.ramp is not None else 60.0 * phones / 1000,
                    args.reactions, args.think, start) for k in range(args.clients)]
    loop = asyncio.get_running_loop()

    async def sample_load() -> None:
        while True:
            seen.loads.append(os.getloadavg()[0])
            await asyncio.sleep(5)

    sampler = asyncio.create_task(sample_load())
    with ProcessPoolExecutor(args.clients, mp_context=get_context("spawn")) as pool:
        outcomes = await asyncio.gather(*(loop.run_in_executor(pool, run_share, share)
                                          for share in shares))
    deadline = time.monotonic() + 30
    while len(seen.received_at) < phones and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    sampler.cancel()
    await watcher.disconnect()
    return list(outcomes), seen


def stored(database: Path) -> dict[str, Any]:
    with sqlite3.connect(database) as conn:
        texts = conn.execute("SELECT COUNT(*), COUNT(DISTINCT text) FROM perspective "
                             "WHERE text LIKE 'Stadshus %'").fetchone()
        votes = conn.execute("SELECT COUNT(*), COUNT(DISTINCT participant_id || '-' || "
                             "perspective_id) FROM reaction").fetchone()
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    return {"perspectives": texts[0], "distinct_perspectives": texts[1],
            "reactions": votes[0], "distinct_reactions": votes[1], "intact": check == "ok"}


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def peak_rate(times: list[float], window: float = 5.0) -> float:
    """The most reactions acknowledged in any ``window`` seconds, per second."""
    ordered, best, first = sorted(times), 0, 0
    for last, moment in enumerate(ordered):
        while moment - ordered[first] > window:
            first += 1
        best = max(best, last - first + 1)
    return best / window


def merged(outcomes: list[dict[str, Any]], key: str) -> list[Any]:
    return [value for outcome in outcomes for value in outcome[key]]


def run(phones: int, args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        env = server_env(Path(tmp))
        demo = seed_demo(env)
        with sqlite3.connect(Path(tmp) / "server.sqlite3") as conn:
            reactions_before = conn.execute("SELECT COUNT(*) FROM reaction").fetchone()[0]
        server = start_server(env)
        pid = server.process.pid
        began = time.monotonic()
        cpu_before = cpu_seconds(pid)
        try:
            outcomes, seen = asyncio.run(measure(server.url, demo, phones, args))
            elapsed = time.monotonic() - began - LEAD_SECONDS
            server_cpu = cpu_seconds(pid) - cpu_before
            child_cpu = sum(cpu_seconds(child) for child in children(pid))
        finally:
            server.stop()
        db = stored(Path(tmp) / "server.sqlite3")
        failures = merged(outcomes, "failures")
        sent_at = {text: moment for o in outcomes for text, moment in o["sent_at"].items()}
        console_ms = [(seen.received_at[text] - moment) * 1000
                      for text, moment in sent_at.items() if text in seen.received_at]
        missing = len(sent_at) - len(console_ms)
        if missing:
            failures.append(f"console: {missing} perspectives never arrived")
        if failures:
            errors = [line for line in server.log.read_text(errors="replace").splitlines()
                      if line.strip()]
            failures.extend(f"server: {line}" for line in errors[-25:])
    if args.timeline:
        write_timeline(Path(args.timeline), outcomes, seen)
    db["reactions"] -= reactions_before
    db["distinct_reactions"] -= reactions_before
    react_ms, react_at = merged(outcomes, "react_ms"), merged(outcomes, "react_at")
    submit_ms = merged(outcomes, "submit_ms")
    span = (max(react_at) - min(react_at)) if len(react_at) > 1 else float("nan")
    return {"phones": phones, "seconds": elapsed, "failures": failures,
            "joined": sum(o["joined"] for o in outcomes), "done": sum(o["done"] for o in outcomes),
            "reacted": sum(o["reacted"] for o in outcomes),  # acknowledged ok
            "submit_p50": statistics.median(submit_ms or [float("nan")]),
            "submit_p99": pct(submit_ms, 0.99),
            "console_p99": pct(console_ms, 0.99), "console": len(console_ms),
            "next_p99": pct(merged(outcomes, "next_ms"), 0.99),
            "react_p50": statistics.median(react_ms or [float("nan")]),
            "react_p99": pct(react_ms, 0.99), "map_updates": seen.map_updates,
            "rate": len(react_at) / span, "peak": peak_rate(react_at),
            "server_cpu": 100 * server_cpu / elapsed,
            "cpu_per_event": 1000 * server_cpu / max(1, len(react_ms) + len(submit_ms)
                                                     + len(merged(outcomes, "next_ms"))),
            "child_cpu": 100 * child_cpu / elapsed,
            "load_cpu": [100 * o["cpu_seconds"] / o["wall_seconds"] for o in outcomes],
            "load": (min(seen.loads), max(seen.loads)), **db}


def write_timeline(path: Path, outcomes: list[dict[str, Any]], seen: Console) -> None:
    """Append the run's slow acks, the load processes' own delays and the console's
    ``map:update``s to ``path``, one ``time.time()``-stamped line each, sorted: next to the
    loop-stall probe's lines (``LOOP_STALLS``, same format) they show what a slow ack met.
    ``bench/loop_stalls/timeline.py`` summarises the two."""
    lines = [f"{sent:.3f} SLOW {kind} {ms:.0f}ms phone={n}"
             for o in outcomes for sent, ms, kind, n in o["slow"]]
    lines += [f"{at:.3f} OWN{k} {what} {ms:.0f}ms"
              for k, o in enumerate(outcomes) for at, ms, what in o["own"]]
    lines += [f"{at:.3f} CONSOLE map:update" for at in seen.map_at]
    with path.open("a") as sink:
        sink.writelines(line + "\n" for line in sorted(lines))


def think_range(text: str) -> tuple[float, float]:
    low, _, high = text.partition("-")
    return float(low), float(high or low)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, nargs="+", default=[100, 300])
    parser.add_argument("--ramp", type=float, default=None,
                        help="seconds over which the phones join (default: 60 * phones / 1000)")
    parser.add_argument("--reactions", type=int, default=10)
    parser.add_argument("--think", type=think_range, default=(2.0, 4.0),
                        help="seconds a phone reads a card before it swipes, LOW-HIGH "
                             "(uniform); 0: back to back, the server's most (default 2-4)")
    parser.add_argument("--clients", type=int, default=2,
                        help="OS processes the phones are spread over (default 2)")
    parser.add_argument("--timeline", default=None,
                        help="append slow acks (> 150 ms), the load processes' own delays "
                             "and map:update arrivals to this file (see bench/loop_stalls)")
    args = parser.parse_args()
    low, high = args.think
    print(f"think {low:g}-{high:g} s, {args.clients} load processes, "
          f"load average before: {os.getloadavg()[0]:.1f}")
    print("| phones | joined | done | perspectives stored (distinct) | to console "
          "| reactions acked | stored (distinct) | submit p50/p99 ms | console p99 ms "
          "| next p99 ms | react p50/p99 ms | reactions/s (peak 5 s) | map updates "
          "| server CPU % (analysis) | server CPU ms/event | load CPU % | wall s | load |")
    print("|" + "---:|" * 18)
    for n in args.phones:
        r = run(n, args)
        load_cpu = "+".join(f"{c:.0f}" for c in r["load_cpu"])
        print(f"| {n} | {r['joined']} | {r['done']} | {r['perspectives']} "
              f"({r['distinct_perspectives']}) | {r['console']} | {r['reacted']} "
              f"| {r['reactions']} ({r['distinct_reactions']}) "
              f"| {r['submit_p50']:.0f}/{r['submit_p99']:.0f} | {r['console_p99']:.0f} "
              f"| {r['next_p99']:.0f} | {r['react_p50']:.0f}/{r['react_p99']:.0f} "
              f"| {r['rate']:.0f} ({r['peak']:.0f}) | {r['map_updates']} "
              f"| {r['server_cpu']:.0f} ({r['child_cpu']:.0f}) | {r['cpu_per_event']:.1f} "
              f"| {load_cpu} "
              f"| {r['seconds']:.1f} | {r['load'][0]:.1f}-{r['load'][1]:.1f} |", flush=True)
        for failure in r["failures"][:3] + r["failures"][-25:]:
            print(f"  failure: {failure}")
        if not r["intact"]:
            print("  database integrity check FAILED")


if __name__ == "__main__":
    main()

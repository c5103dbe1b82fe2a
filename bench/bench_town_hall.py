"""A town hall on one machine: phones join a real `dialog serve`, write, then react.

    python bench/bench_town_hall.py [--phones 100 300 1000] [--ramp 60] [--reactions 10]

One `dialog serve` (gevent, WebSocket) on SQLite, as `make run` starts it. The phones are
python-socketio AsyncClients over WebSocket, all in this one process: each joins by code
over HTTP, spread evenly over ``--ramp`` seconds, connects to /live, sends one perspective
(``perspective:submit``) and then reacts ``--reactions`` times as the phone page does
(``vote:next``, then ``vote:submit`` whose ack carries the next card). A facilitator console
follows the workshop (``workshop:watch``) and the map (``map:watch``) the whole time.

Afterwards the database is read directly: every acknowledged perspective and reaction must
be stored exactly once. Prints a Markdown table. Latencies are measured in this process, so
they include its own event-loop delay: on a shared 2-core machine they are an upper bound.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import socketio

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.realserver import seed_demo, server_env, start_server

NS = "/live"
VOTES = ("agree", "disagree", "pass")


@dataclass
class Room:
    url: str
    demo: dict[str, Any]
    reactions: int
    submit_ms: list[float] = field(default_factory=list)
    next_ms: list[float] = field(default_factory=list)
    react_ms: list[float] = field(default_factory=list)
    sent_at: dict[str, float] = field(default_factory=dict)
    console_ms: list[float] = field(default_factory=list)
    perspective_ids: set[int] = field(default_factory=set)
    joined: int = 0
    failures: list[str] = field(default_factory=list)
    reacted: int = 0
    map_updates: int = 0
    phones_done: int = 0


async def phone(room: Room, n: int, http: aiohttp.ClientSession, delay: float) -> None:
    await asyncio.sleep(delay)
    try:
        async with http.post(f"{room.url}/api/v1/join",
                             json={"join_code": room.demo["join_code"]}) as response:
            joined = await response.json()
        client = socketio.AsyncClient(reconnection=False)
        await client.connect(room.url, namespaces=[NS], transports=["websocket"],
                             auth={"token": joined["participant_token"]}, wait_timeout=60)
        room.joined += 1
        text = f"Stadshus {n}: {os.urandom(4).hex()} behöver ljus och folk på kvällen"
        started = time.perf_counter()
        room.sent_at[text] = started
        ack = await client.call("perspective:submit", {"text": text, "kind": "idea",
                                                       "client_id": f"hall-{n}"},
                                namespace=NS, timeout=120)
        room.submit_ms.append((time.perf_counter() - started) * 1000)
        if not ack.get("ok"):
            room.failures.append(f"submit {n}: {ack}")
        await react_all(room, client, n)
        room.phones_done += 1
        await client.disconnect()
    except Exception as exc:  # every failure is counted and shown
        room.failures.append(f"phone {n}: {exc!r}")


async def react_all(room: Room, client: socketio.AsyncClient, n: int) -> None:
    card: dict[str, Any] | None = None
    for _attempt in range(30):
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


async def console(room: Room, token: str) -> socketio.AsyncClient:
    client = socketio.AsyncClient(reconnection=False)

    @client.on("perspective:new", namespace=NS)
    async def _new(data: dict[str, Any]) -> None:
        sent = room.sent_at.get(data.get("text", ""))
        if sent is not None and data["id"] not in room.perspective_ids:
            room.perspective_ids.add(data["id"])
            room.console_ms.append((time.perf_counter() - sent) * 1000)

    @client.on("map:update", namespace=NS)
    async def _map(_data: dict[str, Any]) -> None:
        room.map_updates += 1

    await client.connect(room.url, namespaces=[NS], auth={"token": token},
                         transports=["websocket"])
    await client.call("workshop:watch", {"workshop_id": room.demo["workshop_id"]}, namespace=NS)
    await client.call("map:watch", {"process_id": room.demo["process_id"]}, namespace=NS,
                      timeout=120)
    return client


async def measure(url: str, demo: dict[str, Any], phones: int, ramp: float,
                  reactions: int) -> tuple[Room, float]:
    room = Room(url, demo, reactions)
    connector = aiohttp.TCPConnector(limit=200)
    async with aiohttp.ClientSession(connector=connector) as http:
        async with http.post(f"{url}/api/v1/auth/token", json=demo["facilitator"]) as response:
            token = (await response.json())["token"]
        watcher = await console(room, token)
        started = time.perf_counter()
        await asyncio.gather(*(phone(room, n, http, ramp * n / phones) for n in range(phones)))
        elapsed = time.perf_counter() - started
        deadline = time.monotonic() + 30
        while len(room.perspective_ids) < phones and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        await watcher.disconnect()
    return room, elapsed


def stored(database: Path) -> dict[str, int]:
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


def run(phones: int, ramp: float, reactions: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        env = server_env(Path(tmp))
        demo = seed_demo(env)
        with sqlite3.connect(Path(tmp) / "server.sqlite3") as conn:
            reactions_before = conn.execute("SELECT COUNT(*) FROM reaction").fetchone()[0]
        server = start_server(env)
        try:
            room, elapsed = asyncio.run(measure(server.url, demo, phones, ramp, reactions))
        finally:
            server.stop()
        db = stored(Path(tmp) / "server.sqlite3")
        if room.failures:
            errors = [line for line in server.log.read_text(errors="replace").splitlines()
                      if line.strip()]
            room.failures.extend(f"server: {line}" for line in errors[-25:])
    db["reactions"] -= reactions_before
    db["distinct_reactions"] -= reactions_before
    return {"phones": phones, "joined": room.joined, "done": room.phones_done,
            "seconds": elapsed, "failures": room.failures, "reacted": room.reacted,
            "submit_p50": statistics.median(room.submit_ms or [float("nan")]),
            "submit_p99": pct(room.submit_ms, 0.99),
            "console_p99": pct(room.console_ms, 0.99), "console": len(room.console_ms),
            "next_p99": pct(room.next_ms, 0.99),
            "react_p50": statistics.median(room.react_ms or [float("nan")]),
            "react_p99": pct(room.react_ms, 0.99), "map_updates": room.map_updates,
            "rate": room.reacted / elapsed, **db}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, nargs="+", default=[100, 300])
    parser.add_argument("--ramp", type=float, default=None,
                        help="seconds over which the phones join (default: 60 * phones / 1000)")
    parser.add_argument("--reactions", type=int, default=10)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    print("| phones | joined | done | perspectives stored (distinct) | to console "
          "| reactions acked | stored (distinct) | submit p50/p99 ms | console p99 ms "
          "| next p99 ms | react p50/p99 ms | reactions/s | map updates | wall s | load |")
    print("|" + "---:|" * 15)
    for n in args.phones:
        ramp = args.ramp if args.ramp is not None else 60.0 * n / 1000
        r = run(n, ramp, args.reactions)
        print(f"| {n} | {r['joined']} | {r['done']} | {r['perspectives']} "
              f"({r['distinct_perspectives']}) | {r['console']} | {r['reacted']} "
              f"| {r['reactions']} ({r['distinct_reactions']}) "
              f"| {r['submit_p50']:.0f}/{r['submit_p99']:.0f} | {r['console_p99']:.0f} "
              f"| {r['next_p99']:.0f} | {r['react_p50']:.0f}/{r['react_p99']:.0f} "
              f"| {r['rate']:.0f} | {r['map_updates']} | {r['seconds']:.1f} "
              f"| {os.getloadavg()[0]:.1f} |", flush=True)
        for failure in r["failures"][:3] + r["failures"][-25:]:
            print(f"  failure: {failure}")
        if not r["intact"]:
            print("  database integrity check FAILED")


if __name__ == "__main__":
    main()

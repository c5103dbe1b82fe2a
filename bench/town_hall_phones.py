"""The phones of `bench_town_hall.py`: one share of the room, run in one OS process.

Each phone joins by code over HTTP at its moment of the ramp, connects to /live over
WebSocket, sends one perspective and then reacts as the phone page does: ``vote:next``, then
for each card a think time (reading it) and ``vote:submit``, whose ack carries the next card.
Times are ``time.monotonic()`` (one clock for every process of the machine), so the console
in the parent process can match what it received with when a phone sent it.
"""

from __future__ import annotations

import asyncio
import gc
import os
import random
import resource
import time
from dataclasses import asdict, dataclass, field
from typing import Any

import aiohttp
import socketio

NS = "/live"
VOTES = ("agree", "disagree", "pass")
#: An ack slower than this (ms) is written to the timeline (``Outcome.slow``).
SLOW_MS = 150.0
#: A load process's own loop lag or garbage collection longer than this (ms) is written too.
LAG_MS = 30.0


@dataclass
class Share:
    """What one process of phones is asked to do."""

    url: str
    join_code: str
    phones: list[int]
    total: int
    ramp: float
    reactions: int
    #: Seconds a phone reads a card before it swipes: uniform in [low, high]; (0, 0): none.
    think: tuple[float, float]
    #: ``time.monotonic()`` at which phone 0 joins.
    start: float


@dataclass
class Outcome:
    """What one process of phones measured."""

    submit_ms: list[float] = field(default_factory=list)
    next_ms: list[float] = field(default_factory=list)
    react_ms: list[float] = field(default_factory=list)
    #: When each reaction was acknowledged (``time.monotonic()``).
    react_at: list[float] = field(default_factory=list)
    #: Perspective text -> when it was sent.
    sent_at: dict[str, float] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    joined: int = 0
    done: int = 0
    reacted: int = 0
    cpu_seconds: float = 0.0
    wall_seconds: float = 0.0
    #: Slow acks: (``time.time()`` when sent, ms, "submit"/"react"/"next", phone).
    slow: list[tuple[float, float, str, int]] = field(default_factory=list)
    #: This load process's own delays: (``time.time()`` at their start, ms, "lag"/"gc<n>").
    own: list[tuple[float, float, str]] = field(default_factory=list)


def _timed(out: Outcome, kind: str, n: int, started: float, wall: float) -> float:
    ms = (time.monotonic() - started) * 1000
    if ms > SLOW_MS:
        out.slow.append((wall, ms, kind, n))
    return ms


async def watch_own_loop(out: Outcome) -> None:
    """Write down when this process's own loop was late: the phones' acks then wait too."""
    while True:
        before = time.monotonic()
        await asyncio.sleep(0.01)
        late = (time.monotonic() - before - 0.01) * 1000
        if late > LAG_MS:
            out.own.append((time.time() - late / 1000, late, "lag"))


def watch_own_gc(out: Outcome) -> None:
    began = [0.0]

    def _callback(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            began[0] = time.perf_counter()
        elif (ms := (time.perf_counter() - began[0]) * 1000) > LAG_MS / 3:
            out.own.append((time.time() - ms / 1000, ms, f"gc{info['generation']}"))

    gc.callbacks.append(_callback)


async def phone(share: Share, out: Outcome, n: int, http: aiohttp.ClientSession,
                rng: random.Random) -> None:
    await asyncio.sleep(max(0.0, share.start + share.ramp * n / share.total - time.monotonic()))
    try:
        async with http.post(f"{share.url}/api/v1/join",
                             json={"join_code": share.join_code}) as response:
            joined = await response.json()
        client = socketio.AsyncClient(reconnection=False)
        await client.connect(share.url, namespaces=[NS], transports=["websocket"],
                             auth={"token": joined["participant_token"]}, wait_timeout=60)
        out.joined += 1
        text = f"Stadshus {n}: {os.urandom(4).hex()} behöver ljus och folk på kvällen"
        started, wall = time.monotonic(), time.time()
        out.sent_at[text] = started
        ack = await client.call("perspective:submit", {"text": text, "kind": "idea",
                                                       "client_id": f"hall-{n}"},
                                namespace=NS, timeout=120)
        out.submit_ms.append(_timed(out, "submit", n, started, wall))
        if not ack.get("ok"):
            out.failures.append(f"submit {n}: {ack}")
        await react_all(share, out, client, n, rng)
        out.done += 1
        await client.disconnect()
    except Exception as exc:  # every failure is counted and shown
        out.failures.append(f"phone {n}: {exc!r}")


async def react_all(share: Share, out: Outcome, client: socketio.AsyncClient, n: int,
                    rng: random.Random) -> None:
    card: dict[str, Any] | None = None
    for _attempt in range(60):
        started, wall = time.monotonic(), time.time()
        ack = await client.call("vote:next", {}, namespace=NS, timeout=120)
        out.next_ms.append(_timed(out, "next", n, started, wall))
        card = ack.get("perspective")
        if card:
            break
        await asyncio.sleep(1.0)  # early in the room: nothing of others' to react to yet
    for k in range(share.reactions):
        if not card:
            out.failures.append(f"phone {n}: no card after {k} reactions")
            break
        low, high = share.think
        if high > 0:
            await asyncio.sleep(rng.uniform(low, high))  # reading the card
        started, wall = time.monotonic(), time.time()
        ack = await client.call("vote:submit", {"perspective_id": card["id"],
                                                "vote": VOTES[(n + k) % 3]},
                                namespace=NS, timeout=120)
        now = time.monotonic()
        out.react_ms.append(_timed(out, "react", n, started, wall))
        if not ack.get("ok"):
            out.failures.append(f"react {n}: {ack}")
            return
        out.react_at.append(now)
        out.reacted += 1
        card = ack.get("next")


async def _run(share: Share) -> Outcome:
    out = Outcome()
    rng = random.Random(share.phones[0] if share.phones else 0)
    connector = aiohttp.TCPConnector(limit=200)
    watch_own_gc(out)
    watcher = asyncio.create_task(watch_own_loop(out))
    async with aiohttp.ClientSession(connector=connector) as http:
        await asyncio.gather(*(phone(share, out, n, http, rng) for n in share.phones))
    watcher.cancel()
    return out


def run_share(share: Share) -> dict[str, Any]:
    """Run a share of the phones to the end (the entry point of a load process)."""
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    out = asyncio.run(_run(share))
    used = resource.getrusage(resource.RUSAGE_SELF)
    out.cpu_seconds = used.ru_utime + used.ru_stime - cpu.ru_utime - cpu.ru_stime
    out.wall_seconds = time.monotonic() - share.start
    return asdict(out)

"""The room that bench/bench_cluster.py measures: its figures and the console that follows it.

Kept from the first bench/bench_town_hall.py (which now runs its phones in processes of its
own, bench/town_hall_phones.py) so that the cluster bench reads the same figures.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import socketio

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



def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


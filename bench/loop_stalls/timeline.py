"""Line up a town hall's slow acks with what the server and the load processes did then.

    LOOP_STALLS=/tmp/stalls.txt PYTHONPATH=$PWD:$PWD/bench/loop_stalls \\
        python bench/bench_town_hall.py --phones 1000 --timeline /tmp/acks.txt
    python bench/loop_stalls/timeline.py /tmp/stalls.txt /tmp/acks.txt

The slow acks (``SLOW``: sent at, took ms) are merged into episodes (overlapping spans);
for each episode it prints the server's garbage collections, writer-turn holds, loop
stalls and map sends, and the load processes' own delays, that overlap it (from 0.3 s
before it began). The totals say how many slow acks met each kind of pause.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field

#: Look this far back before an episode: the backlog of a pause outlives it.
BEFORE = 0.3


@dataclass
class Span:
    start: float
    end: float
    kind: str
    text: str


@dataclass
class Episode:
    start: float
    end: float
    acks: list[Span] = field(default_factory=list)


def parse(lines: list[str]) -> tuple[list[Span], list[Span]]:
    """Split into slow acks and everything else, each as the span it covered."""
    acks, pauses = [], []
    for line in lines:
        parts = line.split()
        if len(parts) < 2:
            continue
        at, kind = float(parts[0]), parts[1]
        ms_match = re.search(r"(\d+)ms", line)
        ms = float(ms_match.group(1)) / 1000 if ms_match else 0.0
        if kind == "SLOW":
            acks.append(Span(at, at + ms, parts[2], line))
        elif kind.startswith("OWN"):
            pauses.append(Span(at, at + ms, kind, " ".join(parts[1:])))
        elif kind in ("GC", "TURN", "SWITCH", "MAP"):
            pauses.append(Span(at - ms, at, kind, " ".join(parts[1:])))
        elif kind == "CONSOLE":
            pauses.append(Span(at, at, kind, " ".join(parts[1:])))
    return acks, pauses


def episodes(acks: list[Span]) -> list[Episode]:
    found: list[Episode] = []
    for ack in sorted(acks, key=lambda a: a.start):
        if found and ack.start <= found[-1].end:
            found[-1].end = max(found[-1].end, ack.end)
            found[-1].acks.append(ack)
        else:
            found.append(Episode(ack.start, ack.end, [ack]))
    return found


def overlapping(pauses: list[Span], start: float, end: float) -> list[Span]:
    return [p for p in pauses if p.end >= start and p.start <= end]


def label(pause: Span) -> str:
    """The kind a pause counts as in the totals."""
    words = pause.text.split()
    if pause.kind == "GC":
        return f"server {words[1]}"  # gen0 / gen1 / gen2
    if pause.kind == "TURN":
        return f"turn held by {words[2]}"  # store / batch / transaction
    if pause.kind.startswith("OWN"):
        return f"load process {words[1]}"  # lag / gc<n>
    return pause.kind.lower()


def main() -> None:
    lines = [line for name in sys.argv[1:] for line in open(name)]  # noqa: SIM115
    acks, pauses = parse(lines)
    if not acks:
        print("no slow acks")
        return
    origin = min(float(line.split()[0]) for line in lines if line.split())
    found = episodes(acks)
    met: Counter[str] = Counter()
    print(f"{len(acks)} slow acks ({Counter(a.kind for a in acks)}), {len(found)} episodes, "
          f"{sum(e.end - e.start for e in found):.2f} s covered")
    for episode in found:
        near = [p for p in overlapping(pauses, episode.start - BEFORE, episode.end)
                if p.kind != "CONSOLE" or p.start >= episode.start - BEFORE]
        worst = max(a.end - a.start for a in episode.acks) * 1000
        print(f"\n+{episode.start - origin:7.2f} s  {episode.end - episode.start:5.2f} s  "
              f"{len(episode.acks)} slow acks, longest {worst:.0f} ms")
        for pause in near:
            if pause.kind == "SWITCH" and pause.end - pause.start < 0.06:
                continue
            print(f"    +{pause.start - origin:7.2f} {pause.end - pause.start:5.3f} s  "
                  f"{pause.kind} {pause.text}")
        for ack in episode.acks:
            for kind in {label(p) for p in overlapping(near, ack.start - BEFORE, ack.end)}:
                met[kind] += 1
    print("\nslow acks that met (within 0.3 s before or during them):")
    for kind, count in met.most_common():
        print(f"  {kind}: {count} of {len(acks)}")


if __name__ == "__main__":
    main()

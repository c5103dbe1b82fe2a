"""Benchmark the perspective map (``analyze_map``) on the shared Polis conversations.

Usage: ``.venv/bin/python bench/bench_graph.py [--repeat N]``

Method: one core (CPU affinity pinned to one CPU, BLAS/OpenMP limited to one thread),
data read from CSV before timing, ``gc.collect()`` before each run, best and median of N
runs of ``analyze_map`` (text, votes, graph, themes, bridging, coverage). Each
conversation runs without opinion groups and with Polis's own groups from
participants-votes.csv; vTaiwan also with all 197 comments (rejected ones included).
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from threadpoolctl import threadpool_limits  # noqa: E402

from dialog.analysis.graph_map import PerspectiveMap, analyze_map  # noqa: E402
from tests.analysis.graph.polis import (  # noqa: E402
    CONVERSATIONS,
    POLIS_DIR,
    PolisConversation,
    available,
    load_conversation,
)


def run(conversation: PolisConversation, with_groups: bool) -> PerspectiveMap:
    return analyze_map(
        conversation.perspectives, [], votes=conversation.votes,
        opinion=conversation.opinion if with_groups else None,
        language=conversation.language,
    )


def measure(conversation: PolisConversation, with_groups: bool, repeat: int) -> dict:
    run(conversation, with_groups)  # warm-up: imports, stemmer and stop-word caches
    times: list[float] = []
    best: PerspectiveMap | None = None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = run(conversation, with_groups)
        elapsed = (time.perf_counter() - start) * 1000
        if not times or elapsed < min(times):
            best = result
        times.append(elapsed)
    assert best is not None
    voters = {participant for participant, _, _ in conversation.votes}
    return {
        "best": min(times),
        "median": statistics.median(times),
        "stages": best.timing_ms,
        "comments": len(conversation.perspectives),
        "voters": len(voters),
        "votes": len(conversation.votes),
        "groups": len(conversation.opinion.groups) if with_groups and conversation.opinion
        else 0,
        "themes": sum(1 for t in best.themes if not t["other"]),
        "edges": best.graph.number_of_edges(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs per case (best of N)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    cases: list[tuple[str, PolisConversation, bool]] = []
    for name in CONVERSATIONS:
        if not available(name):
            print(f"skipped {name}: not found under {POLIS_DIR}", file=sys.stderr)
            continue
        conversation = load_conversation(name)
        cases += [(name, conversation, False), (name, conversation, True)]
        if name == "vtaiwan.uberx":
            everything = load_conversation(name, include_rejected=True)
            cases += [(f"{name} (all comments)", everything, False),
                      (f"{name} (all comments)", everything, True)]
    stages = ("text", "votes", "graph", "themes", "bridging", "coverage")
    print("| conversation | comments | voters | votes | opinion groups | themes | edges "
          "| best ms | median ms | " + " | ".join(stages) + " |")
    print("|---" * (10 + len(stages)) + "|")
    with threadpool_limits(limits=1):
        for name, conversation, with_groups in cases:
            row = measure(conversation, with_groups, args.repeat)
            cells = [name, row["comments"], row["voters"], row["votes"], row["groups"] or "-",
                     row["themes"], row["edges"], f"{row['best']:.1f}", f"{row['median']:.1f}"]
            cells += [f"{row['stages'].get(stage, 0):.1f}" for stage in stages]
            print("| " + " | ".join(str(c) for c in cells) + " |")


if __name__ == "__main__":
    main()

"""Replay Polis's history on the exports with a timed vote log and score the groups it ends with.

Usage: python bench/replay_polis_history.py [--data DIR] [--cadences 1%,5%,10%,60s,1h,1d,all]
                                            [--plane polis|damped] [--cap N] [--only NAMES]
                                            [--base-k N] [--k-buffer N] [--k-tolerance X]

For each export with ``votes.csv`` the log is ordered by time and ``replay_groups`` updates
after each cut: every 1 % / 5 % / 10 % of the votes, after each 60 s / 1 h / 1 d of
conversation time that saw votes, or once at the end ("all": Polis's cold start on the final
votes). Each update warm-starts from the last (base clusters, group clusterings per k), keeps
participants in conversation once they qualified and switches k only after a new k has won
four updates in a row. ``--cap N`` keeps at most N updates (evenly spaced over the log).

Printed per conversation: the ARI against Polis's ``group-id`` (over the participants both
grouped) of today's cold-start ``analyze_opinions``, of the replay at each cadence (with its
number of updates and CPU seconds), and red-dwarf's figure from docs/performance.md.
``--plane damped`` groups in our damped plane instead of Polis's exact scale; ``--k-tolerance``
takes the smallest k within that of the best silhouette (ours) instead of the best (Polis's).
The replay (``polis_replay.py``, ``warm_kmeans.py``) lives here, not in dialog: it was not
adopted (docs/performance.md, "Replaying Polis's history").
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from polis_cases import DATA_DIR, ROOT, Conversation, folders, load

sys.path.insert(0, str(ROOT))

# red-dwarf 0.4.0's ARI per conversation (docs/performance.md, "Against red-dwarf").
RED_DWARF = {
    "15-per-hour-seattle": 0.459,
    "american-assembly.bowling-green": 0.424,
    "austria-climate.2vkxcncppn.2022-07-07": 0.967,
    "austria-climate.7z7ejpbmv5.2022-08-08": 0.830,
    "brexit-consensus": 0.636,
    "london.youth.policing": 0.122,
    "scoop-hivemind.ubi": 0.095,
    "vtaiwan.uberx": 0.826,
}


def ari(reference: dict[int, int], labels: dict[Any, int]) -> tuple[float, int]:
    """Return the ARI over the participants both labelings grouped, and how many they are."""
    from sklearn.metrics import adjusted_rand_score

    people = sorted(set(reference) & {p for p, g in labels.items() if g >= 0})
    score = adjusted_rand_score([reference[p] for p in people], [labels[p] for p in people])
    return float(score), len(people)


def cuts_for(timestamps: np.ndarray, cadence: str, cap: int | None) -> list[int]:
    """Return the log indices after which Polis updates, for one cadence."""
    n = len(timestamps)
    if cadence == "all":
        cuts = [n]
    elif cadence.endswith("%"):
        step = max(1, int(np.ceil(n * float(cadence[:-1]) / 100)))
        cuts = [*range(step, n, step), n]
    else:
        seconds = {"s": 1, "m": 60, "h": 3600, "d": 86400}[cadence[-1]] * float(cadence[:-1])
        bucket = timestamps // int(seconds * 1000)
        cuts = [*(np.flatnonzero(np.diff(bucket)) + 1).tolist(), n]
    if cap is not None and len(cuts) > cap:
        pick = np.unique(np.linspace(0, len(cuts) - 1, cap).round().astype(int))
        cuts = [cuts[i] for i in pick]
    return cuts


def replay(conversation: Conversation, cadence: str, plane: str, cap: int | None) -> dict[str, Any]:
    """Replay one conversation at one cadence; return its ARI, updates and CPU time."""
    from polis_replay import replay_groups

    export = conversation.export
    votes = export.votes
    people = sorted({v.participant_id for v in votes})
    comments = sorted({c.id for c in export.comments} | {v.comment_id for v in votes})
    row = {p: i for i, p in enumerate(people)}
    col = {c: i for i, c in enumerate(comments)}
    accepted_ids = set(export.accepted_comment_ids)
    accepted = np.array([c in accepted_ids for c in comments])
    stamps = np.array([v.timestamp for v in votes], dtype=np.int64)
    cuts = cuts_for(stamps, cadence, cap)
    started = time.process_time()
    labels = replay_groups(
        np.array([row[v.participant_id] for v in votes]),
        np.array([col[v.comment_id] for v in votes]),
        np.array([v.vote for v in votes]),
        accepted,
        cuts,
        plane=plane,
    )
    cpu = time.process_time() - started
    score, grouped = ari(conversation.polis, dict(zip(people, labels.tolist(), strict=True)))
    return {
        "ari": score,
        "updates": len(cuts),
        "cpu": cpu,
        "grouped": grouped,
        "k": len(set(labels.tolist()) - {-1}),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the replay bench and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA_DIR)
    parser.add_argument("--cadences", default="1%,5%,10%,60s,1h,1d,all")
    parser.add_argument("--plane", choices=("polis", "damped"), default="polis")
    parser.add_argument("--cap", type=int, default=None)
    parser.add_argument("--only", default=None, help="comma-separated conversation names")
    parser.add_argument("--base-k", type=int, default=None)
    parser.add_argument("--k-buffer", type=int, default=None)
    parser.add_argument("--k-tolerance", type=float, default=None)
    args = parser.parse_args(argv)
    import polis_replay as replay_module

    for name, value in (
        ("BASE_K", args.base_k),
        ("K_BUFFER", args.k_buffer),
        ("K_TOLERANCE", args.k_tolerance),
    ):
        if value is not None:
            setattr(replay_module, name, value)
    from dialog.analysis import analyze_opinions

    cadences = args.cadences.split(",")
    header = ["conversation", "Polis k", "current", *cadences, "red-dwarf"]
    print("| " + " | ".join(header) + " |")
    print("|---" * len(header) + "|")
    columns: dict[str, list[float]] = {c: [] for c in ["current", *cadences]}
    for folder in folders(args.data):
        if not (folder / "votes.csv").is_file():
            continue
        if args.only and folder.name not in args.only.split(","):
            continue
        conversation = load(folder)
        current, _ = ari(conversation.polis, analyze_opinions(conversation.counted).group_of())
        cells = [f"{current:.3f}"]
        columns["current"].append(current)
        for cadence in cadences:
            result = replay(conversation, cadence, args.plane, args.cap)
            columns[cadence].append(result["ari"])
            cells.append(
                f"{result['ari']:.3f} (k {result['k']}, {result['updates']} upd, "
                f"{result['cpu']:.1f} s)"
            )
        polis_k = len(set(conversation.polis.values()))
        row = [folder.name, str(polis_k), *cells, f"{RED_DWARF.get(folder.name, float('nan')):.3f}"]
        print("| " + " | ".join(row) + " |", flush=True)
    medians = [f"{statistics.median(v):.3f}" if v else "" for v in columns.values()]
    print("| **median** | | " + " | ".join(medians) + " | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

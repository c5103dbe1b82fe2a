"""Compare our opinion groups and red-dwarf's with Polis's own groups, conversation by conversation.

Usage: python bench/compare_red_dwarf.py [--data DIR] [--red-dwarf-python PATH] [--seed N]
                                         [--out FILE]

For each Polis export in DIR (default $DIALOG_SHARED_DIR/data/polis-opendata, else the
../shared next to the checkout) it computes the adjusted Rand index (ARI) against Polis's
`group-id`:

* ours: `analyze_opinions` on the matrix without rejected comments, in this process;
* red-dwarf's: `reddwarf.implementations.polis.run_pipeline` with its defaults (PCA with
  sparsity-aware scaling, rejected comments zeroed out, participants with at least 7 votes,
  k-means with Polis's first-distinct-points start for k = 2..5, k by best silhouette).

Both run once with k chosen by the method and once with k forced to Polis's k. red-dwarf runs
in this process when importable, otherwise in the Python given by --red-dwarf-python (or
$RED_DWARF_PYTHON), which runs this same file with --worker; red-dwarf is not one of our
dependencies.

Each method's ARI is over the participants both it and Polis put in a group; a second ARI is
over the participants all three grouped, so both methods are scored on the same people.
Exits 0 with a note when the data or red-dwarf is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from polis_cases import DATA_DIR, Conversation, folders, load

# red-dwarf's defaults, spelled out: Polis's vote threshold and k range.
MIN_VOTES = 7
MAX_GROUPS = 5


# --- The red-dwarf side: runs wherever red-dwarf is installed; imports nothing of ours. ---


def red_dwarf_groups(job: dict[str, Any]) -> dict[str, Any]:
    """Run red-dwarf's Polis pipeline on one conversation; return its groups and k.

    job: votes as [participant, comment, vote] (final votes, rejected comments included),
    rejected comment ids, seed, and force_k (None: red-dwarf picks k by silhouette).
    """
    from reddwarf.implementations.polis import run_pipeline

    votes = [
        {"participant_id": p, "statement_id": c, "vote": v, "modified": 0}
        for p, c, v in job["votes"]
    ]
    result = run_pipeline(
        votes=votes,
        mod_out_statement_ids=job["rejected"],
        min_user_vote_threshold=MIN_VOTES,
        max_group_count=MAX_GROUPS,
        force_group_count=job.get("force_k"),
        random_state=job["seed"],
    )
    frame = result.participants_df
    grouped = frame[frame["cluster_id"].notna()]
    labels = {str(pid): int(gid) for pid, gid in grouped["cluster_id"].items()}
    return {"labels": labels, "k": len(set(labels.values()))}


def worker() -> int:
    """Read jobs as JSON lines on stdin, answer each with one JSON line on stdout."""
    for line in sys.stdin:
        if line.strip():
            print(json.dumps(red_dwarf_groups(json.loads(line))), flush=True)
    return 0


# --- Our side. ---


@dataclass
class Row:
    """One conversation's agreement figures."""

    name: str
    polis_k: int
    polis_n: int
    ours_k: int
    ours_n: int
    ours_ari: float
    ours_forced_ari: float
    rd_k: int
    rd_n: int
    rd_ari: float
    rd_forced_ari: float
    common_n: int
    ours_common: float
    rd_common: float


def ari(reference: dict[int, int], labels: dict[Any, int], among: set[Any]) -> float:
    """Return the ARI between two labelings over the participants in among."""
    from sklearn.metrics import adjusted_rand_score

    people = sorted(among)
    return float(adjusted_rand_score([reference[p] for p in people], [labels[p] for p in people]))


class RedDwarf:
    """red-dwarf in this process, or in another Python through --worker."""

    def __init__(self, python: str | None) -> None:
        self.process: subprocess.Popen[str] | None = None
        if python:
            self.process = subprocess.Popen(
                [python, str(Path(__file__).resolve()), "--worker"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                env={**os.environ, "PYTHONPATH": ""},
            )

    def groups(self, job: dict[str, Any]) -> tuple[dict[int, int], int]:
        """Return red-dwarf's group per participant and its k."""
        if self.process is None:
            answer = red_dwarf_groups(job)
        else:
            assert self.process.stdin is not None
            assert self.process.stdout is not None
            self.process.stdin.write(json.dumps(job) + "\n")
            self.process.stdin.flush()
            answer = json.loads(self.process.stdout.readline())
        return {int(p): g for p, g in answer["labels"].items()}, int(answer["k"])

    def close(self) -> None:
        """Stop the worker, if any."""
        if self.process is not None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            self.process.wait(timeout=60)


def find_red_dwarf(python: str | None) -> RedDwarf | None:
    """Return a way to run red-dwarf, or None when it is not installed anywhere we know."""
    if python:
        try:
            check = subprocess.run(
                [python, "-c", "import reddwarf.implementations.polis"],
                capture_output=True,
                env={**os.environ, "PYTHONPATH": ""},
            )
        except OSError:  # no such Python
            return None
        return RedDwarf(python) if check.returncode == 0 else None
    try:
        import reddwarf.implementations.polis  # noqa: F401
    except ImportError:
        return None
    return RedDwarf(None)


def groups_with_k(matrix: Any, seed: int, k: int) -> dict[Any, int]:
    """Return our groups with k forced instead of chosen by silhouette.

    group_clusters looks choose_k up at call time, so replacing it forces k; the k-means for
    each k is unchanged. k must be one our analysis tries (2 .. 5, fewer for tiny data).
    """
    from dialog.analysis import analyze_opinions, clustering

    original = clustering.choose_k
    clustering.choose_k = lambda scores, *_: k if k in scores else original(scores)
    try:
        labels: dict[Any, int] = analyze_opinions(matrix, seed=seed).group_of()
    finally:
        clustering.choose_k = original
    return labels


def compare(conversation: Conversation, red_dwarf: RedDwarf, seed: int) -> Row:
    """Score ours and red-dwarf's groups against Polis's on one conversation."""
    from dialog.analysis import analyze_opinions

    polis = conversation.polis
    matrix = conversation.counted
    ours = analyze_opinions(matrix, seed=seed).group_of()
    polis_k = len(set(polis.values()))
    ours_forced = groups_with_k(matrix, seed, polis_k)
    job = {
        "votes": conversation.final_votes(),
        "rejected": conversation.rejected(),
        "seed": seed,
        "force_k": None,
    }
    rd, rd_k = red_dwarf.groups(job)
    forced, _ = red_dwarf.groups({**job, "force_k": polis_k})
    ours_both = set(polis) & set(ours)
    rd_both = set(polis) & set(rd)
    common = ours_both & set(rd)
    return Row(
        conversation.name,
        polis_k,
        len(polis),
        len(set(ours.values())),
        len(ours_both),
        ari(polis, ours, ours_both),
        ari(polis, ours_forced, set(polis) & set(ours_forced)),
        rd_k,
        len(rd_both),
        ari(polis, rd, rd_both),
        ari(polis, forced, set(polis) & set(forced)),
        len(common),
        ari(polis, ours, common),
        ari(polis, rd, common),
    )


def table(rows: list[Row]) -> str:
    """Format the rows, and the medians, as a Markdown table."""
    import numpy as np

    lines = [
        "| conversation | k: Polis / ours / red-dwarf | grouped: Polis / ours / red-dwarf "
        "| ARI ours | ARI red-dwarf | with Polis's k: ours | red-dwarf "
        "| same people: n | ours | red-dwarf |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.name} | {r.polis_k} / {r.ours_k} / {r.rd_k} "
            f"| {r.polis_n:,} / {r.ours_n:,} / {r.rd_n:,} "
            f"| {r.ours_ari:.3f} | {r.rd_ari:.3f} "
            f"| {r.ours_forced_ari:.3f} | {r.rd_forced_ari:.3f} "
            f"| {r.common_n:,} | {r.ours_common:.3f} | {r.rd_common:.3f} |"
        )

    def median(values: list[float]) -> str:
        return f"{float(np.median(values)):.3f}"

    lines.append(
        f"| **median** | | | **{median([r.ours_ari for r in rows])}** "
        f"| **{median([r.rd_ari for r in rows])}** | {median([r.ours_forced_ari for r in rows])} "
        f"| {median([r.rd_forced_ari for r in rows])} "
        f"| | {median([r.ours_common for r in rows])} | {median([r.rd_common for r in rows])} |"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Compare on every conversation and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="Polis open data folder")
    parser.add_argument(
        "--red-dwarf-python",
        default=os.environ.get("RED_DWARF_PYTHON"),
        help="a Python with red-dwarf installed (default: $RED_DWARF_PYTHON, else this one)",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed for both methods")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    args = parser.parse_args(argv)
    if args.worker:
        return worker()
    if not args.data.is_dir():
        print(f"skipped: no Polis open data in {args.data}")
        return 0
    red_dwarf = find_red_dwarf(args.red_dwarf_python)
    if red_dwarf is None:
        print(
            "skipped: red-dwarf is not installed here or in --red-dwarf-python "
            "(see bench/README.md)"
        )
        return 0
    rows = []
    try:
        for folder in folders(args.data):
            rows.append(compare(load(folder), red_dwarf, args.seed))
            print(f"{folder.name}: done", file=sys.stderr)
    finally:
        red_dwarf.close()
    text = table(rows)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

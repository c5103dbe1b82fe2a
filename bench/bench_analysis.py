"""Benchmark the opinion analysis on the Polis conversations and a synthetic giant one.

Usage: python bench/bench_analysis.py [--synthetic] [--out FILE] [--repeat N] [--data DIR]

Times analyze_opinions (best of N runs) on one core and measures its peak memory, then prints
a Markdown table with the adjusted Rand index (ARI) against Polis's groups, or against the
planted groups for the synthetic conversation.
"""

from __future__ import annotations

import os

# One core, as the goals are stated; must be set before numpy loads its BLAS.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
from sklearn.metrics import adjusted_rand_score  # noqa: E402
from tqdm import tqdm  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dialog.analysis import VoteMatrix, analyze_opinions, read_polis_export  # noqa: E402

DATA_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polis-opendata"


@dataclass
class Case:
    """One conversation to benchmark and the reference groups to compare with."""

    name: str
    build: Callable[[], VoteMatrix]
    reference: dict
    reference_groups: int


@dataclass
class Row:
    """One line of the result table."""

    name: str
    participants: int
    perspectives: int
    votes: int
    load_s: float
    best_s: float
    peak_mib: float
    groups: int
    reference_groups: int
    ari: float


def synthetic_votes(
    n_participants: int = 33_000,
    n_perspectives: int = 800,
    n_votes: int = 2_000_000,
    seed: int = 0,
) -> tuple[list[tuple[int, int, int]], dict[int, int]]:
    """Return a vote log with planted opinion groups, and each participant's planted group.

    The log has n_votes distinct (participant, perspective) cells plus 5 % changed votes.
    """
    rng = np.random.default_rng(seed)
    shares = np.array([0.4, 0.3, 0.2, 0.1])
    group = rng.choice(len(shares), size=n_participants, p=shares)
    # Opinions live in a plane, as PCA assumes: each group sits at a compass point and leans
    # for a perspective when the perspective points its way. The first tenth all agree with.
    angles = np.arange(len(shares)) * 2 * np.pi / len(shares)
    positions = np.stack([np.cos(angles), np.sin(angles)], axis=1)
    lean = np.sign(positions @ rng.normal(size=(2, n_perspectives)))
    lean[:, : n_perspectives // 10] = 1.0
    # Activity is skewed like real conversations: a few vote a lot, many vote a little.
    activity = rng.pareto(1.5, n_participants) + 0.2
    drawn = int(n_votes * 1.6)
    cells = rng.choice(n_participants, drawn, p=activity / activity.sum()) * n_perspectives
    cells = np.unique(cells + rng.integers(0, n_perspectives, drawn))
    cells = rng.permutation(cells)[:n_votes]
    # Some people change their minds: the log repeats 5 % of the cells with a later vote.
    cells = np.concatenate([cells, rng.choice(cells, n_votes // 20)])
    who, what = cells // n_perspectives, cells % n_perspectives
    roll = rng.random(len(cells))
    with_group = lean[group[who], what]
    vote = np.where(roll < 0.7, with_group, np.where(roll < 0.85, 0.0, -with_group))
    log = list(zip(who.tolist(), what.tolist(), vote.astype(int).tolist(), strict=True))
    return log, dict(enumerate(group.tolist()))


def polis_case(folder: Path) -> Case:
    """Describe one Polis export folder as a benchmark case."""
    export = read_polis_export(folder)
    reference = export.polis_groups()
    return Case(folder.name, export.vote_matrix, reference, len(set(reference.values())))


def synthetic_case() -> Case:
    """Describe the synthetic conversation as a benchmark case."""
    log, planted = synthetic_votes()
    return Case("synthetic 33,000 x 800", lambda: VoteMatrix.from_votes(log), planted, 4)


def measure(case: Case, repeat: int) -> Row:
    """Time and measure one case."""
    started = time.perf_counter()
    matrix = case.build()
    load_s = time.perf_counter() - started
    best = float("inf")
    analysis = None
    for _ in range(repeat):
        started = time.perf_counter()
        analysis = analyze_opinions(matrix, seed=0)
        best = min(best, time.perf_counter() - started)
    # Peak memory in a separate run: tracemalloc slows allocation-heavy code down.
    tracemalloc.start()
    analyze_opinions(matrix, seed=0)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert analysis is not None
    ours = analysis.group_of()
    both = [pid for pid in case.reference if pid in ours]
    ari = adjusted_rand_score([case.reference[p] for p in both], [ours[p] for p in both])
    return Row(
        case.name,
        matrix.shape[0],
        matrix.shape[1],
        matrix.n_votes(),
        load_s,
        best,
        peak / 2**20,
        len(analysis.opinion_groups),
        case.reference_groups,
        ari,
    )


def table(rows: list[Row]) -> str:
    """Format the rows as a Markdown table."""
    lines = [
        "| conversation | participants | perspectives | votes | load (s) | analysis, best (s) "
        "| peak memory (MiB) | groups (ours / ref) | ARI |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.name} | {r.participants:,} | {r.perspectives:,} | {r.votes:,} "
            f"| {r.load_s:.3f} | {r.best_s:.3f} | {r.peak_mib:.1f} "
            f"| {r.groups} / {r.reference_groups} | {r.ari:.2f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print (and optionally write) the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", action="store_true", help="add the 33,000 x 800 case")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    parser.add_argument("--repeat", type=int, default=5, help="runs per case (best is kept)")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="Polis open data folder")
    args = parser.parse_args(argv)
    cases = []
    if args.data.is_dir():
        folders = sorted(p for p in args.data.iterdir() if (p / "comments.csv").is_file())
        cases = [polis_case(folder) for folder in folders]
    if args.synthetic:
        cases.append(synthetic_case())
    rows = []
    for case in tqdm(cases, desc="conversations", unit="conv"):
        repeat = min(args.repeat, 3) if case.name.startswith("synthetic") else args.repeat
        rows.append(measure(case, repeat))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    text = table(rows) + f"\n\nProcess peak resident memory: {rss:,.0f} MiB.\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

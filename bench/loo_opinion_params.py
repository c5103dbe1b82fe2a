"""Leave one conversation out: do the opinion-group parameters chosen on the data generalise?

Usage: python bench/loo_opinion_params.py [--data DIR] [--out FILE] [--shares 0,0.5,...]
                                          [--min-dampings 0,10,...] [--tolerances 0.02,...]

Three constants of the opinion analysis were chosen by looking at agreement with Polis on the
open data: pca.MIN_DAMPING_SHARE, pca.MIN_DAMPING and clustering.K_TOLERANCE; and one rule,
projection_choice.COMPARE_PLANES (groups from Polis's exact projection scale when they are
clearer than the damped plane's). This script runs `analyze_opinions` (seed 0) for every
combination on a grid (the rule on and off) and every conversation, with the
matrix built two ways (rejected comments counted in the projection scale, as `vote_matrix()`
does; and filtered out beforehand, so the analysis cannot know about them), and scores the
adjusted Rand index (ARI) against Polis's groups over the participants both grouped.

Then, for each conversation in turn, it picks the combination with the best mean ARI over
the other conversations (both builds together; the median of those 14 numbers is flat over
most of the grid, so nearly everything would tie) and reports the held-out conversation's ARI
under that choice. Several combinations often tie on the others; the held-out ARI is then
given as the range over the tied ones (worst to best), so a lucky tie-break cannot flatter it.
About 20 minutes on one core for the eight open-data conversations.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import functools  # noqa: E402
import itertools  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import numpy as np  # noqa: E402
from sklearn.metrics import adjusted_rand_score  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from polis_cases import DATA_DIR, Conversation, load_all  # noqa: E402

from dialog.analysis import (  # noqa: E402
    VoteMatrix,
    analyze_opinions,
    clustering,
    pca,
    projection_choice,
)

SHARES = (0.0, 0.25, 0.5, 0.75, 1.0)
MIN_DAMPINGS = (0, 10, 20)
TOLERANCES = (0.0, 0.02, 0.05)
PLANE_RULE = (False, True)
CURRENT = (
    pca.MIN_DAMPING_SHARE,
    pca.MIN_DAMPING,
    clustering.K_TOLERANCE,
    projection_choice.COMPARE_PLANES,
)
Params = tuple[float, int, float, bool]


def score(matrix: VoteMatrix, polis: dict[int, int]) -> float:
    """Return the ARI between our groups and Polis's over the participants both grouped."""
    ours = analyze_opinions(matrix, seed=0).group_of()
    both = [p for p in polis if p in ours]
    return float(adjusted_rand_score([polis[p] for p in both], [ours[p] for p in both]))


def run_grid(
    cases: list[Conversation],
    shares: tuple[float, ...] = SHARES,
    dampings: tuple[int, ...] = MIN_DAMPINGS,
    tolerances: tuple[float, ...] = TOLERANCES,
) -> tuple[list[Params], np.ndarray]:
    """Return the grid and ARIs shaped (combination, build, conversation)."""
    grid: list[Params] = list(itertools.product(shares, dampings, tolerances, PLANE_RULE))
    if CURRENT not in grid:
        grid.append(CURRENT)
    scores = np.zeros((len(grid), 2, len(cases)))
    original = clustering.choose_k
    try:
        for g, (share, damping, tolerance, planes) in enumerate(grid):
            pca.MIN_DAMPING_SHARE, pca.MIN_DAMPING = share, damping
            projection_choice.COMPARE_PLANES = planes
            # group_clusters looks choose_k up at call time, so this sets the tolerance.
            clustering.choose_k = functools.partial(original, tolerance=tolerance)
            for c, case in enumerate(cases):
                scores[g, 0, c] = score(case.counted, case.polis)
                scores[g, 1, c] = score(case.filtered, case.polis)
            print(f"{g + 1}/{len(grid)}", file=sys.stderr, flush=True)
    finally:
        pca.MIN_DAMPING_SHARE, pca.MIN_DAMPING, _, projection_choice.COMPARE_PLANES = CURRENT
        clustering.choose_k = original
    return grid, scores


def leave_one_out(
    names: list[str], scores: np.ndarray, subset: list[int]
) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    """Choose on the others among the subset of the grid; return held-out worst, best, tied."""
    worst, best = np.zeros((2, len(names))), np.zeros((2, len(names)))
    ties = []
    for i in range(len(names)):
        others = [j for j in range(len(names)) if j != i]
        training = scores[subset][:, :, others].reshape(len(subset), -1).mean(axis=1)
        tied = np.asarray(subset)[np.flatnonzero(training >= training.max() - 1e-9)]
        worst[:, i] = scores[tied, :, i].min(axis=0)
        best[:, i] = scores[tied, :, i].max(axis=0)
        ties.append(tied)
    return worst, best, ties


def report(names: list[str], grid: list[Params], scores: np.ndarray) -> str:
    """Format the sensitivity of the median and the leave-one-out result as Markdown."""
    current = grid.index(CURRENT)
    lines = [
        "| damping share, min damping, k tolerance, plane rule | median ARI, rejected counted "
        "| median ARI, filtered beforehand |",
        "|---|---:|---:|",
    ]
    for g, params in enumerate(grid):
        mark = " (current)" if g == current else ""
        lines.append(
            f"| {params[0]}, {params[1]}, {params[2]}, {'on' if params[3] else 'off'}{mark} "
            f"| {np.median(scores[g, 0]):.3f} | {np.median(scores[g, 1]):.3f} |"
        )
    worst, best, tied = leave_one_out(names, scores, list(range(len(grid))))

    def chosen(picked: np.ndarray) -> str:
        first = ", ".join(str(v) for v in grid[int(picked[0])])
        return first if len(picked) == 1 else f"{first} (+{len(picked) - 1})"

    lines += [
        "",
        "| held out | chosen on the others (+ tied) | ARI held out, counted | filtered "
        "| current, counted | filtered |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for i, name in enumerate(names):
        lines.append(
            f"| {name} | {chosen(tied[i])} | {worst[0, i]:.3f}–{best[0, i]:.3f} "
            f"| {worst[1, i]:.3f}–{best[1, i]:.3f} | {scores[current, 0, i]:.3f} "
            f"| {scores[current, 1, i]:.3f} |"
        )
    lines.append(
        f"| **median** | | **{np.median(worst[0]):.3f}–{np.median(best[0]):.3f}** "
        f"| **{np.median(worst[1]):.3f}–{np.median(best[1]):.3f}** "
        f"| {np.median(scores[current, 0]):.3f} | {np.median(scores[current, 1]):.3f} |"
    )
    # The same with the plane rule held fixed, so its own effect on the held-out ARI shows.
    lines += ["", "| plane rule | median ARI held out, counted | filtered |", "|---|---:|---:|"]
    for setting in (False, True):
        subset = [g for g, params in enumerate(grid) if params[3] == setting]
        low, high, _ = leave_one_out(names, scores, subset)
        lines.append(
            f"| {'on' if setting else 'off'} | {np.median(low[0]):.3f}–{np.median(high[0]):.3f} "
            f"| {np.median(low[1]):.3f}–{np.median(high[1]):.3f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the grid, then leave one conversation out."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="Polis open data folder")
    parser.add_argument("--out", type=Path, help="also write the tables to this file")
    parser.add_argument("--shares", help="damping shares to try, comma-separated (default: all)")
    parser.add_argument("--min-dampings", help="minimum dampings to try, comma-separated")
    parser.add_argument("--tolerances", help="k tolerances to try, comma-separated")
    args = parser.parse_args(argv)

    def values(text: str | None, default: tuple[Any, ...], kind: type) -> tuple[Any, ...]:
        return default if not text else tuple(kind(v) for v in text.split(","))

    cases = load_all(args.data)
    if not cases:
        print(f"skipped: no Polis open data in {args.data}")
        return 0
    grid, scores = run_grid(
        cases,
        values(args.shares, SHARES, float),
        values(args.min_dampings, MIN_DAMPINGS, int),
        values(args.tolerances, TOLERANCES, float),
    )
    text = report([case.name for case in cases], grid, scores)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

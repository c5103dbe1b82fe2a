"""Time how fast the command line answers: ``dialog --help`` and ``dialog --version``.

Usage: python bench/bench_cli.py [--repeat N] [--warmup N]

Like hyperfine: a few warm-up runs (so the files are in the page cache), then N timed runs of
a fresh ``python -m dialog ...`` each; prints mean ± standard deviation, min and max in ms,
and the Python interpreter alone (``python -c pass``) for comparison.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

COMMANDS: dict[str, list[str]] = {
    "python -c pass (interpreter alone)": [sys.executable, "-c", "pass"],
    "dialog --help": [sys.executable, "-m", "dialog", "--help"],
    "dialog --version": [sys.executable, "-m", "dialog", "--version"],
    "dialog analyze --help": [sys.executable, "-m", "dialog", "analyze", "--help"],
}


def time_command(argv: list[str], repeat: int, warmup: int) -> list[float]:
    """Run a command warmup + repeat times; return the timed runs in milliseconds."""
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    runs = []
    for index in range(warmup + repeat):
        started = time.perf_counter()
        subprocess.run(argv, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        if index >= warmup:
            runs.append((time.perf_counter() - started) * 1000.0)
    return runs


def main(argv: list[str] | None = None) -> int:
    """Time each command and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per command")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs first")
    args = parser.parse_args(argv)
    print("| command | mean ± sd (ms) | min (ms) | max (ms) |")
    print("|---|---:|---:|---:|")
    for name, command in COMMANDS.items():
        runs = time_command(command, args.repeat, args.warmup)
        print(f"| `{name}` | {statistics.mean(runs):.0f} ± {statistics.stdev(runs):.0f} "
              f"| {min(runs):.0f} | {max(runs):.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

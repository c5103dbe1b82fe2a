"""Benchmark the map of large processes: 1,000 to 10,000 perspectives, and how each cost grows.

Usage: ``.venv/bin/python bench/bench_large.py [--sizes 1000,2000,5000,10000] [--out FILE]``

For each size N a synthetic Polis export (``bench/polis_synthetic.py``: N perspectives,
0.3 N participants, 20 N votes, four planted opinion groups) is written and then, each step
in its own process so that its peak memory is its own:

* *import*: ``dialog import-polis`` into a fresh SQLite file (WAL), as an operator runs it
  (the command's wall-clock time, start-up included);
* *analysis*: ``analysis_runs.analyze_process`` as ``dialog analyze`` calls it, split into
  *load* (reading perspectives, reactions and links), *opinion groups* (vote matrix, PCA,
  clustering, representative perspectives) and *perspective graph* (text and vote
  neighbours, graph, themes, bridging, coverage, layout); its wall-clock and CPU time and the
  process's peak resident memory (``getrusage``, everything the process held: libraries,
  inputs, matrices, the graph);
* BLAS and OpenMP get one thread each (as in the other benches), so the CPU time is the work
  done, not threads spinning while they wait for a core;
* *snapshot*: the size of the JSON stored and sent (``map:update``, GET .../map) and the time
  to store it (``_store`` plus commit).

The growth exponent b of each cost is fitted as ``cost ~ N^b`` (least squares on logs).
The machine's load average is printed with each size: on a shared machine the wall-clock
times stretch, the CPU times much less.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DIALOG = str(Path(PYTHON).with_name("dialog"))


def _wait(command: list[str], env: dict[str, str]) -> tuple[str, float, float, float]:
    """Run a command; return its stdout, wall-clock and CPU seconds and peak RSS in MB."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        child = subprocess.Popen(command, stdout=out, env=env, cwd=ROOT)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        out.seek(0)
        text = out.read().decode()
    if child.returncode:
        raise RuntimeError(f"{command} failed ({child.returncode}): {text[-2000:]}")
    return text, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def analyse(database: str) -> dict[str, Any]:
    """In a child process: run the whole analysis of process 1 and store the snapshot."""
    import resource

    sys.path.insert(0, str(ROOT))
    from dialog.analysis.warmup import load_libraries
    from dialog.extensions import db
    from dialog.models import Process
    from phases.inventering.map import analysis_runs

    load_libraries()
    db.init(f"sqlite:///{database}")
    with db.transaction() as session:
        process = session.get(Process, 1)
        cpu, wall = time.process_time(), time.perf_counter()
        result, priorities = analysis_runs.analyze_process(session, process)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    text = json.dumps(result)
    with db.transaction() as session:
        start = time.perf_counter()
        analysis_runs._store(session, 1, None, 0, "bench", result, priorities, wall * 1000)
    store = time.perf_counter() - start  # the commit at the end of the block included
    timing = result["timing_ms"]
    return {
        "load_s": timing["load"] / 1000, "opinion_s": timing["opinion"] / 1000,
        "graph_s": timing["graph"] / 1000, "analyze_s": wall, "analyze_cpu_s": cpu,
        "load_cpu_s": timing["cpu"]["load"] / 1000,
        "opinion_cpu_s": timing["cpu"]["opinion"] / 1000,
        "graph_cpu_s": timing["cpu"]["graph"] / 1000,
        "stages_ms": timing["stages"], "peak_rss_mb": resource.getrusage(
            resource.RUSAGE_SELF).ru_maxrss / 1024,
        "snapshot_mb": len(text.encode()) / 1e6, "store_s": store,
        "edges": len(result["graph"]["edges"]), "nodes": len(result["graph"]["nodes"]),
        "themes": len(result["themes"]), "groups": len(result["opinion_groups"]),
    }


def measure(size: int, folder: Path) -> dict[str, Any]:
    export, database = folder / f"polis-{size}", folder / f"large-{size}.sqlite3"
    subprocess.run([PYTHON, str(ROOT / "bench" / "polis_synthetic.py"), str(export),
                    "--perspectives", str(size), "--participants", str(size * 3 // 10),
                    "--votes", str(size * 20)], check=True, cwd=ROOT)
    env = {**os.environ, "DIALOG_DATABASE_URL": f"sqlite:///{database}", "PYTHONPATH": str(ROOT),
           # One BLAS thread: on a shared machine idle BLAS threads spin and count as CPU time.
           "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    _wait([DIALOG, "db", "upgrade"], env)
    load_before = os.getloadavg()[0]
    _, import_s, import_cpu, import_rss = _wait(
        [DIALOG, "import-polis", str(export), "--json"], env)
    text, _, _, _ = _wait([PYTHON, __file__, "--analyse", str(database)], env)
    row = {"perspectives": size, "import_s": import_s, "import_cpu_s": import_cpu,
           "import_rss_mb": import_rss,
           **json.loads(text.strip().splitlines()[-1])}
    row["load_average"] = (load_before + os.getloadavg()[0]) / 2
    return row


COLUMNS = (("import_cpu_s", "import-polis CPU, s"), ("load_cpu_s", "load inputs CPU, s"),
           ("opinion_cpu_s", "opinion groups CPU, s"), ("graph_cpu_s", "perspective graph CPU, s"),
           ("analyze_cpu_s", "whole analyze CPU, s"), ("import_s", "import-polis wall, s"),
           ("analyze_s", "whole analyze wall, s"),
           ("peak_rss_mb", "analyze peak RSS, MB"), ("snapshot_mb", "snapshot, MB"),
           ("store_s", "store snapshot, s"))


def exponent(rows: list[dict[str, Any]], key: str) -> float:
    """Least-squares slope of log(cost) against log(perspectives)."""
    xs = [math.log(r["perspectives"]) for r in rows]
    ys = [math.log(max(r[key], 1e-9)) for r in rows]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def table(rows: list[dict[str, Any]]) -> str:
    head = ["perspectives", "participants", "votes", *(label for _, label in COLUMNS),
            "edges", "themes", "load avg"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        n = r["perspectives"]
        cells = [f"{n:,}", f"{n * 3 // 10:,}", f"{n * 20:,}",
                 *(f"{r[key]:.2f}" if r[key] < 100 else f"{r[key]:.0f}" for key, _ in COLUMNS),
                 f"{r['edges']:,}", str(r["themes"]), f"{r['load_average']:.1f}"]
        lines.append("| " + " | ".join(cells) + " |")
    if len(rows) >= 2:
        growth = ["growth N^b", "", "", *(f"b = {exponent(rows, key):.2f}" for key, _ in COLUMNS),
                  f"b = {exponent(rows, 'edges'):.2f}", "", ""]
        lines.append("| " + " | ".join(growth) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,5000,10000")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--analyse", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.analyse:
        print(json.dumps(analyse(args.analyse)))
        return
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-large-") as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            rows.append(measure(size, Path(folder)))
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    result = table(rows)
    print(result)
    if args.out:
        args.out.write_text(result + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""Benchmark the full pipeline per shared Polis conversation: import, DB load, full analysis.

Usage: ``.venv/bin/python bench/bench_pipeline.py [--repeat N] [--database-url URL]``

Method: one core (CPU affinity pinned, BLAS/OpenMP limited to one thread). For each
conversation in ``../shared/data/polis-opendata``:

* *import*: ``phases.inventering.map.polis_import.import_polis`` into a fresh database, commit
  included (reading the CSV files, participants, perspectives, moderation log, reactions);
* *DB load*: reading the approved perspectives, reactions and links back from the database
  (``analysis_inputs.load_inputs``), best of N;
* *analysis*: ``analysis_runs.analyze_process`` minus its load: vote matrix, opinion groups
  (PCA, clustering, repness, consensus) and the perspective graph with themes, bridging and
  coverage; best of N wall-clock, split into opinion and graph; and the best CPU time of the
  whole call (load, analysis, priorities, serialising), which a busy machine disturbs less;
* *refresh*: what a stale ``GET /processes/{id}/map`` costs: fingerprint, load, analysis and
  storing the snapshot (``analysis_runs.refresh(force=True)`` plus commit), best of N.

The database defaults to a fresh SQLite file per conversation (WAL mode, as ``dialog serve``
uses); pass ``--database-url`` to measure PostgreSQL (an empty database; tables are created).
Prints a Markdown table; ``--out FILE`` also writes it.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import gc  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sklearn.metrics import adjusted_rand_score  # noqa: E402

from dialog.analysis.polis_data import read_polis_export  # noqa: E402
from dialog.extensions import db  # noqa: E402
from dialog.models import Base, Process  # noqa: E402
from phases.inventering.map import analysis_runs, polis_import  # noqa: E402
from phases.inventering.map.analysis_inputs import load_inputs, participant_labels  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polis-opendata"


def best_of(repeat: int, work) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    """Return the best wall-clock milliseconds of ``repeat`` calls and the last result."""
    times, result = [], None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = work()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), result


def measure(folder: Path, url: str, repeat: int) -> dict:
    db.init(url)
    Base.metadata.create_all(db.engine)
    start = time.perf_counter()
    with db.transaction() as session:
        imported = polis_import.import_polis(session, folder)
    import_ms = (time.perf_counter() - start) * 1000
    with db.transaction() as session:
        process = session.get(Process, imported.process_id)
        analysis_runs.analyze_process(session, process)  # warm-up: imports and caches
        load_ms, _ = best_of(repeat, lambda: load_inputs(session, process))
        runs = []
        for _ in range(repeat):
            gc.collect()
            cpu = time.process_time()
            result, _priorities = analysis_runs.analyze_process(session, process)
            runs.append((result["timing_ms"], (time.process_time() - cpu) * 1000))
        labels = participant_labels(session, process.id)

    def refresh() -> None:
        with db.transaction() as session:
            found = session.get(Process, imported.process_id)
            analysis_runs.refresh(session, found, force=True)

    refresh_ms, _ = best_of(repeat, refresh)
    polis = read_polis_export(folder).polis_groups()
    ours = {labels[m]: g["id"] for g in result["opinion_groups"] for m in g["members"]}
    common = sorted(set(ours) & set(polis))
    ari = adjusted_rand_score([polis[p] for p in common], [ours[p] for p in common]) if (
        common) else float("nan")
    db.dispose()
    return {
        "participants": imported.participants, "perspectives": imported.perspectives,
        "reactions": imported.reactions, "import": import_ms, "load": load_ms,
        "opinion": min(t["opinion"] for t, _ in runs), "graph": min(t["graph"] for t, _ in runs),
        "analysis": min(t["opinion"] + t["graph"] for t, _ in runs),
        "cpu": min(cpu for _, cpu in runs), "refresh": refresh_ms,
        "groups": f"{len(result['opinion_groups'])} / {len(set(polis.values()))}",
        "ari": ari,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per step (best of N)")
    parser.add_argument("--database-url", help="measure this database instead of SQLite")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="Polis export folders")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    if not args.data.is_dir():
        sys.exit(f"no Polis data at {args.data}")
    header = ("| conversation | participants | perspectives | reactions | import (s) | "
              "DB load (ms) | opinion (ms) | graph (ms) | analysis (ms) | load + analysis, "
              "CPU (ms) | refresh (ms) | groups (ours / Polis) | ARI |")
    lines = [header, "|---" + "|---:" * 12 + "|"]
    print("\n".join(lines), flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        for folder in sorted(p for p in args.data.iterdir() if (p / "votes.csv").is_file()):
            url = args.database_url or f"sqlite:///{Path(scratch) / folder.name}.sqlite3"
            row = measure(folder, url, args.repeat)
            line = (f"| {folder.name} | {row['participants']:,} | {row['perspectives']} | "
                    f"{row['reactions']:,} | {row['import'] / 1000:.2f} | {row['load']:.0f} | "
                    f"{row['opinion']:.0f} | {row['graph']:.0f} | {row['analysis']:.0f} | "
                    f"{row['cpu']:.0f} | "
                    f"{row['refresh']:.0f} | {row['groups']} | {row['ari']:.2f} |")
            lines.append(line)
            print(line, flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines.append(f"\nPeak resident memory of the benchmark process: {peak:.0f} MiB.")
    print(lines[-1])
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

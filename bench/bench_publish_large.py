"""Benchmark publishing a large process: the version, its PDF and ZIP, and the public page.

Usage: ``python bench/bench_publish_large.py [--sizes 1000,2000,5000,10000] [--work DIR]
[--analysis-path PATH] [--out FILE]``

For each size a synthetic Polis export (``polis_synthetic.py``; 300 participants and 20,000
votes per 1,000 perspectives) is imported into a fresh SQLite database, the map is computed
and stored (timed apart: it is the analysis, not publishing), and then, in a process of its
own:

- ``publish``: the snapshot, the version and the page's parts (summary, perspective list);
- the background jobs, run inline right after the commit as ``dialog publish`` runs them
  without a worker: ``data.zip`` and ``report.pdf`` in the process's language (sv), each
  timed from the stored files' ``built_at``; CPU seconds too (the machine may be shared);
- the public page ``/p/<slug>``: bytes, wall and CPU time of page 1, page 100 and a search
  (median of 5 requests through the WSGI app after a first one, no network);
- peak memory (RSS) of the publishing process.

``--analysis-path`` runs the map step with another checkout on ``PYTHONPATH`` (e.g. a branch
with the sparse map), since the map at 10,000 perspectives is its own benchmark.
Prints a Markdown table and the load average (the machine may be shared).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def _env(folder: Path, path: str | None = None) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": path or str(ROOT), "DIALOG_INSTANCE_DIR": str(folder),
            "DIALOG_DATABASE_URL": f"sqlite:///{folder / 'dialog.sqlite3'}"}


def prepare(size: int, work: Path, analysis_path: str | None) -> tuple[Path, float]:
    """Import a synthetic export of ``size`` perspectives and store its map; return the
    instance folder and the seconds the map took."""
    folder = work / f"n{size}"
    export = work / f"polis{size}"
    if not (folder / "dialog.sqlite3").exists():
        subprocess.run([PYTHON, str(ROOT / "bench" / "polis_synthetic.py"), str(export),
                        "--perspectives", str(size), "--participants", str(size * 3 // 10),
                        "--votes", str(size * 20)], check=True, env=_env(folder))
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([PYTHON, "-m", "dialog", "import-polis", str(export), "--json"],
                       check=True, env=_env(folder), capture_output=True)
    started = time.perf_counter()
    subprocess.run([PYTHON, __file__, "--map-only", str(folder)], check=True,
                   env=_env(folder, analysis_path))
    return folder, time.perf_counter() - started


def store_map(folder: Path) -> None:
    """Compute and store the process's map (what the console and publishing read)."""
    from dialog.cli.context import bound_settings
    from dialog.extensions import db
    from dialog.models import Process
    from phases.inventering.map.analysis_runs import refresh

    bound_settings()
    with db.transaction() as session:
        process = session.get(Process, 1)
        assert process is not None
        refresh(session, process)


def measure(folder: Path) -> dict[str, float]:
    """Publish once and read the page; runs in a process of its own (peak memory)."""
    from sqlalchemy import select

    from dialog.config import Settings
    from dialog.extensions import db
    from dialog.models import Process, PublicationFile
    from dialog.publication import publish
    from dialog.web.app import create_app

    app = create_app(Settings.from_env())
    out: dict[str, float] = {}
    with app.app_context():
        started, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
        with db.transaction() as session:
            process = session.get(Process, 1)
            assert process is not None
            made = publish(session, process, None)
            slug, publication_id = process.slug, made.id
            out["publish_s"] = time.perf_counter() - started
            out["publish_cpu_s"] = time.process_time() - cpu
            committing = time.time()
        out["with_files_s"] = time.perf_counter() - started
        # CPU of everything, the PDF renderer's child processes included.
        out["with_files_cpu_s"] = time.process_time() - cpu + _children_cpu() - children
        with db.transaction() as session:
            files = session.execute(select(PublicationFile.name, PublicationFile.locale,
                                           PublicationFile.size, PublicationFile.built_at)
                                    .where(PublicationFile.publication_id == publication_id)
                                    .order_by(PublicationFile.built_at)).all()
        previous = committing
        for name, locale, size, built_at in files:
            if name.endswith(".json"):
                continue
            key = name.replace(".", "_") + (f"_{locale}" if locale else "")
            stamp = built_at.timestamp()
            out[f"{key}_s"], out[f"{key}_bytes"] = stamp - previous, size
            previous = stamp
        client = app.test_client()
        for label, path in (("page", f"/p/{slug}"), ("page100", f"/p/{slug}?page=100"),
                            ("search", f"/p/{slug}?q=buss+linje")):
            times, cpu_times, size = [], [], 0
            for attempt in range(6):  # the first reads and parses the version's parts
                began, cpu_began = time.perf_counter(), time.process_time()
                response = client.get(path, headers={"Host": "127.0.0.1"})
                assert response.status_code == 200, response.status_code
                if attempt:
                    times.append(time.perf_counter() - began)
                    cpu_times.append(time.process_time() - cpu_began)
                size = len(response.data)
            out[f"{label}_ms"], out[f"{label}_bytes"] = statistics.median(times) * 1000, size
            out[f"{label}_cpu_ms"] = statistics.median(cpu_times) * 1000
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,5000,10000")
    parser.add_argument("--work", type=Path, default=Path("/tmp/dialog-bench-publish"))
    parser.add_argument("--analysis-path", default=None)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--map-only", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--measure-only", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.map_only:
        store_map(args.map_only)
        return
    if args.measure_only:
        print(json.dumps(measure(args.measure_only)))
        return
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        folder, map_s = prepare(size, args.work, args.analysis_path)
        done = subprocess.run([PYTHON, __file__, "--measure-only", str(folder)], check=True,
                              env=_env(folder), capture_output=True, text=True)
        row = {"perspectives": size, "map_s": map_s, **json.loads(done.stdout.splitlines()[-1]),
               "load": os.getloadavg()[0]}
        rows.append(row)
        print(json.dumps(row), flush=True)
    table = render(rows)
    print(table)
    if args.out:
        args.out.write_text(table + "\n", encoding="utf-8")


def render(rows: list[dict[str, float]]) -> str:
    head = ("| perspectives | publish (s) | publish CPU (s) | data.zip (s) | report.pdf sv (s) "
            "| publish + files (s) | publish + files CPU (s) "
            "| page 1 (kB, ms, CPU ms) | page 100 (ms) | search (ms, CPU ms) "
            "| PDF (kB) | ZIP (kB) | peak RSS (MB) | load |")
    lines = [head, "|" + "---|" * 14]
    for r in rows:
        lines.append(
            f"| {r['perspectives']:,} | {r['publish_s']:.1f} | {r['publish_cpu_s']:.1f} "
            f"| {r.get('data_zip_s', 0):.1f} "
            f"| {r.get('report_pdf_sv_s', 0):.1f} "
            f"| {r['with_files_s']:.1f} | {r['with_files_cpu_s']:.1f} "
            f"| {r['page_bytes'] / 1000:.0f}, {r['page_ms']:.0f}, {r['page_cpu_ms']:.0f} "
            f"| {r['page100_ms']:.0f} | {r['search_ms']:.0f}, {r['search_cpu_ms']:.0f} "
            f"| {r.get('report_pdf_sv_bytes', 0) / 1000:.0f} "
            f"| {r.get('data_zip_bytes', 0) / 1000:.0f} | {r['peak_rss_mb']:.0f} "
            f"| {r['load']:.1f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()

"""The command line starts fast: `dialog --help` loads no scientific or web stack.

Checked by what a fresh interpreter has imported, not by timing (timings vary on a shared
machine); `bench/bench_cli.py` measures the time.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

HEAVY = ("numpy", "scipy", "sklearn", "networkx", "weasyprint", "flask_socketio", "flask",
         "sqlalchemy", "pandas")

PROBE = """
import contextlib, io, json, sys
sys.argv = ["dialog", *{args!r}]
from dialog.cli import cli
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    cli(prog_name="dialog")
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def loaded_after(*args: str) -> list[str]:
    code = PROBE.format(args=list(args), heavy=HEAVY)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, check=True, timeout=60)
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("args", [("--help",), ("analyze", "--help"), ("serve", "--help"),
                                  ("worker", "--help"),
                                  ("import-polis", "--help"), ("--version",)],
                         ids=" ".join)
def test_help_and_version_import_nothing_heavy(args):
    assert loaded_after(*args) == []


def test_serving_loads_the_analysis_libraries_before_the_first_analysis():
    code = ("import sys; from dialog.analysis.warmup import load_libraries; load_libraries(); "
            "print(all(m in sys.modules for m in ('numpy', 'sklearn.cluster', 'networkx')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, check=True, timeout=60)
    assert done.stdout.strip() == "True"
    serve = (ROOT / "dialog" / "cli" / "serve.py").read_text(encoding="utf-8")
    assert "load_libraries()" in serve

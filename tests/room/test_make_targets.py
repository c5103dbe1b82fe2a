"""``make run`` installs what running needs, ``make test`` what testing needs too (issue 12,
point 1). Read with ``make -n`` (print, run nothing) against a virtual environment that does
not exist, so every step shows."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def planned(target: str, tmp_path: Path, *extra: str) -> str:
    if shutil.which("make") is None:
        pytest.skip("no make on this machine")
    done = subprocess.run(["make", "-n", target, f"VENV={tmp_path / 'venv'}", *extra],
                          cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    return done.stdout


def test_make_run_installs_only_what_running_needs(tmp_path: Path) -> None:
    steps = planned("run", tmp_path)
    assert "pip install --quiet -e ." in steps
    assert "[dev]" not in steps
    assert "serve --host 127.0.0.1 --port 5000" in steps


def test_make_run_host_0000_serves_the_room(tmp_path: Path) -> None:
    steps = planned("run", tmp_path, "HOST=0.0.0.0")
    assert "demo --if-empty --host 0.0.0.0 --port 5000" in steps
    assert "serve --host 0.0.0.0 --port 5000" in steps


def test_make_test_installs_the_test_tools(tmp_path: Path) -> None:
    steps = planned("test", tmp_path)
    assert "-e '.[dev]'" in steps
    assert "pytest" in steps

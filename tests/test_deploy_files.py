"""The shipped deploy files agree with each other (docs/operations.md copies them as they are)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def example_trusted_hosts() -> list[str]:
    env = (ROOT / "deploy/dialog.env.example").read_text()
    line = re.search(r"^DIALOG_TRUSTED_HOSTS=(.*)$", env, re.MULTILINE)
    assert line is not None
    return [name.strip() for name in line.group(1).split(",")]


def test_haproxys_health_check_names_a_trusted_host():
    """With DIALOG_TRUSTED_HOSTS set, a check without that Host is refused and every process
    would be marked down."""
    config = (ROOT / "deploy/haproxy/dialog.cfg").read_text()
    check = re.search(r"^\s*http-check send .*\bhdr Host (\S+)", config, re.MULTILINE)
    assert check is not None, "the health check sends no Host"
    assert check.group(1) in example_trusted_hosts()


def test_nginx_serves_the_trusted_host():
    config = (ROOT / "deploy/nginx/dialog.conf").read_text()
    names = re.search(r"^\s*server_name (.+);", config, re.MULTILINE)
    assert names is not None
    assert set(names.group(1).split()) <= set(example_trusted_hosts())


def test_stopping_the_worker_lets_its_current_job_finish():
    """systemd's default sends SIGTERM to the work horse too, which dies mid-job."""
    unit = (ROOT / "deploy/systemd/dialog-worker.service").read_text()
    assert re.search(r"^KillMode=mixed$", unit, re.MULTILINE)

"""`dialog worker` does once, before it forks work horses, what every job would do first."""

from __future__ import annotations

import subprocess
import sys

from tests.realserver import ROOT

CHECK = """
from dialog.models import Base
from dialog.cli.worker import warm_up
assert Base.registry._new_mappers, "mappers configured before the warm-up"
warm_up()
assert not Base.registry._new_mappers, "mappers not configured by the warm-up"
"""


def test_the_worker_sets_up_the_orm_and_the_libraries_before_forking():
    done = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr

"""`dialog worker` does once, before it forks work horses, what every job would do first,
and nothing a forked horse cannot live with."""

from __future__ import annotations

import subprocess
import sys

from tests.realserver import ROOT

WARM_UP = """
from dialog.models import Base
from dialog.cli.worker import warm_up
assert Base.registry._new_mappers, "mappers configured before the warm-up"
warm_up()
assert not Base.registry._new_mappers, "mappers not configured by the warm-up"
"""

#: A horse forked after the warm-up runs k-means (OpenMP) and exits; None if it hung.
HORSE = WARM_UP + """
import multiprocessing, sys

def horse():
    import numpy as np
    from sklearn.cluster import KMeans
    KMeans(2, n_init=1, random_state=0).fit(np.random.default_rng(0).random((50, 2)))
    sys.exit(0)

child = multiprocessing.get_context("fork").Process(target=horse)
child.start()
child.join(60)
if child.exitcode is None:
    child.kill()
print(child.exitcode)
"""


def run(script: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=180, check=False)


def test_the_worker_sets_up_the_orm_before_forking():
    done = run(WARM_UP)
    assert done.returncode == 0, done.stderr


def test_a_horse_forked_after_the_warm_up_can_cluster_and_exit():
    done = run(HORSE)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-1] == "0", "the forked horse hung in k-means (OpenMP)"

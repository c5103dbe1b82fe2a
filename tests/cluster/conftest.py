"""The cluster tests need PostgreSQL 15, Redis, nginx and HAProxy binaries (Debian's).

They start private servers of their own (``tests/cluster/services.py``), never touching the
machine's shared PostgreSQL and Redis, and skip, saying what is missing, where a binary is
absent. ``make test-faults`` runs them (they are marked ``faults``: several real processes
each, best run alone on a 2-core machine).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.cluster.cluster import Cluster, start_cluster
from tests.cluster.services import missing


def running_cluster() -> Iterator[Cluster]:
    """Start a cluster (skip when its programs are missing); stop it afterwards."""
    lacking = missing()
    if lacking:
        pytest.skip(f"the cluster tests need {', '.join(lacking)} (apt-get install "
                    "postgresql redis-server nginx haproxy)")
    running = start_cluster()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    yield from running_cluster()

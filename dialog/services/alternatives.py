"""Moved to ``phases.konkretisering.alternatives`` (a stub for publication)."""

from phases.konkretisering.alternatives import *  # noqa: F403

"""Moved to ``phases.konkretisering.proposals`` (a stub for publication)."""

from phases.konkretisering.proposals import *  # noqa: F403

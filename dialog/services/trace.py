"""Moved to ``phases.konkretisering.trace`` (a stub for publication)."""

from phases.konkretisering.trace import *  # noqa: F403

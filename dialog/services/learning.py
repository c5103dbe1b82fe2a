"""Kept only for publication's ``learning_section`` until it reads the phase through
``Phase.produce()``: lärande samtal lives in :mod:`phases.larande_samtal`."""

from phases.larande_samtal.learning import indicators

__all__ = ["indicators"]

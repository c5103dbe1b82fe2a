"""Kept only for publication's ``learning_section`` until it reads the phase through
``Phase.produce()``: lärande samtal lives in :mod:`phases.larande_samtal`."""

from phases.larande_samtal.rounds import rounds_of_process
from phases.larande_samtal.schemas import RoundOut

round_to_dict = RoundOut.dump

__all__ = ["round_to_dict", "rounds_of_process"]

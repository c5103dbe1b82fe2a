"""Moved to ``phases.konkretisering.proposals`` (a stub for publication)."""

from phases.konkretisering.proposals import *  # noqa: F403
from phases.konkretisering.schemas import ProposalOut

#: Publication's ``proposals_section`` still reads proposals through this name.
proposal_to_dict = ProposalOut.dump

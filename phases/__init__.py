"""The phases of medskapande dialog, one package each, listed once and in the method's order.

``PHASES`` maps each phase's kind to the object that keeps the ``Phase`` contract
(:mod:`dialog.phasing.contract`); its order is the method's order, which the kernel's phase
machinery (:mod:`dialog.phasing.service`) follows. Add a phase by writing its package and
listing it here.
"""

from __future__ import annotations

from dialog.models import PhaseKind
from dialog.phasing.contract import Phase
from phases.inventering import Inventering
from phases.konkretisering import Konkretisering
from phases.larande_samtal import LarandeSamtal

PHASES: dict[PhaseKind, Phase] = {
    phase.kind: phase for phase in (Inventering(), LarandeSamtal(), Konkretisering())
}


def phase_for(kind: PhaseKind | str) -> Phase:
    """Return the implementation of a phase kind."""
    return PHASES[PhaseKind(kind)]


__all__ = ["PHASES", "phase_for"]

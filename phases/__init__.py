"""The phases of medskapande dialog, one module each, listed explicitly.

``PHASES`` maps each ``PhaseKind`` to the object that implements the ``Phase`` contract
(``phases/base.py``). Add a phase by writing its module and listing it here.
"""

from __future__ import annotations

from dialog.models import PhaseKind
from phases.base import Control, Phase, PhoneScreen
from phases.inventering import Inventering
from phases.konkretisering import Konkretisering
from phases.larande_samtal import LarandeSamtal

PHASES: dict[PhaseKind, Phase] = {
    PhaseKind.INVENTERING: Inventering(),
    PhaseKind.LARANDE_SAMTAL: LarandeSamtal(),
    PhaseKind.KONKRETISERING: Konkretisering(),
}


def phase_for(kind: PhaseKind | str) -> Phase:
    """Return the implementation of a phase kind."""
    return PHASES[PhaseKind(kind)]


__all__ = ["PHASES", "Control", "Phase", "PhoneScreen", "phase_for"]

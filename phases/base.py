"""Kept for phase modules not yet moved: the contract lives in :mod:`dialog.phasing.contract`."""

from dialog.phasing.contract import Control, Phase, PhoneScreen

__all__ = ["Control", "Phase", "PhoneScreen"]

"""Result schemas of the kernel's objects, shared by every phase and face."""

from __future__ import annotations

from dialog.schemas.core import PerspectiveOut, PhaseOut, ProcessOut, WorkshopOut

__all__ = ["PerspectiveOut", "PhaseOut", "ProcessOut", "WorkshopOut"]

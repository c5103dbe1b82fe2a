"""Inputs many actions share: nothing at all, or the process they act on."""

from __future__ import annotations

from dialog.actions.fields import Id
from dialog.actions.schema import Input


class NoInput(Input):
    """An action that needs nothing beyond who calls it."""


class OfProcess(Input):
    """Acts on a process (usually the action's target)."""

    process_id: Id

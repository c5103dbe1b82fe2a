"""A phase round as the phase API, ``phase:changed`` and the phone's screen show it."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from dialog.actions.schema import Output
from dialog.schemas import PhaseOut


class ProcessPhaseOut(PhaseOut):
    """A phase round with its process (a process may return to a phase in a new round)."""

    process_id: int


class PhaseList(Output):
    process_id: int
    phases: list[ProcessPhaseOut]
    current: ProcessPhaseOut | None


class ControlOut(Output):
    name: str
    label_key: str
    target: str


class PhaseDetail(ProcessPhaseOut):
    """A phase with the facilitator's controls and what it has produced so far."""

    controls: list[ControlOut] = Field(default_factory=list)
    produced: dict[str, Any] = Field(default_factory=dict)


class ScreenOut(Output):
    """Where the phone goes: ``url`` (null while waiting with no workshop)."""

    template: str | None = None
    url: str | None = None
    notice: str | None = None
    #: The page's Flask endpoint and workshop; the web face turns them into ``url``.
    endpoint: str | None = Field(default=None, exclude=True)
    workshop_id: int | None = Field(default=None, exclude=True)


class MyScreen(Output):
    phase: ProcessPhaseOut | None
    waiting: bool
    screen: ScreenOut

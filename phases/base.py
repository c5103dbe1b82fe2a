"""The ``Phase`` contract: what one phase of the method shows, offers and produces.

A phase says three things:

* ``phone_screen``: what a participant's phone shows while the phase is open;
* ``controls``: which controls the facilitator has in this phase;
* ``produce``: what the phase produced, as plain data for the next phase and the report.

Each phase of the method is one module in ``phases/``; ``phases.PHASES`` lists them
explicitly. Phases are stateless objects; state lives in the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from sqlalchemy.orm import Session

from dialog.models import Participant, PhaseKind
from dialog.models import Phase as PhaseRecord

if TYPE_CHECKING:
    from flask import Flask
    from flask_socketio import SocketIO


@dataclass(frozen=True)
class PhoneScreen:
    """A template for the phone and the data it needs."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Control:
    """One facilitator control: a stable name, a translation key and where it acts."""

    name: str
    label_key: str
    #: URL path (may contain ``{process_id}`` / ``{phase_id}``) the control posts to or opens.
    target: str


@runtime_checkable
class Phase(Protocol):
    """One phase of the method (inventering, lärande samtal, konkretisering)."""

    kind: ClassVar[PhaseKind]
    #: Translation key of the phase's name, e.g. ``"phases.inventering.name"``.
    name_key: ClassVar[str]

    def phone_screen(
        self, session: Session, phase: PhaseRecord, participant: Participant
    ) -> PhoneScreen:
        """What the participant's phone shows in this phase."""
        ...

    def controls(self, phase: PhaseRecord) -> list[Control]:
        """The facilitator's controls in this phase."""
        ...

    def produce(self, session: Session, phase: PhaseRecord) -> dict[str, Any]:
        """What the phase produced so far, as JSON-serialisable data."""
        ...

    def install(self, app: Flask, socketio: SocketIO, namespace: str) -> None:
        """Attach the phase's pages, API routes and live events to the app."""
        ...

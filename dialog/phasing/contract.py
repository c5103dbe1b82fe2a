"""The ``Phase`` contract: the one way the kernel and publication reach a phase.

A phase says what a participant's phone shows while it is open (``phone_screen``), which
controls the facilitator has (``controls``; the first one that is a console page is where
the console goes when the phase opens), what it produced (``produce``, for the phase API and
the report), and how it attaches its pages, API routes and live events (``install``). Its
name is the translation ``name_key``. Each phase is a package in ``phases/``;
``phases.PHASES`` lists them, in the method's order. Phases are stateless objects; state
lives in the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from sqlalchemy.orm import Session

from dialog.models import Participant, PhaseKind, Workshop
from dialog.models import Phase as PhaseRecord

if TYPE_CHECKING:
    from flask import Flask
    from flask_socketio import SocketIO


@dataclass(frozen=True)
class PhoneScreen:
    """The phone's screen in a phase: its template (answered by ``GET /me/screen`` as
    ``screen.template``) and data; ``context["endpoint"]`` names the page to go to."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Control:
    """One facilitator control: a stable name, a translation key and where it acts."""

    name: str
    label_key: str
    #: URL path (may contain ``{process_id}`` / ``{phase_id}``) the control posts to or opens.
    target: str


@dataclass(frozen=True)
class WallPart:
    """What the room's wall shows while a phase is open: a template (``templates/<phase>/``)
    and its data. The kernel's wall shell around it keeps the join address, the pause
    screen and follows ``phase:changed``.

    A part that is redrawn by the server names the Socket.IO event that lets the wall follow
    the process (``watch``: event and body) and the events after which it asks for itself
    again (``refresh_on``); a part with a script of its own names it (``script``, a path
    under ``static/``) and draws itself.
    """

    template: str
    context: dict[str, Any] = field(default_factory=dict)
    watch: tuple[str, dict[str, Any]] | None = None
    refresh_on: tuple[str, ...] = ()
    script: str | None = None


@runtime_checkable
class HasWall(Protocol):
    """A phase that shows something of its own on the room's wall (optional)."""

    def wall(self, session: Session, phase: PhaseRecord, workshop: Workshop) -> WallPart:
        """The wall's part while this phase is open in ``workshop``."""
        ...


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

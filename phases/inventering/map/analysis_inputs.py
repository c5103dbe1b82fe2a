"""Read what the analysis needs from the database: approved perspectives, reactions, links.

Hidden and pending perspectives never reach the analysis, and neither do meta perspectives
(about the conversation, not its question: Polis's ``is-meta``), which Polis leaves out of its
math with the rejected ones. Reactions to them are still read, only to count how many
perspectives were left out: Polis scales the projection of people who voted on few
perspectives by that count, and so does ``dialog.analysis``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dialog.analysis.graph_model import ExplicitLink, PerspectiveInput
from dialog.models import (
    ModerationEvent,
    ModerationStatus,
    Participant,
    Perspective,
    PerspectiveLink,
    Process,
    Reaction,
    StakeholderGroup,
)
from dialog.services.personal_data import redacted_text

Vote = tuple[int, int, int]


@dataclass
class MapInputs:
    """Plain data for ``analyze_opinions`` and ``analyze_map``; ids are database ids."""

    process_id: int
    language: str
    stakeholder_groups: list[str]
    perspectives: list[PerspectiveInput]
    links: list[ExplicitLink]
    #: Every reaction in the process as (participant, perspective, vote).
    votes: list[Vote]
    texts: dict[int, str] = field(default_factory=dict)

    @property
    def perspective_ids(self) -> list[int]:
        return [int(p.id) for p in self.perspectives]  # type: ignore[call-overload]

    def approved_votes(self) -> list[Vote]:
        """Return the reactions to approved perspectives only."""
        approved = set(self.texts)
        return [v for v in self.votes if v[1] in approved]


def load_inputs(session: Session, process: Process) -> MapInputs:
    """Load a process's approved perspectives, all reactions and the links between them."""
    rows = session.execute(
        select(Perspective.id, Perspective.text, Perspective.personal_data, Perspective.kind,
               StakeholderGroup.name, Perspective.participant_id, Perspective.source)
        .outerjoin(StakeholderGroup, Perspective.stakeholder_group_id == StakeholderGroup.id)
        .where(Perspective.process_id == process.id,
               Perspective.status == ModerationStatus.APPROVED,
               Perspective.is_meta.is_(False))
        .order_by(Perspective.id)
    ).all()
    # The map is shown in the room (the projector) and names its themes from these texts:
    # what the guard flagged stays redacted even when a facilitator approved it anyway.
    perspectives = [
        PerspectiveInput(id=pid, text=redacted_text(text, flagged), kind=kind.value,
                         stakeholder_group=group, participant_id=author, source=source)
        for pid, text, flagged, kind, group, author, source in rows
    ]
    texts = {p.id: p.text for p in perspectives}
    # Core rows and no ORDER BY: one row per participant and perspective, and the analysis
    # does not depend on their order; this is the largest read (49,000 rows for vTaiwan).
    votes = session.connection().execute(
        select(Reaction.participant_id, Reaction.perspective_id, Reaction.vote)
        .where(Reaction.process_id == process.id)
    ).all()
    links = [
        ExplicitLink(source, target, relation.value)
        for source, target, relation in session.execute(
            select(PerspectiveLink.source_id, PerspectiveLink.target_id, PerspectiveLink.relation)
            .where(PerspectiveLink.process_id == process.id)
            .order_by(PerspectiveLink.id)
        ).all()
        if source in texts and target in texts
    ]
    groups = [g.name for g in process.stakeholder_groups]
    return MapInputs(process.id, process.language, groups, perspectives, links,
                     votes, texts)  # type: ignore[arg-type]  # Rows are (int, int, int) tuples


def fingerprint(session: Session, process: Process, seed: int = 0) -> str:
    """Return a digest that changes whenever anything the analysis reads changes."""
    approved = session.execute(
        select(func.count(Perspective.id), func.sum(Perspective.id), func.max(Perspective.id))
        .where(Perspective.process_id == process.id,
               Perspective.status == ModerationStatus.APPROVED,
               Perspective.is_meta.is_(False))
    ).one()
    reactions = session.execute(
        select(func.count(Reaction.id), func.sum(Reaction.vote), func.max(Reaction.id),
               func.max(Reaction.updated_at))
        .where(Reaction.process_id == process.id)
    ).one()
    links = session.execute(
        select(func.count(PerspectiveLink.id), func.max(PerspectiveLink.id))
        .where(PerspectiveLink.process_id == process.id)
    ).one()
    # A redaction edits an approved perspective's text without changing any count above.
    decisions = session.scalar(select(func.max(ModerationEvent.id))
                               .where(ModerationEvent.process_id == process.id))
    groups = tuple(g.name for g in process.stakeholder_groups)
    # Perspectives and groups are counted per status above, so approving, hiding or
    # restoring one changes the digest; reacting again moves max(updated_at).
    text = repr((tuple(approved), tuple(reactions), tuple(links), groups, process.language,
                 seed, decisions))
    return hashlib.sha256(text.encode()).hexdigest()


def participant_labels(session: Session, process_id: int) -> dict[int, int | str]:
    """Map participant ids to the ids of the import (e.g. Polis voter-ids), ints if all are.

    In a process without imported participants the labels are the database ids; in a mixed
    one, participants who joined live are labelled ``dialog-<id>`` so labels never collide.
    """
    rows = session.execute(
        select(Participant.id, Participant.external_id).where(
            Participant.process_id == process_id)
    ).all()
    imported = any(ext is not None for _pid, ext in rows)
    labels: dict[int, str] = {
        pid: ext if ext is not None else (f"dialog-{pid}" if imported else str(pid))
        for pid, ext in rows
    }
    if all(_is_int(v) for v in labels.values()):
        return {pid: int(v) for pid, v in labels.items()}
    return dict(labels)


def _is_int(text: str) -> bool:
    return text.lstrip("-").isdigit()

"""Which perspective a phone shows next: Polis's comment priority, drawn with a seeded RNG.

Priorities come from the latest analysis (``AnalysisSnapshot.priorities``): few-seen,
agreeable and group-informative perspectives first. A perspective newer than that analysis
gets the priority of one nobody has seen yet, which is the highest novelty boost. The draw
is seeded by the participant and how many reactions they have given, so the same state
always offers the same perspective (a reload does not reshuffle).

A room of a thousand phones asks for a card several hundred times a second, so the deck of
a process (its approved perspectives with their authors, and the priorities) is kept per
server process (``decks``) and read again only when one cheap query says it changed.
"""

from __future__ import annotations

import random
from collections.abc import Hashable

import numpy as np
from sqlalchemy.orm import Session, joinedload

from dialog.analysis.priority import choose_next, priority
from dialog.models import Participant, Perspective
from phases.inventering.map.decks import Deck, decks
from phases.inventering.map.reactions import reacted_perspective_ids

#: Priority of a perspective nobody has reacted to yet (no votes, no extremity known).
UNSEEN_PRIORITY = float(priority(*(np.zeros(1),) * 4)[0])


def queue_for(session: Session, participant: Participant,
              reacted: set[int] | None = None, deck: Deck | None = None) -> list[int]:
    """Return the ids of approved perspectives the participant has not met, oldest first.

    Their own perspectives are left out: nobody is asked to react to what they wrote.
    """
    if reacted is None:
        reacted = reacted_perspective_ids(session, participant)
    deck = deck or decks.of(session, participant.process_id)
    return [pid for pid, author in deck.approved.items()
            if pid not in reacted and (author is None or author != participant.id)]


def next_perspective(session: Session, participant: Participant) -> tuple[Perspective | None, int]:
    """Return the perspective to show next (or None when done) and how many remain."""
    reacted = reacted_perspective_ids(session, participant)
    deck = decks.of(session, participant.process_id)
    queue = queue_for(session, participant, reacted, deck)
    if not queue:
        return None, 0
    stored = deck.priorities
    weights: dict[Hashable, float] = {
        pid: stored.get(str(pid), UNSEEN_PRIORITY) for pid in queue}
    rng = random.Random(f"{participant.id}:{len(reacted)}")
    chosen = choose_next(weights, set(), rng)
    # The card shows its stakeholder group: load it in the same query.
    card = session.get(Perspective, chosen, options=[joinedload(Perspective.stakeholder_group)])
    return card, len(queue)

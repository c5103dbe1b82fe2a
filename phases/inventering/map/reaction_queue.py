"""Which perspective a phone shows next: Polis's comment priority, drawn with a seeded RNG.

Priorities come from the latest analysis (``AnalysisSnapshot.priorities``): few-seen,
agreeable and group-informative perspectives first. A perspective newer than that analysis
gets the priority of one nobody has seen yet, which is the highest novelty boost. A meta
perspective (about the conversation itself; left out of the analysis) gets Polis's fixed
``META_PRIORITY``, about ten times that, so most phones meet it first. The draw
is seeded by the participant and how many reactions they have given, so the same state
always offers the same perspective (a reload does not reshuffle).

A room of a thousand phones asks for a card several hundred times a second, so the deck of
a process (its approved perspectives with their authors, and the priorities) is kept per
server process (``decks``) and read again only when one cheap query says it changed. A draw
costs the same however many perspectives the room wrote (``Deck.draw``), and each card is
read from the database once per deck.
"""

from __future__ import annotations

import random

import numpy as np
from sqlalchemy.orm import Session, joinedload

from dialog.analysis.priority import priority
from dialog.models import Perspective
from phases.inventering.map.decks import decks
from phases.inventering.map.reactions import Reader, reacted_perspective_ids
from phases.inventering.map.schemas import PhonePerspective

#: Priority of a perspective nobody has reacted to yet (no votes, no extremity known).
UNSEEN_PRIORITY = float(priority(*(np.zeros(1),) * 4)[0])


def next_perspective(session: Session, participant: Reader
                     ) -> tuple[PhonePerspective | None, int]:
    """Return the card to show next (or None when done) and how many remain."""
    if participant.process_id is None:  # no phone of a process: nothing to offer
        return None, 0
    reacted = reacted_perspective_ids(session, participant)
    deck = decks.of(session, participant.process_id)
    rng = random.Random(f"{participant.id}:{len(reacted)}")
    chosen, remaining = deck.draw(participant.id, reacted, UNSEEN_PRIORITY, rng)
    if chosen is None:
        return None, 0
    card = deck.cards.get(chosen)
    if card is None:
        # The card shows its stakeholder group: load it in the same query.
        found = session.get(Perspective, chosen,
                            options=[joinedload(Perspective.stakeholder_group)])
        card = deck.cards[chosen] = PhonePerspective.model_validate(found, from_attributes=True)
    return card, remaining

"""The deck of each process, kept in memory: approved perspectives (oldest first) and priorities.

Reading every approved perspective and the priority table for each reaction made a full room
wait on the database. A deck is read once and then checked with one small query (how many
approved perspectives, the newest one, the newest moderation, when the analysis ran): only a
change reads it again. Perspectives approved in this process are added to the deck at once
(from the domain events), so the check rarely finds anything to reload. Another server
process's changes are seen at the next check, since the check reads the database. Under a
real server (``recheck_seconds`` set by ``map.live``) the check itself runs at most twice a
second per process; a change made in this process is applied by its event at once.
"""

from __future__ import annotations

import random
import threading
import time
from bisect import bisect_right
from collections.abc import Hashable
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dialog import events
from dialog.analysis.priority import META_PRIORITY, choose_next
from dialog.models import (
    AnalysisSnapshot,
    GroupChange,
    ModerationEvent,
    ModerationStatus,
    Perspective,
)

Stamp = tuple[Any, ...]
#: Draws from the whole deck before falling back to listing what a phone has left.
TRIES = 32


@dataclass
class Deck:
    stamp: Stamp
    #: When the stamp was last compared with the database (``time.monotonic``).
    checked: float = 0.0
    #: Approved perspective id -> its author's participant id (None: a facilitator's), by id.
    approved: dict[int, int | None] = field(default_factory=dict)
    #: The latest analysis's priorities (perspective id as a string -> weight).
    priorities: dict[str, float] = field(default_factory=dict)
    #: A card as phones show it, by perspective id (read once; a moderation, a group change
    #: or another analysis reads the deck again).
    cards: dict[int, Any] = field(default_factory=dict)
    #: For drawing (None: build again when next needed).
    table: Table | None = None
    #: Approved meta perspectives (about the conversation itself, e.g. from a Polis import):
    #: drawn at Polis's fixed ``META_PRIORITY`` instead of the analysis's priority.
    meta: frozenset[int] = frozenset()

    def draw(self, participant_id: int, skip: set[int], unseen: float,
             rng: random.Random) -> tuple[int | None, int]:
        """Draw a card for a participant (or None) and say how many remain for them.

        ``skip``: what they reacted to. Their own perspectives are never offered. Each
        remaining perspective is drawn with probability proportional to its priority
        (``unseen`` for one newer than the analysis), as ``choose_next`` would, but without
        listing the whole deck for each reaction: a draw from all of it is kept unless it is
        one to skip, and only a phone with little left falls back to listing.
        """
        table = self._table(unseen)
        left = {pid for pid in skip if pid in self.approved} | table.own.get(participant_id, set())
        remaining = len(self.approved) - len(left)
        if remaining <= 0:
            return None, 0
        ids, totals = table.ids, table.totals
        if totals and totals[-1] > 0:
            for _ in range(TRIES):
                index = bisect_right(totals, rng.random() * totals[-1])
                if index < len(ids) and ids[index] not in left:
                    return ids[index], remaining
        weights: dict[Hashable, float] = {
            pid: self._weight(pid, unseen) for pid in ids if pid not in left}
        chosen = choose_next(weights, set(), rng)
        return (chosen if isinstance(chosen, int) else None), remaining

    def _weight(self, pid: int, unseen: float) -> float:
        if pid in self.meta:
            return META_PRIORITY
        return max(float(self.priorities.get(str(pid), unseen)), 0.0)

    def _table(self, unseen: float) -> Table:
        table = self.table
        if table is None:
            ids = list(self.approved)
            weights = (self._weight(pid, unseen) for pid in ids)
            own: dict[int, set[int]] = {}
            for pid, author in self.approved.items():
                if author is not None:
                    own.setdefault(author, set()).add(pid)
            table = self.table = Table(ids, list(accumulate(weights)), own)
        return table


@dataclass(frozen=True)
class Table:
    """A deck ready to draw from: ids by age, running totals of weights, ids by author."""

    ids: list[int]
    totals: list[float]
    own: dict[int, set[int]]


class Decks:
    """The decks of this server process, one per process (workshop series)."""

    def __init__(self) -> None:
        self._decks: dict[int, Deck] = {}
        self._lock = threading.Lock()
        self.loads = 0
        #: Trust a deck this long without asking the database (0: ask every time).
        self.recheck_seconds = 0.0

    def of(self, session: Session, process_id: int) -> Deck:
        """Return the process's deck, read again only if the database says it changed."""
        now = time.monotonic()
        with self._lock:
            deck = self._decks.get(process_id)
            if deck is not None and now - deck.checked < self.recheck_seconds:
                return deck
        stamp = _stamp(session, process_id)
        with self._lock:
            deck = self._decks.get(process_id)
            if deck is not None and deck.stamp == stamp:
                deck.checked = now
                return deck
        deck = _load(session, process_id, stamp)
        deck.checked = now
        with self._lock:
            _keep_cards(self._decks.get(process_id), deck)
            self._decks[process_id] = deck
            self.loads += 1
        return deck

    def forget(self, process_id: int | None = None) -> None:
        with self._lock:
            if process_id is None:
                self._decks.clear()
            else:
                self._decks.pop(process_id, None)

    def changed(self, perspective: dict[str, Any]) -> None:
        """A perspective was stored or moderated (and committed): update its deck in place."""
        process_id, pid = perspective.get("process_id"), perspective.get("id")
        if not isinstance(process_id, int) or not isinstance(pid, int):
            return
        with self._lock:
            deck = self._decks.get(process_id)
            if deck is None:
                return
            count, newest, authors, *rest = deck.stamp
            approved = perspective.get("status") == ModerationStatus.APPROVED.value
            if approved and pid not in deck.approved and pid > (newest or 0) and not \
                    perspective.get("previous_status"):
                # A new approved perspective: add it, and stamp the deck as the database
                # now stands, so the next check finds nothing to read again.
                author = perspective.get("participant_id")
                deck.approved[pid] = author
                deck.table = None
                deck.stamp = (count + 1, pid, (authors or 0) + (author or 0), *rest)
            elif not approved and pid not in deck.approved:
                return  # a pending or hidden new perspective changes nothing here
            else:
                del self._decks[process_id]  # moderated: read again at the next check


def _keep_cards(old: Deck | None, new: Deck) -> None:
    """Carry the cards read for ``old`` over to ``new`` when no moderation and no group
    change came between (each analysis, new priorities, would otherwise read every card
    again): a card's text and group change only with those two."""
    if old is None or (old.stamp[3], old.stamp[5]) != (new.stamp[3], new.stamp[5]):
        return
    new.cards.update((pid, card) for pid, card in old.cards.items() if pid in new.approved)


def _stamp(session: Session, process_id: int) -> Stamp:
    approved = (Perspective.process_id == process_id,
                Perspective.status == ModerationStatus.APPROVED)
    row = session.execute(select(
        select(func.count(Perspective.id)).where(*approved).scalar_subquery(),
        select(func.max(Perspective.id)).where(*approved).scalar_subquery(),
        select(func.sum(Perspective.participant_id)).where(*approved).scalar_subquery(),
        select(func.max(ModerationEvent.id))
        .where(ModerationEvent.process_id == process_id).scalar_subquery(),
        select(AnalysisSnapshot.computed_at)
        .where(AnalysisSnapshot.process_id == process_id).scalar_subquery(),
        select(func.max(GroupChange.id))
        .where(GroupChange.process_id == process_id).scalar_subquery(),
    )).one()
    return tuple(row)


def _load(session: Session, process_id: int, stamp: Stamp) -> Deck:
    rows = session.execute(
        select(Perspective.id, Perspective.participant_id, Perspective.is_meta)
        .where(Perspective.process_id == process_id,
               Perspective.status == ModerationStatus.APPROVED)
        .order_by(Perspective.id)).all()
    priorities = session.scalar(select(AnalysisSnapshot.priorities)
                                .where(AnalysisSnapshot.process_id == process_id))
    return Deck(stamp, approved={pid: author for pid, author, _ in rows},
                priorities=dict(priorities or {}),
                meta=frozenset(pid for pid, _, meta in rows if meta))


decks = Decks()


def _on_submitted(_sender: Any, perspective: dict[str, Any], **_: Any) -> None:
    decks.changed(perspective)


def _on_moderated(_sender: Any, perspective: dict[str, Any], **_: Any) -> None:
    decks.changed({**perspective, "previous_status": "moderated"})


def _on_groups_changed(_sender: Any, process_id: int, **_: Any) -> None:
    decks.forget(process_id)  # the cards show their group's name


# weak=False: module-level handlers live as long as the process.
events.perspective_submitted.connect(_on_submitted, weak=False)
events.perspective_moderated.connect(_on_moderated, weak=False)
events.signals.signal("groups-changed").connect(_on_groups_changed, weak=False)

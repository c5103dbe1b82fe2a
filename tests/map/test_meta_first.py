"""Meta perspectives come early in the reaction deck, at Polis's fixed priority.

A meta perspective (a comment about the conversation itself, kept from a Polis import as
``Perspective.is_meta``) is left out of the analysis, so it has no priority of its own.
Polis gives such comments a fixed priority, ``meta-priority`` 7 squared = 49, about ten
times a comment nobody has seen yet, whatever the votes; the deck does the same, so most
voters meet them first. It costs the deck one set lookup per card when its table is built.
"""

from __future__ import annotations

import random
from collections import Counter

from dialog.analysis.priority import META_PRIORITY
from dialog.extensions import db
from dialog.models import Perspective
from phases.inventering.map.decks import Deck, decks
from phases.inventering.map.reaction_queue import UNSEEN_PRIORITY

NS = "/live"
ME = 7


def test_a_meta_perspective_is_drawn_at_polis_fixed_priority_whatever_the_analysis_says():
    others = {pid: None for pid in range(2, 11)}
    room = Deck(stamp=(), approved={1: None, **others}, meta=frozenset({1}),
                priorities={"1": 0.0, **{str(pid): 1.0 for pid in others}})
    first = Counter(room.draw(ME, set(), UNSEEN_PRIORITY, random.Random(seed))[0]
                    for seed in range(4000))
    assert META_PRIORITY == 49.0
    share = first[1] / 4000
    assert abs(share - 49 / (49 + 9)) < 0.03  # 84 %: the meta card first, most of the time
    # Answered, it is not offered again; the others follow by their priority.
    assert {room.draw(ME, {1}, UNSEEN_PRIORITY, random.Random(s))[0] for s in range(200)} == set(
        others)


def test_a_meta_perspective_outweighs_one_nobody_has_seen():
    assert META_PRIORITY > 9 * UNSEEN_PRIORITY


def test_a_deck_read_from_the_database_knows_its_meta_perspectives(room):
    meta_id = room.perspective_ids[2]
    with db.transaction() as session:
        found = session.get(Perspective, meta_id)
        assert found is not None
        found.is_meta = True  # as dialog import-polis stores an is-meta comment
    decks.forget(room.world.process_id)
    with db.reading() as session:
        assert decks.of(session, room.world.process_id).meta == {meta_id}


def test_most_phones_meet_the_meta_perspective_first(socket_client, join_participant, room):
    meta_id = room.perspective_ids[2]
    with db.transaction() as session:
        found = session.get(Perspective, meta_id)
        assert found is not None
        found.is_meta = True
    decks.forget(room.world.process_id)
    first = Counter()
    for _ in range(16):
        phone = socket_client(join_participant(room.world.join_code))
        ack = phone.emit("vote:next", {}, namespace=NS, callback=True)
        assert ack["ok"] is True, ack
        first[ack["perspective"]["id"]] += 1
    # Five unseen cards: the meta one weighs 49 against about 5 for each of the others.
    assert first.most_common(1)[0][0] == meta_id
    assert first[meta_id] >= 9, first

"""Drawing the next card from a process's deck: never one's own, never one answered, by
priority, and at the same cost however many perspectives the room wrote."""

from __future__ import annotations

import random
from collections import Counter

from phases.inventering.map.decks import Deck

UNSEEN = 1.0
ME = 7


def deck(authors: dict[int, int | None], priorities: dict[int, float] | None = None) -> Deck:
    return Deck(stamp=(), approved=dict(authors),
                priorities={str(pid): weight for pid, weight in (priorities or {}).items()})


def test_a_phone_is_never_offered_its_own_or_one_it_answered():
    room = deck({1: ME, 2: 8, 3: 9, 4: None, 5: ME})
    offered = {room.draw(ME, {2}, UNSEEN, random.Random(seed))[0] for seed in range(200)}
    assert offered == {3, 4}
    assert room.draw(ME, {2}, UNSEEN, random.Random(0))[1] == 2


def test_nothing_is_offered_when_everything_is_answered_or_own():
    room = deck({1: ME, 2: 8})
    assert room.draw(ME, {2}, UNSEEN, random.Random(0)) == (None, 0)


def test_the_same_state_draws_the_same_card():
    room = deck({pid: None for pid in range(1, 500)})
    assert room.draw(ME, {3, 4}, UNSEEN, random.Random("7:2")) == \
        room.draw(ME, {3, 4}, UNSEEN, random.Random("7:2"))


def test_cards_are_drawn_in_proportion_to_their_priority():
    room = deck({1: None, 2: None, 3: None}, {1: 1.0, 2: 3.0, 3: 0.0})
    drawn = Counter(room.draw(ME, set(), UNSEEN, random.Random(seed))[0] for seed in range(4000))
    assert drawn[3] == 0  # no weight: not while anything else remains
    assert 0.70 < drawn[2] / 4000 < 0.80


def test_when_only_cards_without_weight_remain_one_of_them_is_still_offered():
    room = deck({1: None, 2: None, 3: None}, {1: 5.0, 2: 0.0, 3: 0.0})
    assert room.draw(ME, {1}, UNSEEN, random.Random(1))[0] in {2, 3}


def test_a_phone_with_one_card_left_among_many_gets_that_card():
    room = deck({pid: None for pid in range(1, 2001)})
    answered = set(range(1, 2001)) - {1234}
    assert room.draw(ME, answered, UNSEEN, random.Random(0)) == (1234, 1)


def test_a_perspective_approved_since_the_deck_was_read_is_drawn_too():
    room = deck({1: None})
    assert room.draw(ME, set(), UNSEEN, random.Random(0))[0] == 1
    room.approved[2] = 8
    room.table = None  # what Decks.changed does when a perspective is approved here
    assert room.draw(ME, {1}, UNSEEN, random.Random(0)) == (2, 1)


def test_cards_read_for_a_deck_survive_a_new_analysis_but_not_a_moderation():
    """Each analysis (new priorities) reads the deck again; the cards' texts and groups are
    kept unless a moderation or a group change came between."""
    from phases.inventering.map.decks import _keep_cards

    old = Deck(stamp=(2, 2, 0, 5, "analysis 1", None), approved={1: None, 2: None},
               cards={1: "card 1", 2: "card 2"})
    analysed = Deck(stamp=(2, 2, 0, 5, "analysis 2", None), approved={1: None, 2: None})
    _keep_cards(old, analysed)
    assert analysed.cards == {1: "card 1", 2: "card 2"}

    moderated = Deck(stamp=(1, 2, 0, 6, "analysis 2", None), approved={2: None})
    _keep_cards(old, moderated)
    assert moderated.cards == {}

    regrouped = Deck(stamp=(2, 2, 0, 5, "analysis 2", 1), approved={1: None, 2: None})
    _keep_cards(old, regrouped)
    assert regrouped.cards == {}

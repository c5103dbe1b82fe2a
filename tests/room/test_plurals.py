"""Counts read right in Swedish and English: plural forms come from the i18n layer."""

from __future__ import annotations

import re

import pytest

from dialog.i18n import LOCALES, catalogue, is_plural, plural_forms, translate
from tests.room.helpers import log_in

PLURAL_KEYS = sorted({key.rsplit(".", 1)[0] for key in catalogue("sv")
                      if key.endswith(".other") and is_plural(key.rsplit(".", 1)[0])})


def test_there_are_plural_messages():
    assert "ui.dashboard.workshops" in PLURAL_KEYS
    assert len(PLURAL_KEYS) > 20


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("key", PLURAL_KEYS)
@pytest.mark.parametrize("count", [0, 1, 2])
def test_every_plural_message_renders_each_count(key, locale, count):
    params = {name: "x" for name in re.findall(r"\{(\w+)\}", plural_forms(key, locale)["other"])}
    text = translate(key, locale, **{**params, "count": count})
    assert text != key
    assert "{" not in text, text
    assert set(plural_forms(key, locale)) >= {"one", "other"}
    if count != 1:
        assert str(count) in text


@pytest.mark.parametrize(("key", "count", "expected"), [
    ("ui.dashboard.workshops", 0, "0 workshoppar"),
    ("ui.dashboard.workshops", 1, "1 workshop"),
    ("ui.dashboard.workshops", 2, "2 workshoppar"),
    ("ui.dashboard.groups", 1, "1 intressentgrupp"),
    ("mapview.map.counts.themes", 1, "1 tema"),
    ("mapview.map.counts.themes", 2, "2 teman"),
    ("mapview.map.counts.links", 1, "1 koppling mellan perspektiv"),
    ("mapview.map.counts.opinion_groups", 1, "1 åsiktsgrupp"),
    ("konkret.live.voted", 1, "1 röst hittills."),
])
def test_swedish_counts(key, count, expected):
    assert translate(key, "sv", count=count) == expected


@pytest.mark.parametrize(("key", "count", "expected"), [
    ("ui.dashboard.workshops", 1, "1 workshop"),
    ("ui.tally.total", 1, "Sent in so far: 1 perspective, approved or waiting for review."),
    ("publish.themes.size", 2, "2 perspectives"),
])
def test_english_counts(key, count, expected):
    assert translate(key, "en", count=count) == expected


def test_the_dashboard_says_one_workshop(client, world):
    log_in(client, world.facilitator_email)
    page = client.get("/facilitator/").get_data(as_text=True)
    assert "1 workshop" in page
    assert "1 workshoppar" not in page


def test_no_count_is_glued_to_a_plural_noun_outside_the_plural_layer():
    glued = re.compile(r"\{count\} (workshoppar|teman|kopplingar|intressentgrupper|röster"
                       r"|omröstningar|åsiktsgrupper|noteringar)")
    offenders = [key for key, text in catalogue("sv").items()
                 if glued.search(text) and not key.endswith(".other")]
    assert offenders == []


@pytest.mark.parametrize(("key", "wrong"), [
    ("publish.opinions.consensus_against", "nästan alla inte"),
    ("samtal.prompts.understood", "av ett annat perspektiv"),
    ("followup.reflections.understood", "av ett annat perspektiv"),
    ("errors.participant_token_invalid", "token"),
    ("errors.token_not_for_this_process", "token"),
    ("errors.participant_token_not_allowed", "token"),
    ("konkret.phone.intro", "token"),
    ("konkret.phone.minority_heading", " ni "),
])
def test_swedish_that_reads_right(key, wrong):
    assert wrong not in translate(key, "sv")


def test_a_minority_of_one_is_du_and_of_two_ni():
    for key in ("konkret.history.minority_asked", "konkret.loop.minority_asked"):
        one, two = translate(key, "sv", count=1), translate(key, "sv", count=2)
        assert "1 person" in one
        assert "2 personer" in two
    asked = "konkret.history.minority_asked"
    assert " du " in translate(asked, "sv", count=1)
    assert " ni " not in translate(asked, "sv", count=1)
    assert " ni " in translate(asked, "sv", count=2)

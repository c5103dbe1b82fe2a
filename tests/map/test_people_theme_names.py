"""Suggested theme names read like what people wrote, not like keyword stems."""

from __future__ import annotations

import networkx as nx
import pytest

from dialog.analysis.theme_names import central_member, short_phrase


@pytest.mark.parametrize(("text", "name"), [
    ("Parken behöver fler lampor längs gångvägen",
     "Parken behöver fler lampor längs gångvägen"),
    ("Bättre belysning i parken, så att kvällarna känns tryggare.",
     "Bättre belysning i parken …"),
    ("Vuxna lyssnar inte på unga när de bestämmer om centrum.",
     "Vuxna lyssnar inte på unga när de …"),
    ("During the campaign, people said it would help",
     "During the campaign, people said it would …"),
    ("fritidsgården", "Fritidsgården"),
    ("我覺得自用車未經政府認證就自行載客營業，已經威脅到公共安全。",
     "我覺得自用車未經政府認證就自行載 …"),
])
def test_a_short_phrase_is_the_first_clause_in_at_most_seven_words(text, name):
    assert short_phrase(text) == name


def test_the_central_member_is_the_one_most_tied_to_the_others():
    core = nx.Graph()
    core.add_edge("p:1", "p:2", weight=0.5)
    core.add_edge("p:2", "p:3", weight=0.5)
    core.add_edge("p:2", "p:9", weight=5.0)  # outside the theme: does not count
    assert central_member(["p:1", "p:2", "p:3"], core) == "p:2"
    assert central_member(["p:7", "p:8"], core) == "p:7"  # no ties: the first

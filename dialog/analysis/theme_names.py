"""Readable names for themes: the most central perspective's opening words.

Keyword stems ("pratar, öppna, bestämmer") tell a room little. A theme is better named by
what its people actually wrote: the perspective most tied to the others in the theme (the
highest summed edge weight inside the theme, ties by size of text then order), cut to its
first clause and at most ``MAX_WORDS`` words. The facilitator can always give a better name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import networkx as nx

from dialog.analysis.graph_model import perspective_node

#: Longest suggested name in words, and in characters.
MAX_WORDS = 7
MAX_CHARS = 60
#: Longest suggested name in characters for text written without spaces (Chinese).
MAX_CHARS_UNSPACED = 16
#: A first clause shorter than this many words ("During the campaign") says too little.
MIN_CLAUSE_WORDS = 4
_CLAUSE = re.compile(r"(?<=[^\s])[.!?;:\n]|\s[–—-]\s|,\s|[，、。！？；：]")


def central_member(members: Sequence[str], core: nx.Graph) -> str:
    """Return the member with the most weight on edges to other members."""
    inside = set(members)

    def strength(node: str) -> float:
        if node not in core:
            return 0.0
        return sum(float(data.get("weight", 1.0)) for other, data in core[node].items()
                   if other in inside)

    order = {node: i for i, node in enumerate(members)}
    return max(members, key=lambda node: (strength(node), -order[node]))


def short_phrase(text: str) -> str:
    """Return the first clause of a text, at most MAX_WORDS words, without end punctuation."""
    plain = " ".join(str(text).split())
    first = _CLAUSE.split(plain, maxsplit=1)[0].strip() or plain
    if " " in plain and len(first.split(" ")) < MIN_CLAUSE_WORDS:
        first = plain
    words = first.split(" ")
    phrase = " ".join(words[:MAX_WORDS])
    limit = MAX_CHARS if " " in phrase else MAX_CHARS_UNSPACED
    if len(phrase) > limit:
        cut = phrase[:limit]
        phrase = cut.rsplit(" ", 1)[0] if " " in cut else cut
    phrase = phrase.strip(" ,.;:!?–—-\"'”“，。")
    if len(phrase) < len(plain.strip(" .!?。！？")):
        phrase += " …"
    return phrase[:1].upper() + phrase[1:]


def suggest_names(themes: list[dict[str, Any]], core: nx.Graph, graph: nx.Graph) -> None:
    """Add ``suggested_name`` to every theme (the "other" theme keeps its label)."""
    for theme in themes:
        if theme.get("other"):
            theme["suggested_name"] = theme["label"]
            continue
        members = [perspective_node(pid) for pid in theme["perspective_ids"]]
        text = graph.nodes[central_member(members, core)].get("text", "") if members else ""
        theme["suggested_name"] = short_phrase(text) if text.strip() else theme["label"]

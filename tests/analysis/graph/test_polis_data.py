"""The perspective map on real Polis conversations (English, and Chinese for vTaiwan)."""

from __future__ import annotations

import json
import re

import pytest

from dialog.analysis.graph_map import analyze_map

from .polis import CONVERSATIONS, POLIS_DIR, available, load_conversation


@pytest.mark.parametrize("name", CONVERSATIONS)
def test_map_of_a_polis_conversation(name: str) -> None:
    if not available(name):
        pytest.skip(f"Polis open data not found at {POLIS_DIR / name} (shared data folder)")
    conversation = load_conversation(name)
    result = analyze_map(
        conversation.perspectives, [], votes=conversation.votes,
        opinion=conversation.opinion, language=conversation.language,
    )
    graph = result.graph
    n = len(conversation.perspectives)
    assert sum(1 for _, a in graph.nodes(data=True) if a["type"] == "perspective") == n
    themes = [t for t in result.themes if not t["other"]]
    assert len(themes) >= 2
    assert all(len(t["terms"]) == 3 for t in themes)
    assert sum(t["size"] for t in result.themes) == n
    # Sparse, readable graph: neither a hairball nor a scatter of isolated points.
    edge_types = [d["type"] for _, _, d in graph.edges(data=True)]
    perspective_edges = sum(t in ("link", "similar", "co_agreement") for t in edge_types)
    assert n // 2 <= perspective_edges <= 6 * n
    assert "similar" in edge_types
    assert "co_agreement" in edge_types
    assert "agreed_by" in edge_types
    assert result.bridging
    json.dumps(result.to_dict())


def test_vtaiwan_in_chinese_gets_chinese_theme_labels() -> None:
    name = "vtaiwan.uberx"
    if not available(name):
        pytest.skip(f"Polis open data not found at {POLIS_DIR / name} (shared data folder)")
    conversation = load_conversation(name, include_rejected=True)
    assert len(conversation.perspectives) == 197
    result = analyze_map(conversation.perspectives, [], votes=conversation.votes,
                         language="zh")
    labels = " ".join(t["label"] for t in result.themes)
    assert re.search(r"[\u4e00-\u9fff]{2}", labels)
    assert "覺得" not in labels  # "I think" starts most comments: too common to label with

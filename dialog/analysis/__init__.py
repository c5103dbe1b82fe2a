"""Analysis in pure Python (no Flask, no database).

* Opinion groups, Polis-like: vote matrix, PCA, clustering, repness, consensus, priority.
* The perspective graph (networkx): text similarity, co-agreement, themes, bridging,
  coverage and missing perspectives.
"""

from dialog.analysis.graph import build_perspective_graph
from dialog.analysis.graph_map import PerspectiveMap, analyze_map
from dialog.analysis.graph_model import ExplicitLink, MapParams, OpinionInput, PerspectiveInput
from dialog.analysis.opinion import OpinionAnalysis, OpinionGroup, analyze_opinions
from dialog.analysis.polis_data import PolisComment, PolisExport, PolisVote, read_polis_export
from dialog.analysis.priority import choose_next, perspective_priorities
from dialog.analysis.votes import VoteMatrix

__all__ = [
    "ExplicitLink",
    "MapParams",
    "OpinionAnalysis",
    "OpinionGroup",
    "OpinionInput",
    "PerspectiveInput",
    "PerspectiveMap",
    "PolisComment",
    "PolisExport",
    "PolisVote",
    "VoteMatrix",
    "analyze_map",
    "analyze_opinions",
    "build_perspective_graph",
    "choose_next",
    "perspective_priorities",
    "read_polis_export",
]

"""Opinion analysis in pure Python: vote matrix, PCA, opinion groups, repness and priority."""

from dialog.analysis.opinion import OpinionAnalysis, OpinionGroup, analyze_opinions
from dialog.analysis.polis_data import PolisComment, PolisExport, PolisVote, read_polis_export
from dialog.analysis.priority import choose_next, perspective_priorities
from dialog.analysis.votes import VoteMatrix

__all__ = [
    "OpinionAnalysis",
    "OpinionGroup",
    "PolisComment",
    "PolisExport",
    "PolisVote",
    "VoteMatrix",
    "analyze_opinions",
    "choose_next",
    "perspective_priorities",
    "read_polis_export",
]

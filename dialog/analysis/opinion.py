"""Run the whole opinion analysis: projection, opinion groups and what characterises them."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from dialog.analysis.pca import PcaResult, fit_pca
from dialog.analysis.projection_choice import cluster_clearest
from dialog.analysis.repness import (
    consensus,
    count_votes,
    divisive,
    group_informed_consensus,
    representative,
    uncertain,
)
from dialog.analysis.votes import Label, VoteMatrix


@dataclass
class OpinionGroup:
    """One opinion group: its members and the perspectives that set it apart."""

    id: int
    members: list[Label]
    representative: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class OpinionAnalysis:
    """Everything the opinion analysis found in one vote matrix."""

    opinion_groups: list[OpinionGroup] = field(default_factory=list)
    consensus: list[dict[str, Any]] = field(default_factory=list)
    group_informed_consensus: list[dict[str, Any]] = field(default_factory=list)
    divisive: list[dict[str, Any]] = field(default_factory=list)
    uncertain: list[dict[str, Any]] = field(default_factory=list)
    projection: dict[Label, tuple[float, float]] = field(default_factory=dict)
    timing_ms: float = 0.0
    # Kept for callers such as priority.py; not part of to_dict().
    pca: PcaResult | None = field(default=None, repr=False)
    in_conversation: list[Label] = field(default_factory=list)
    extremity: dict[Label, float] = field(default_factory=dict, repr=False)

    def group_of(self) -> dict[Label, int]:
        """Return each grouped participant's group id."""
        return {member: group.id for group in self.opinion_groups for member in group.members}

    def to_dict(self) -> dict[str, Any]:
        """Return the analysis as JSON-serialisable data."""
        plain: dict[str, Any] = _plain(
            {
                "opinion_groups": [
                    {"id": g.id, "members": g.members, "representative": g.representative}
                    for g in self.opinion_groups
                ],
                "consensus": self.consensus,
                "group_informed_consensus": self.group_informed_consensus,
                "divisive": self.divisive,
                "uncertain": self.uncertain,
                # JSON object keys are strings, so ids become strings here, as json.dumps would.
                "projection": {str(pid): list(xy) for pid, xy in self.projection.items()},
                "in_conversation": self.in_conversation,
                "timing_ms": self.timing_ms,
            }
        )
        return plain


def _plain(value: Any) -> Any:
    """Convert numpy scalars and tuples inside value to plain Python types."""
    if isinstance(value, dict):
        return {str(k) if not isinstance(k, str | int) else k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, float) and not np.isfinite(value):
        return None
    return value


def analyze_opinions(matrix: VoteMatrix, seed: int = 0) -> OpinionAnalysis:
    """Find opinion groups and consensus in a vote matrix, deterministically for a given seed."""
    started = time.perf_counter()
    values = matrix.values
    ids = matrix.participant_ids
    n_participants, n_perspectives = values.shape
    if n_participants == 0 or n_perspectives == 0 or not (~np.isnan(values)).any():
        return OpinionAnalysis(timing_ms=(time.perf_counter() - started) * 1000.0)
    excluded = matrix.excluded_perspectives
    pca = fit_pca(values, seed=seed, excluded_perspectives=excluded)
    # Groups from the damped plane or Polis's exact one, whichever is clearer; the projection
    # shown is the plane the groups came from.
    pca, clustering = cluster_clearest(pca, values, excluded, seed=seed)
    everyone = count_votes(values)
    n_groups = clustering.n_groups
    groups: list[OpinionGroup] = []
    informed: list[dict[str, Any]] = []
    split: list[dict[str, Any]] = []
    if n_groups >= 2:
        per_group = count_votes(values, clustering.labels, n_groups)
        reps = representative(per_group, matrix.perspective_ids)
        groups = [
            OpinionGroup(
                id=g,
                members=[ids[i] for i in np.flatnonzero(clustering.labels == g)],
                representative=reps[g],
            )
            for g in range(n_groups)
        ]
        informed = group_informed_consensus(per_group, matrix.perspective_ids)
        split = divisive(per_group, matrix.perspective_ids)
    projection = {
        pid: (float(x), float(y)) for pid, (x, y) in zip(ids, pca.projection, strict=True)
    }
    return OpinionAnalysis(
        opinion_groups=groups,
        consensus=consensus(everyone, matrix.perspective_ids),
        group_informed_consensus=informed,
        divisive=split,
        uncertain=uncertain(everyone, matrix.perspective_ids),
        projection=projection,
        timing_ms=(time.perf_counter() - started) * 1000.0,
        pca=pca,
        in_conversation=[ids[i] for i in np.flatnonzero(clustering.in_conversation)],
        extremity=dict(zip(matrix.perspective_ids, pca.extremity.tolist(), strict=True)),
    )

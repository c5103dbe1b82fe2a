"""Choose between the damped projection and Polis's exact one by how clear their groups are.

Polis scales each participant's projection by sqrt((n + m) / (v + m)): n perspectives voted
on, m moderated out, v the participant's own votes. We damp that scale (``pca.damping_for``:
m at least 10 and at least half of n), which keeps sparse voters from being thrown outwards
when the matrix does not know how many perspectives were moderated out. Where the matrix does
know, or nothing was moderated out, the damping can also move people across a boundary that
Polis's own scale would have kept them on.

So the opinion groups are computed in both planes. Polis's scale is the reference; the damped
plane keeps its groups only when they are at least as clear (mean silhouette over the
participants in conversation) in its own plane as Polis's groups are in theirs, and also in the
worse of the two planes: a grouping that falls apart under Polis's scale is an artefact of the
damping (a synthetic conversation with planted groups has one: silhouette 0.59 in the damped
plane, 0.21 in Polis's, ARI 0.03 against the planted groups; Polis's plane finds them, 0.86).
The rule has no parameter; ties keep the damped plane. When m already reaches the damping the
two planes are the same and clustering runs once. See docs/performance.md.
"""

from __future__ import annotations

import numpy as np

from dialog.analysis.clustering import Clustering, cluster_participants
from dialog.analysis.pca import PcaResult

# Participants scored per silhouette; above this a seeded sample, so the cost stays fixed.
SILHOUETTE_SAMPLE = 2000
# False: the damped plane only, as before this rule (bench/loo_opinion_params.py compares).
COMPARE_PLANES = True


def participant_silhouette(points: np.ndarray, labels: np.ndarray, seed: int) -> float:
    """Return the mean silhouette of the grouped participants, -1 when it is undefined."""
    grouped = labels >= 0
    points, labels = points[grouped], labels[grouped]
    n_groups = len(np.unique(labels))
    if n_groups < 2 or n_groups >= len(points):
        return -1.0
    from sklearn.metrics import silhouette_score

    sample = SILHOUETTE_SAMPLE if len(points) > SILHOUETTE_SAMPLE else None
    return float(silhouette_score(points, labels, sample_size=sample, random_state=seed))


def cluster_clearest(
    pca: PcaResult, values: np.ndarray, excluded_perspectives: int, seed: int = 0
) -> tuple[PcaResult, Clustering]:
    """Cluster in the damped plane and in Polis's exact one; return the plane the rule keeps."""
    damped = cluster_participants(pca.projection, values, seed=seed)
    polis = pca.rescaled(float(excluded_perspectives))
    if polis is pca or not COMPARE_PLANES:
        return pca, damped
    exact = cluster_participants(polis.projection, values, seed=seed)
    planes = (pca.projection, polis.projection)
    damped_in = [participant_silhouette(plane, damped.labels, seed) for plane in planes]
    exact_in = [participant_silhouette(plane, exact.labels, seed) for plane in planes]
    keep_damped = damped_in[0] >= exact_in[1] and min(damped_in) >= min(exact_in)
    return (pca, damped) if keep_damped else (polis, exact)

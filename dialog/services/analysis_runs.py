"""Moved to :mod:`phases.inventering.map.analysis_runs` (the map is inventering's).

Kept only so the publication and the samtal suggestions, which still name this path,
find it until they import the map from its home.
"""

from phases.inventering.map.analysis_runs import for_projector, latest_snapshot, refresh

__all__ = ["for_projector", "latest_snapshot", "refresh"]

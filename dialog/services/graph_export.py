"""Moved to :mod:`phases.inventering.map.graph_export` (the map is inventering's).

Kept only so the publication, which still names this path, finds it until it imports the
map from its home.
"""

from phases.inventering.map.graph_export import graphml_ready

__all__ = ["graphml_ready"]

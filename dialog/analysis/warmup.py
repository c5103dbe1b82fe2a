"""Load the analysis libraries ahead of time.

The scientific stack (numpy, scipy, scikit-learn, networkx) takes about a second to import.
``dialog serve`` loads it at start, so the first live analysis does not pay for it, and an
analysis loads it before its clock starts, so ``timing_ms`` measures the analysis itself.
The command line never imports this at start: ``dialog --help`` stays fast.
"""

from __future__ import annotations

import importlib

#: Everything an analysis imports, including the modules it imports only inside functions.
MODULES = (
    "numpy",
    "scipy.sparse",
    "networkx",
    "sklearn.cluster",
    "sklearn.exceptions",
    "sklearn.feature_extraction.text",
    "sklearn.metrics",
    "sklearn.utils.extmath",
    "dialog.analysis.graph_map",
    "dialog.analysis.opinion",
)


def load_libraries() -> None:
    """Import every analysis library now (a no-op once they are loaded)."""
    for name in MODULES:
        importlib.import_module(name)

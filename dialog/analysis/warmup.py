"""Load the analysis libraries ahead of time.

The scientific stack (numpy, scipy, scikit-learn, networkx) takes about a second to import.
``dialog serve`` loads it at start, so the first live analysis does not pay for it, and an
analysis loads it before its clock starts, so ``timing_ms`` measures the analysis itself.
The command line never imports this at start: ``dialog --help`` stays fast.

``dialog worker`` also calls one once (``warm_up``): a first call fills caches of its own
(scikit-learn's input checks look up which dataframe libraries exist), and a work horse
forked from a worker that never called it fills them again for every job. Nothing that
starts OpenMP's threads (k-means, silhouettes) is called: GNU OpenMP does not survive a
fork, and a horse forked after it would hang at its first k-means.
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


def warm_up() -> None:
    """Load the libraries and run scikit-learn's input checks once, on a toy input (in a
    process that forks: never anything that starts OpenMP, see above)."""
    load_libraries()
    from sklearn.feature_extraction.text import TfidfVectorizer

    TfidfVectorizer().fit_transform(["ljus och folk", "folk på kvällen"])

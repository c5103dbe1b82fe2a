"""Load the analysis libraries ahead of time.

The scientific stack (numpy, scipy, scikit-learn, networkx) takes about a second to import.
``dialog serve`` loads it at start, so the first live analysis does not pay for it, and an
analysis loads it before its clock starts, so ``timing_ms`` measures the analysis itself.
The command line never imports this at start: ``dialog --help`` stays fast.

``dialog worker`` also runs them once (``warm_up``): their first calls fill caches of their
own (scikit-learn's input checks look up which dataframe libraries exist, k-means picks its
threading), and a work horse forked from a worker that never called them fills them again
for every job.
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
    """Load the libraries and call the ones an analysis uses once, on a toy input."""
    load_libraries()
    import numpy as np
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import silhouette_score

    points = np.random.default_rng(0).random((8, 2))
    labels = KMeans(2, n_init=1, random_state=0).fit_predict(points)
    silhouette_score(points, labels)
    TfidfVectorizer().fit_transform(["ljus och folk", "folk på kvällen"])

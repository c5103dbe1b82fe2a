"""A second level for themes: merge Louvain's communities until a map has a readable number.

With a few neighbours per perspective, Louvain on a large process finds many small
communities (about 680 of some 15 perspectives each at 10,000 perspectives): each is
coherent, but a map with hundreds of themes cannot be read. Louvain stops there because no
further merge raises modularity, so the second level merges by what the communities say and
how they are tied, greedily: the two communities with the highest affinity merge, until at
most ``max_themes`` remain; then each community smaller than a quarter of an even share
(members / (4 x max_themes)) joins its closest one. The affinity of two communities a and b is

    cos(s_a, s_b) + w_ab / sqrt(vol_a * vol_b)

with s the sum of the members' TF-IDF vectors (the texts' centroid), w_ab the weight of the
edges between them and vol the weighted degree of their members. Both terms are sums over
members, so a merge updates them by adding rows and columns: the whole second level costs
O(m^2) per merge (one argmax) for m communities, well under a second for m in the hundreds.

Conversations with at most ``max_themes`` communities (all the Polis open data of the tests,
up to 600 perspectives) keep Louvain's themes exactly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import networkx as nx
import numpy as np
from scipy import sparse

#: At most this many themes (besides "övrigt") on one map.
MAX_THEMES = 20
#: ... and after merging, none smaller than 1 / (SMALLEST_SHARE x max_themes) of the members.
SMALLEST_SHARE = 4


def _affinities(
    communities: Sequence[Sequence[str]], core: nx.Graph, matrix: sparse.csr_matrix,
    rows: Mapping[str, int],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the text dot products of the centroids, the edge weights between communities
    and each community's volume (m x m, m x m, m)."""
    m = len(communities)
    owner = {node: c for c, members in enumerate(communities) for node in members}
    member_rows = np.array([rows[n] for members in communities for n in members], dtype=np.int64)
    member_of = np.repeat(np.arange(m), [len(members) for members in communities])
    assign = sparse.csr_matrix((np.ones(len(member_rows)), (member_of, member_rows)),
                               shape=(m, matrix.shape[0]))
    sums = assign @ matrix
    text = np.asarray((sums @ sums.T).todense(), dtype=np.float64)
    ties = np.zeros((m, m))
    volume = np.zeros(m)
    for a, b, weight in core.edges(data="weight", default=1.0):
        ca, cb = owner.get(a), owner.get(b)
        if ca is None or cb is None:
            continue
        volume[ca] += weight
        volume[cb] += weight
        if ca != cb:
            ties[ca, cb] += weight
            ties[cb, ca] += weight
    return text, ties, volume


def merge_communities(
    communities: Sequence[Sequence[str]], core: nx.Graph, matrix: sparse.csr_matrix,
    rows: Mapping[str, int], max_themes: int = MAX_THEMES,
) -> list[list[str]]:
    """Merge the communities greedily by affinity until at most ``max_themes`` remain, then
    merge each one smaller than a quarter of an even share into its closest one.

    ``matrix`` holds the L2-normalised TF-IDF rows, ``rows`` maps a node to its row. Fewer
    communities than that come back unchanged. Deterministic: ties go to the lowest indices.
    """
    if len(communities) <= max_themes:
        return [list(c) for c in communities]
    text, ties, volume = _affinities(communities, core, matrix, rows)
    merged: list[list[str]] = [list(c) for c in communities]
    alive = np.ones(len(merged), dtype=bool)
    norms = np.sqrt(np.maximum(np.diag(text), 1e-300))
    spread = np.sqrt(np.maximum(volume, 1e-300))
    score = text / np.outer(norms, norms) + ties / np.outer(spread, spread)
    np.fill_diagonal(score, -np.inf)
    sizes = np.array([len(members) for members in merged])
    # Once merged down to max_themes, a theme still holds at least a quarter of an even share.
    floor = sizes.sum() / (SMALLEST_SHARE * max_themes)
    while True:
        if alive.sum() > max_themes:
            a, b = sorted(divmod(int(np.argmax(score)), len(merged)))
        else:
            small = np.flatnonzero(alive & (sizes < floor))
            if alive.sum() <= 1 or not len(small):
                break
            smallest = int(small[np.argmin(sizes[small])])
            a, b = sorted((smallest, int(np.argmax(score[smallest]))))
        sizes[a] += sizes[b]
        # b joins a: every quantity is a sum over members, so rows and columns add up.
        text[a, :] += text[b, :]
        text[:, a] += text[:, b]
        ties[a, :] += ties[b, :]
        ties[:, a] += ties[:, b]
        ties[a, a] = 0.0
        volume[a] += volume[b]
        norms[a] = np.sqrt(max(text[a, a], 1e-300))
        spread[a] = np.sqrt(max(volume[a], 1e-300))
        merged[a].extend(merged[b])
        merged[b] = []
        alive[b] = False
        row = text[a] / (norms[a] * norms) + ties[a] / (spread[a] * spread)
        row[~alive] = -np.inf
        row[a] = -np.inf
        score[a, :] = row
        score[:, a] = row
        score[b, :] = -np.inf
        score[:, b] = -np.inf
    return [members for members, keep in zip(merged, alive, strict=True) if keep]

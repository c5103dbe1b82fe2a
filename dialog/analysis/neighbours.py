"""Nearest neighbours from sparse products: row blocks, top-k per row, pairs kept by either end.

The perspective graph links each perspective to its most similar ones (by text and by votes).
Computing all pairs at once is quadratic in memory; here the sparse product is taken a block
of rows at a time, only the entries that pass a threshold survive, and of those each row keeps
its ``k`` best. A pair stays when either end keeps it, so every perspective has at most ``k``
partners of its own choosing and the edges stay sparse (at most ``k`` x perspectives).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from scipy import sparse

#: Cells (rows x columns) of one block of a product; bounds the memory of a block.
BLOCK_CELLS = 4_000_000


def row_blocks(n_rows: int, n_cols: int, cells: int = BLOCK_CELLS) -> Iterator[tuple[int, int]]:
    """Yield ``(start, stop)`` of consecutive row blocks of about ``cells`` cells each."""
    size = max(1, cells // max(n_cols, 1))
    for start in range(0, n_rows, size):
        yield start, min(start + size, n_rows)


def entries(
    product: sparse.csr_matrix, offset: int, minimum: float | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the rows (plus ``offset``, ascending), columns and values of a block, the
    diagonal left out, and only values at or above ``minimum`` if given."""
    data = product.data
    stored = np.flatnonzero(data >= minimum) if minimum is not None else np.arange(len(data))
    rows = np.searchsorted(product.indptr, stored, side="right").astype(np.int64) - 1 + offset
    cols = product.indices[stored].astype(np.int64)
    off_diagonal = rows != cols
    return rows[off_diagonal], cols[off_diagonal], data[stored][off_diagonal]


def lookup(product: sparse.csr_matrix, rows: np.ndarray, cols: np.ndarray,
           offset: int) -> np.ndarray:
    """Return ``product[rows - offset, cols]`` for entries known to be stored in the product."""
    product.sum_duplicates()  # canonical: sorted column indices within each row
    n_cols = product.shape[1]
    stored_rows = np.repeat(np.arange(product.shape[0], dtype=np.int64), np.diff(product.indptr))
    keys = stored_rows * n_cols + product.indices.astype(np.int64)
    wanted = (rows - offset) * n_cols + cols
    position = np.searchsorted(keys, wanted)
    found: np.ndarray = product.data[np.minimum(position, len(keys) - 1)]
    return np.where(keys[np.minimum(position, len(keys) - 1)] == wanted, found, 0.0)


def top_k_mask(rows: np.ndarray, cols: np.ndarray, scores: np.ndarray, k: int) -> np.ndarray:
    """Mark, per row, the ``k`` entries with the highest scores (ties: lower column first).

    Entries must come grouped by ascending row (as ``entries`` gives them). Linear in the
    entries: the k-th best score of each crowded row comes from a partial sort of its scores.
    """
    keep = np.ones(len(rows), dtype=bool)
    if k <= 0:
        return ~keep
    counts = np.bincount(rows)
    crowded_rows = np.flatnonzero(counts > k)
    if not len(crowded_rows):
        return keep
    starts = np.cumsum(counts) - counts
    crowded = np.flatnonzero(counts[rows] > k)
    slot = np.full(len(counts), -1, dtype=np.int64)
    slot[crowded_rows] = np.arange(len(crowded_rows))
    position = crowded - starts[rows[crowded]]  # place of the entry within its row
    padded = np.full((len(crowded_rows), int(counts.max())), -np.inf)
    padded[slot[rows[crowded]], position] = scores[crowded]
    kth = -np.partition(-padded, k - 1, axis=1)[:, k - 1]
    threshold = kth[slot[rows[crowded]]]
    value = scores[crowded]
    above = value > threshold
    tied = value == threshold
    # Ties at the k-th score: the earliest columns fill the places left.
    places = k - np.bincount(rows[crowded][above], minlength=len(counts))
    tied_at = crowded[tied]
    by_column = np.lexsort((cols[tied_at], rows[tied_at]))
    tied_at = tied_at[by_column]
    per_row = np.bincount(rows[tied_at], minlength=len(counts))
    tie_rank = np.arange(len(tied_at)) - (np.cumsum(per_row) - per_row)[rows[tied_at]]
    chosen = np.zeros(len(crowded), dtype=bool)
    chosen[above] = True
    chosen[np.flatnonzero(tied)[by_column][tie_rank < places[rows[tied_at]]]] = True
    keep[crowded] = chosen
    return keep


def unique_pairs(
    rows: np.ndarray, cols: np.ndarray, n: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the distinct unordered pairs as arrays ``i < j`` (sorted by ``i``, then ``j``)
    and, for each pair, the index of one entry that gave it."""
    low, high = np.minimum(rows, cols), np.maximum(rows, cols)
    keys, first = np.unique(low * n + high, return_index=True)
    return keys // n, keys % n, first

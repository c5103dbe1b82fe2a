"""Project participants onto two principal components of the vote matrix, as Polis does."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

# Pseudo-perspectives that damp the sparsity scaling (see fit_pca).
MIN_DAMPING = 10
# ... and at least this share of the perspectives voted on: as if a third of all perspectives
# had been moderated out, typical of Polis conversations (see fit_pca).
MIN_DAMPING_SHARE = 0.5
# Above this many perspectives the C x C Gram matrix gets expensive; use randomized SVD instead.
_GRAM_LIMIT = 2000
# ... unless there are at most this many participants: then their P x P Gram matrix is cheap.
_ROW_GRAM_LIMIT = 1000


@dataclass(frozen=True, eq=False)
class PcaResult:
    """Principal components of the votes and where participants and perspectives land on them."""

    center: np.ndarray
    components: np.ndarray
    projection: np.ndarray
    perspective_projection: np.ndarray
    # What the scaled projections are made from (see fit_pca and rescaled).
    unscaled: np.ndarray | None = None
    n_votes: np.ndarray | None = None
    n_active: int = 0
    damping: float = 0.0

    def rescaled(self, damping: float) -> PcaResult:
        """Return the same components with the projections scaled with another damping."""
        if self.unscaled is None or self.n_votes is None or damping == self.damping:
            return self
        scale = _scale(self.n_votes, self.n_active, damping)
        # A perspective lands where a participant who agreed with it alone would land.
        lone = _scale(np.ones(1), self.n_active, damping)[0]
        return replace(
            self,
            projection=self.unscaled * scale[:, None],
            perspective_projection=(1.0 - self.center)[:, None] * self.components.T * lone,
            damping=damping,
        )

    @property
    def extremity(self) -> np.ndarray:
        """Return how far each perspective lands from the origin (Polis's extremity)."""
        distance: np.ndarray = np.linalg.norm(self.perspective_projection, axis=1)
        return distance


def _scale(n_votes: np.ndarray, n_active: int, damping: float) -> np.ndarray:
    """Return Polis's sparsity scale sqrt((n + d) / (v + d)) for each participant."""
    scale: np.ndarray = np.sqrt((n_active + damping) / np.maximum(n_votes + damping, 1))
    return scale


def damping_for(n_active: int, excluded_perspectives: int) -> float:
    """Return the damping fit_pca uses: the excluded count, or more (see fit_pca)."""
    return float(max(excluded_perspectives, MIN_DAMPING, MIN_DAMPING_SHARE * n_active))


def _column_means(values: np.ndarray, seen: np.ndarray) -> np.ndarray:
    """Return the mean vote of each column over the votes cast, 0 for unseen columns."""
    counts = seen.sum(axis=0)
    totals = np.where(seen, values, 0.0).sum(axis=0, dtype=np.float64)
    means: np.ndarray = np.divide(totals, counts, out=np.zeros(values.shape[1]), where=counts > 0)
    return means


def _orient(components: np.ndarray) -> np.ndarray:
    """Flip each component so its largest loading is positive, making the output deterministic."""
    if components.size == 0:
        return components
    largest = np.abs(components).argmax(axis=1)
    signs = np.sign(components[np.arange(len(components)), largest])
    signs[signs == 0] = 1.0
    oriented: np.ndarray = components * signs[:, None]
    return oriented


def _top_components(centered: Any, n_components: int, seed: int) -> np.ndarray:
    """Return the top right singular vectors of the centred matrix as rows.

    Exact through a Gram matrix: the perspectives' one (up to ``_GRAM_LIMIT`` perspectives,
    and not more perspectives than participants), else the participants' one while they are
    at most ``_ROW_GRAM_LIMIT`` (then ``v = X^T u / |X^T u|``): the eigendecomposition is
    cubic, and that of a 2,000 x 2,000 Gram matrix alone takes seconds. Randomized SVD else
    (on the sparse centred votes: see ``_sparse_centered``).
    """
    n_rows, n_cols = centered.shape
    by_rows = n_rows < n_cols and n_rows <= _ROW_GRAM_LIMIT
    if _uses_gram(n_rows, n_cols):
        gram = (centered @ centered.T if by_rows else centered.T @ centered).astype(np.float64)
        eigenvalues, eigenvectors = np.linalg.eigh(gram)
        order = np.argsort(eigenvalues)[::-1][:n_components]
        top: np.ndarray = eigenvectors[:, order]
        if not by_rows:
            return top.T
        right: np.ndarray = centered.T.astype(np.float64) @ top
        norms = np.linalg.norm(right, axis=0)
        scaled: np.ndarray = right / np.where(norms > 0, norms, 1.0)
        return scaled.T
    from sklearn.utils.extmath import randomized_svd

    _, _, vt = randomized_svd(centered, n_components, n_iter=7, random_state=seed)
    rows: np.ndarray = vt.astype(np.float64)
    return rows


def _uses_gram(n_rows: int, n_cols: int) -> bool:
    """Whether ``_top_components`` solves exactly through a Gram matrix (else randomized)."""
    return (n_rows < n_cols and n_rows <= _ROW_GRAM_LIMIT) or n_cols <= _GRAM_LIMIT


def _sparse_centered(values: np.ndarray, seen: np.ndarray, center: np.ndarray) -> Any:
    """Return the centred votes as a sparse matrix: unseen cells are exactly 0 after centring.

    A large process has few votes per cell (200,000 votes in a 3,000 x 10,000 matrix: under
    1 %), so the randomized SVD's products cost the votes, not the cells.
    """
    from scipy import sparse

    rows, cols = np.nonzero(seen)
    data = values[rows, cols].astype(np.float64) - center[cols]
    return sparse.csr_matrix((data, (rows, cols)), shape=values.shape)


def fit_pca(
    values: np.ndarray, n_components: int = 2, seed: int = 0, excluded_perspectives: int = 0
) -> PcaResult:
    """Fit PCA with unseen votes imputed by the column mean, and project sparsity-aware.

    Imputing with the column mean and then centring is the same as treating unseen cells as 0
    after centring, so a participant's projection only sums over the votes they cast. As in
    Polis, it is then scaled by sqrt(n_perspectives / n_votes): someone who voted on a few
    perspectives is pushed outwards to where they would land had they voted on all of them.

    Polis zeroes the columns of moderated-out perspectives instead of dropping them, so they
    count as passed by everyone in that scale: sqrt((n + m) / (v + m)). We do the same with
    m = excluded_perspectives, but with m at least MIN_DAMPING and at least MIN_DAMPING_SHARE of
    the perspectives voted on, as if some perspectives had always been moderated out: without
    it a matrix built without the rejected perspectives throws sparse voters far out, and
    agreement with Polis's groups on the open data drops (median ARI over eight conversations
    0.78 instead of 0.835 with the share, 0.58 without any damping; see docs/performance.md).
    ``PcaResult.rescaled(m)`` gives Polis's exact scale from the same components; the opinion
    analysis groups in both and keeps one (``projection_choice``).
    """
    n_rows, n_cols = values.shape
    seen = ~np.isnan(values)
    center = _column_means(values, seen)
    centered: Any
    if _uses_gram(n_rows, n_cols):
        centered = np.where(seen, values - center.astype(np.float32), np.float32(0.0))
        centered = centered.astype(np.float32, copy=False)
    else:
        centered = _sparse_centered(values, seen, center)
    n_used = min(n_components, n_rows, n_cols)
    if n_used == 0:
        components = np.zeros((n_components, n_cols))
    else:
        components = np.zeros((n_components, n_cols))
        components[:n_used] = _orient(_top_components(centered, n_used, seed))
    # Columns nobody voted on do not exist for Polis, so they do not count towards the scale.
    n_active = int(seen.any(axis=0).sum())
    unscaled = np.asarray(centered @ components.T.astype(centered.dtype), dtype=np.float64)
    unscaled_result = PcaResult(
        center,
        components,
        unscaled,
        np.zeros((n_cols, n_components)),
        unscaled=unscaled,
        n_votes=seen.sum(axis=1),
        n_active=n_active,
        damping=-1.0,  # no damping yet: rescaled below always scales
    )
    return unscaled_result.rescaled(damping_for(n_active, excluded_perspectives))

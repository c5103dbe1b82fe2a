"""A Fruchterman-Reingold spring layout whose iterations cost near-linear time.

networkx's spring layout computes the repulsion between every pair of nodes in every
iteration: quadratic in time and memory, minutes and gigabytes for 10,000 perspectives.
Here each node is pushed away exactly by its ``NEAR`` nearest nodes (a k-d tree) and by the
rest of the map as the centres of mass of a coarse grid, and pulled along its edges; the
temperature (largest step) cools linearly as in networkx. Deterministic for a given seed.
"""

from __future__ import annotations

import numpy as np
from scipy.spatial import cKDTree

#: Nearest nodes that repel each node exactly; farther ones act through the grid.
NEAR = 12
#: Cells per side of the grid whose centres of mass stand for the far nodes.
GRID = 8
ITERATIONS = 50
#: Ideal edge length times the square root of the node count (networkx: 1, the map: 1.6).
SPACING = 1.6
#: Iterations between two searches for each node's nearest nodes.
REFRESH = 5


def _far_field(pos: np.ndarray, k2: float) -> np.ndarray:
    """Repulsion from the far grid cells, as felt at the centre of mass of each node's cell.

    Cells next to a node's own cell are left out: their nodes are among the nearest ones.
    """
    low = pos.min(axis=0)
    size = np.maximum(pos.max(axis=0) - low, 1e-9) / GRID
    cell_xy = np.minimum(((pos - low) / size).astype(np.int64), GRID - 1)
    cell = cell_xy[:, 0] * GRID + cell_xy[:, 1]
    mass = np.bincount(cell, minlength=GRID * GRID).astype(np.float64)
    used = np.flatnonzero(mass)
    centre = np.stack([np.bincount(cell, pos[:, d], GRID * GRID)[used] / mass[used]
                       for d in (0, 1)], axis=1)
    used_xy = np.stack([used // GRID, used % GRID], axis=1)
    far = (np.abs(used_xy[:, None, :] - used_xy[None, :, :]) > 1).any(axis=2)
    delta = centre[:, None, :] - centre[None, :, :]
    dist2 = np.maximum((delta ** 2).sum(axis=2), 1e-12)
    strength = np.where(far, mass[used][None, :] * k2 / dist2, 0.0)
    per_cell = np.zeros((GRID * GRID, 2))
    per_cell[used] = (delta * strength[:, :, None]).sum(axis=1)
    force: np.ndarray = per_cell[cell]
    return force


def spring_positions(
    n: int,
    sources: np.ndarray,
    targets: np.ndarray,
    weights: np.ndarray,
    *,
    seed: int = 0,
    iterations: int = ITERATIONS,
) -> np.ndarray:
    """Return ``n x 2`` positions for a weighted graph given as edge arrays."""
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    if n < 2:
        return pos
    k = SPACING / np.sqrt(n)
    k2 = k * k
    near = min(NEAR, n - 1)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    neighbours = np.zeros((n, 0), dtype=np.int64)
    for iteration in range(iterations):
        if iteration % REFRESH == 0:  # who is near changes slowly: look every few steps
            _, neighbours = cKDTree(pos).query(pos, near + 1)
        delta = pos[:, None, :] - pos[neighbours[:, 1:]]
        dist2 = np.maximum((delta ** 2).sum(axis=2), 1e-12)
        move = (delta * (k2 / dist2)[:, :, None]).sum(axis=1)
        if n > near + 1:
            move += _far_field(pos, k2)
        along = pos[sources] - pos[targets]
        pull = along * (np.sqrt((along ** 2).sum(axis=1)) * weights / k)[:, None]
        for d in (0, 1):
            move[:, d] -= np.bincount(sources, pull[:, d], n)
            move[:, d] += np.bincount(targets, pull[:, d], n)
        length = np.maximum(np.sqrt((move ** 2).sum(axis=1)), 1e-9)
        pos += move * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    return pos

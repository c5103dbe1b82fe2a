"""Build the participant x perspective vote matrix that every analysis step reads."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import numpy as np
from numpy.typing import NDArray

AGREE = 1
DISAGREE = -1
PASS = 0

Label = Hashable


def _vectorisable(array: np.ndarray, labels: Sequence[Label]) -> bool:
    """Tell whether labels are all ints or all strs, which numpy can sort and compare."""
    if array.ndim != 1:
        return False
    # numpy would silently turn a mix of ints and strs into strs, so check the types.
    return array.dtype.kind in "iu" or (array.dtype.kind == "U" and set(map(type, labels)) == {str})


def _factorize(labels: Sequence[Label]) -> tuple[tuple[Label, ...], np.ndarray]:
    """Map labels to dense codes, returning the sorted unique labels and one code per label."""
    array = np.asarray(labels)
    if array.ndim == 1 and array.dtype.kind in "iu" and array.size:
        low, high = int(array.min()), int(array.max())
        if high - low <= 4 * array.size + 1024:
            # Dense integer ids (the usual case): a presence table beats sorting.
            present = np.zeros(high - low + 1, dtype=bool)
            present[array - low] = True
            code_of = np.cumsum(present) - 1
            uniques = np.flatnonzero(present) + low
            return tuple(uniques.tolist()), code_of[array - low]
    if _vectorisable(array, labels):
        # Other integer and plain string labels still sort and factorise in C.
        uniques, codes = np.unique(array, return_inverse=True)
        return tuple(uniques.tolist()), codes.astype(np.int64, copy=False)
    # Mixed or exotic labels: keep first-seen order, since they may not be mutually orderable.
    index: dict[Label, int] = {}
    codes = np.fromiter(
        (index.setdefault(label, len(index)) for label in labels), dtype=np.int64, count=len(labels)
    )
    return tuple(index), codes


def _codes_for(labels: Sequence[Label], known: Sequence[Label]) -> np.ndarray:
    """Return the position of each label in known, or -1 where it is absent."""
    position = {label: i for i, label in enumerate(known)}
    array = np.asarray(labels)
    if position and _vectorisable(array, labels):
        # Translate through the unique values only, so the Python dict work is per label, not vote.
        uniques, inverse = np.unique(array, return_inverse=True)
        lookup = np.array([position.get(u, -1) for u in uniques.tolist()], dtype=np.int64)
        return lookup[inverse]
    return np.fromiter((position.get(label, -1) for label in labels), np.int64, len(labels))


@dataclass(frozen=True, eq=False)
class VoteMatrix:
    """Votes as a dense float32 matrix: +1 agree, -1 disagree, 0 pass, NaN not seen.

    ``excluded_perspectives`` counts perspectives that had votes but were left out, such as ones
    rejected by moderators. Their votes are not used; Polis still counts them when it scales
    the projection of participants who voted on few perspectives, and so do we.
    """

    participant_ids: tuple[Label, ...]
    perspective_ids: tuple[Label, ...]
    values: np.ndarray
    excluded_perspectives: int = 0

    def __post_init__(self) -> None:
        """Check that the labels match the matrix shape."""
        expected = (len(self.participant_ids), len(self.perspective_ids))
        if self.values.shape != expected:
            raise ValueError(f"values has shape {self.values.shape}, labels say {expected}")

    @classmethod
    def from_votes(
        cls,
        votes: Iterable[tuple[Label, Label, int, *tuple[Any, ...]]],
        perspective_ids: Sequence[Label] | None = None,
    ) -> VoteMatrix:
        """Build the matrix from a vote log in which a later vote replaces an earlier one.

        With ``perspective_ids`` the columns are exactly those perspectives, in that order,
        including ones nobody voted on; votes on any other perspective are ignored and those
        perspectives are counted in ``excluded_perspectives``.
        """
        triples = votes if isinstance(votes, list | tuple) else list(votes)
        if not triples:
            columns = tuple(perspective_ids or ())
            return cls((), columns, np.empty((0, len(columns)), dtype=np.float32))
        # map(itemgetter) is many times faster than zip(*triples) for millions of votes.
        who = list(map(itemgetter(0), triples))
        what = list(map(itemgetter(1), triples))
        vote = np.fromiter(map(itemgetter(2), triples), dtype=np.float32, count=len(triples))
        rows, row = _factorize(who)
        excluded = 0
        if perspective_ids is None:
            columns, col = _factorize(what)
        else:
            columns = tuple(perspective_ids)
            col = _codes_for(what, columns)
            keep = col >= 0
            if not keep.all():
                excluded = len({what[i] for i in np.flatnonzero(~keep).tolist()})
                # Drop votes on unlisted perspectives, then participants left without any vote.
                row, col, vote = row[keep], col[keep], vote[keep]
                used, row = np.unique(row, return_inverse=True)
                rows = tuple(rows[i] for i in used.tolist())
        values = np.full((len(rows), len(columns)), np.nan, dtype=np.float32)
        # Keep the last vote per cell: the first one in the reversed log. Sorting the votes
        # costs the votes, where an index array over all cells would cost the cells (30
        # million of them for 3,000 participants and 10,000 perspectives).
        cell = row.astype(np.int64) * len(columns) + col
        filled, first = np.unique(cell[::-1], return_index=True)
        values.ravel()[filled] = np.sign(vote[len(cell) - 1 - first])
        return cls(rows, columns, values, excluded)

    @property
    def shape(self) -> tuple[int, int]:
        """Return (participants, perspectives)."""
        rows, columns = self.values.shape
        return rows, columns

    @property
    def seen(self) -> NDArray[np.bool_]:
        """Return a boolean mask of the cells that hold a vote."""
        mask: NDArray[np.bool_] = ~np.isnan(self.values)
        return mask

    def votes_per_participant(self) -> np.ndarray:
        """Return how many perspectives each participant voted on."""
        counts: np.ndarray = self.seen.sum(axis=1)
        return counts

    def n_votes(self) -> int:
        """Return the number of cells that hold a vote."""
        return int(self.seen.sum())

    def select_perspectives(self, perspective_ids: Iterable[Label]) -> VoteMatrix:
        """Return the matrix restricted to the given perspectives, in the given order."""
        wanted = list(perspective_ids)
        position = {pid: i for i, pid in enumerate(self.perspective_ids)}
        index = [position[pid] for pid in wanted]
        return VoteMatrix(
            self.participant_ids, tuple(wanted), self.values[:, index], self.excluded_perspectives
        )

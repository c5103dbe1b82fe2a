"""The vote matrix: a vote log becomes one latest vote per participant and perspective."""

from __future__ import annotations

import numpy as np
import pytest

from dialog.analysis import VoteMatrix


def test_the_latest_vote_replaces_earlier_ones() -> None:
    log = [("anna", "s1", 1), ("bo", "s1", -1), ("anna", "s1", -1), ("anna", "s1", 0)]
    matrix = VoteMatrix.from_votes(log)
    assert matrix.participant_ids == ("anna", "bo")
    assert matrix.perspective_ids == ("s1",)
    assert matrix.values[:, 0].tolist() == [0.0, -1.0]


def test_unseen_cells_are_nan_and_votes_are_plus_minus_one_or_zero() -> None:
    matrix = VoteMatrix.from_votes([(1, 10, 1), (2, 20, -1), (2, 10, 0)])
    assert matrix.values.dtype == np.float32
    assert matrix.shape == (2, 2)
    assert np.isnan(matrix.values[0, 1])
    assert matrix.values[1].tolist() == [0.0, -1.0]
    assert matrix.votes_per_participant().tolist() == [1, 2]
    assert matrix.n_votes() == 3


def test_integer_labels_are_sorted_and_kept_as_python_ints() -> None:
    matrix = VoteMatrix.from_votes([(30, 2, 1), (4, 1, 1), (12, 2, -1)])
    assert matrix.participant_ids == (4, 12, 30)
    assert all(type(pid) is int for pid in matrix.participant_ids)
    assert matrix.perspective_ids == (1, 2)


def test_mixed_integer_and_string_ids_keep_their_types() -> None:
    matrix = VoteMatrix.from_votes([(1, "x", 1), ("1", "x", -1)])
    assert matrix.participant_ids == (1, "1")
    assert matrix.values[:, 0].tolist() == [1.0, -1.0]


def test_listed_perspectives_nobody_voted_on_become_empty_columns() -> None:
    matrix = VoteMatrix.from_votes([("a", "x", 1)], perspective_ids=["y", "x", "z"])
    assert matrix.perspective_ids == ("y", "x", "z")
    assert np.isnan(matrix.values[0, 0])
    assert np.isnan(matrix.values[0, 2])
    assert matrix.values[0, 1] == 1.0


def test_votes_on_unlisted_perspectives_are_left_out_and_counted() -> None:
    # "rejected" was moderated out: its votes are ignored, and "c" who only voted on it vanishes.
    log = [("a", "ok", 1), ("b", "rejected", -1), ("c", "rejected", 1), ("b", "ok", 0)]
    matrix = VoteMatrix.from_votes(log, perspective_ids=["ok"])
    assert matrix.participant_ids == ("a", "b")
    assert matrix.values[:, 0].tolist() == [1.0, 0.0]
    assert matrix.excluded_perspectives == 1


def test_an_empty_log_gives_an_empty_matrix() -> None:
    assert VoteMatrix.from_votes([]).shape == (0, 0)
    assert VoteMatrix.from_votes(iter([]), perspective_ids=[1, 2]).shape == (0, 2)


def test_labels_must_match_the_matrix_shape() -> None:
    with pytest.raises(ValueError, match="shape"):
        VoteMatrix(("a",), ("x", "y"), np.zeros((1, 1), dtype=np.float32))


def test_a_large_vote_log_loads_into_one_matrix() -> None:
    # Speed is measured in bench/bench_analysis.py, never asserted here (shared machines).
    rng = np.random.default_rng(0)
    n = 200_000
    log = list(
        zip(
            rng.integers(0, 33_000, n).tolist(),
            rng.integers(0, 800, n).tolist(),
            rng.integers(-1, 2, n).tolist(),
            strict=True,
        )
    )
    matrix = VoteMatrix.from_votes(log)
    latest = {(p, c): v for p, c, v in log}
    assert matrix.shape == (len({p for p, _ in latest}), len({c for _, c in latest}))
    assert int(np.count_nonzero(~np.isnan(matrix.values))) == len(latest)

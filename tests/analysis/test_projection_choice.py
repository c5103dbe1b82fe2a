"""Groups from the damped projection or Polis's exact one, whichever is clearer."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import adjusted_rand_score

from dialog.analysis import VoteMatrix, analyze_opinions, pca
from dialog.analysis.clustering import cluster_participants
from dialog.analysis.projection_choice import (
    SILHOUETTE_SAMPLE,
    cluster_clearest,
    participant_silhouette,
)
from tests.analysis.test_opinion_analysis import two_camps
from tests.analysis.test_opinion_groups_polis import export, needs_data


def test_the_silhouette_is_undefined_for_one_group_or_singletons() -> None:
    points = np.arange(8, dtype=float).reshape(4, 2)
    assert participant_silhouette(points, np.zeros(4, dtype=np.int64), 0) == -1.0
    assert participant_silhouette(points, np.arange(4), 0) == -1.0
    # Participants outside the conversation (-1) are not scored.
    assert participant_silhouette(points, np.array([-1, -1, 0, 0]), 0) == -1.0


def test_a_large_silhouette_is_a_seeded_sample_and_repeats() -> None:
    rng = np.random.default_rng(1)
    points = np.vstack([rng.normal(-3, 1, (1500, 2)), rng.normal(3, 1, (1500, 2))])
    labels = np.repeat([0, 1], 1500)
    assert len(points) > SILHOUETTE_SAMPLE
    first = participant_silhouette(points, labels, 7)
    assert first == participant_silhouette(points, labels, 7)
    assert 0.5 < first < 1.0


def test_when_the_excluded_count_reaches_the_damping_there_is_one_plane() -> None:
    matrix = two_camps()
    fitted = pca.fit_pca(matrix.values, excluded_perspectives=100)
    assert fitted.rescaled(100.0) is fitted
    chosen, _ = cluster_clearest(fitted, matrix.values, 100)
    assert chosen is fitted


def test_the_clearer_plane_wins_and_the_projection_shown_is_that_plane() -> None:
    # Two clean camps with a quarter sparse voters: Polis's exact scale moves the sparse ones out
    # to their camp, the damping leaves them nearer the middle; the exact plane is clearer.
    rng = np.random.default_rng(3)
    votes = [
        (f"p{person}", f"s{s}", (1 if person < 40 else -1) * (1 if s % 2 else -1))
        for person in range(80)
        for s in range(30)
        if rng.random() < (0.9 if person % 4 else 0.3)
    ]
    matrix = VoteMatrix.from_votes(votes)
    fitted = pca.fit_pca(matrix.values)
    exact = fitted.rescaled(0.0)
    assert not np.allclose(exact.projection, fitted.projection)
    scores = []
    for plane in (fitted, exact):
        labels = cluster_participants(plane.projection, matrix.values).labels
        scores.append(participant_silhouette(plane.projection, labels, 0))
    assert scores[1] > scores[0]
    chosen, _ = cluster_clearest(fitted, matrix.values, 0)
    assert chosen.damping == exact.damping == 0.0
    analysis = analyze_opinions(matrix)
    assert analysis.pca is not None
    assert analysis.pca.damping == chosen.damping
    shown = np.array([analysis.projection[p] for p in matrix.participant_ids])
    assert np.allclose(shown, chosen.projection)


def planted(n_people: int, n_perspectives: int, n_votes: int, seed: int = 0) -> tuple:
    """Return a vote matrix with four planted groups and skewed activity, and the groups.

    A small copy of bench/bench_analysis.py's synthetic conversation: many vote a little, a
    few a lot, as in real conversations.
    """
    rng = np.random.default_rng(seed)
    group = rng.choice(4, size=n_people, p=[0.4, 0.3, 0.2, 0.1])
    angles = np.arange(4) * np.pi / 2
    positions = np.stack([np.cos(angles), np.sin(angles)], axis=1)
    lean = np.sign(positions @ rng.normal(size=(2, n_perspectives)))
    lean[:, : n_perspectives // 10] = 1.0
    activity = rng.pareto(1.5, n_people) + 0.2
    drawn = int(n_votes * 1.6)
    cells = rng.choice(n_people, drawn, p=activity / activity.sum()) * n_perspectives
    cells = rng.permutation(np.unique(cells + rng.integers(0, n_perspectives, drawn)))[:n_votes]
    who, what = cells // n_perspectives, cells % n_perspectives
    roll = rng.random(len(cells))
    leaning = lean[group[who], what]
    vote = np.where(roll < 0.7, leaning, np.where(roll < 0.85, 0.0, -leaning))
    matrix = VoteMatrix.from_votes(list(zip(who.tolist(), what.tolist(), vote.astype(int).tolist(),
                                            strict=True)))
    return matrix, dict(enumerate(group.tolist()))


def test_a_grouping_that_only_the_damping_makes_gives_way_to_polis_scale() -> None:
    # Damped, the skewed activity spreads people by how much they voted, and k-means cuts that
    # spread into five bands (ARI about 0.1); under Polis's scale those bands fall apart, and
    # the four planted groups are found there.
    matrix, groups = planted(3000, 200, 60_000)
    analysis = analyze_opinions(matrix)
    assert analysis.pca is not None
    assert analysis.pca.damping == 0.0
    ours = analysis.group_of()
    people = sorted(ours)
    assert len(analysis.opinion_groups) == 4
    assert adjusted_rand_score([groups[p] for p in people], [ours[p] for p in people]) >= 0.7


@needs_data
def test_brexit_takes_polis_scale_and_the_filtered_austria_keeps_the_damping() -> None:
    # brexit has no rejected comments: Polis's scale is clearer there (ARI 0.876, damped 0.837).
    # austria 2vk built without its 524 rejected comments: Polis's scale throws sparse voters
    # out (ARI 0.61); the damped plane is clearer in both planes and keeps its groups (0.91).
    brexit = analyze_opinions(export("brexit-consensus").vote_matrix()).pca
    assert brexit is not None
    assert brexit.damping == 0.0
    austria = export("austria-climate.2vkxcncppn.2022-07-07")
    accepted = set(austria.accepted_comment_ids)
    filtered = VoteMatrix.from_votes([v for v in austria.votes if v.comment_id in accepted])
    damped = analyze_opinions(filtered).pca
    assert damped is not None
    assert damped.damping > 0

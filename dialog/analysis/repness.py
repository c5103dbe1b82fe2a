"""Find what characterises each opinion group and what unites or divides them (Polis repness)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
from numpy.typing import NDArray

Floats = NDArray[np.float64]
Row = dict[str, Any]
Ids = tuple[object, ...]

# One-sided z for 90 % confidence, Polis's significance level for all its tests.
Z_90 = 1.2816
MAX_REPRESENTATIVE = 5
MAX_CONSENSUS = 5
MAX_LISTED = 5
# A perspective is only called divisive when enough people in at least two groups saw it and
# their mean votes (from -1 to +1) lie at least this far apart.
MIN_GROUP_VOTES = 3
MIN_DIVISIVE_SPREAD = 0.5
# Areas of uncertainty: at least this share passed, among at least this many who saw it.
MIN_PASS_SHARE = 0.3
MIN_UNCERTAIN_VOTES = 5


@dataclass(frozen=True, eq=False)
class VoteCounts:
    """Agree, disagree and seen counts per row (group or everyone) and perspective."""

    agree: Floats
    disagree: Floats
    seen: Floats

    @cached_property
    def passed(self) -> Floats:
        """Return how many passed (computed once: each listed row reads it)."""
        return self.seen - self.agree - self.disagree

    @property
    def p_agree(self) -> Floats:
        """Return Polis's pseudo-counted agree probability (na + 1) / (ns + 2)."""
        return (self.agree + 1.0) / (self.seen + 2.0)

    @property
    def p_disagree(self) -> Floats:
        """Return the pseudo-counted disagree probability (nd + 1) / (ns + 2)."""
        return (self.disagree + 1.0) / (self.seen + 2.0)


def count_votes(
    values: np.ndarray, labels: np.ndarray | None = None, n_groups: int = 1
) -> VoteCounts:
    """Count votes per group (rows of the result); without labels, count everyone as one row."""
    if labels is None:
        labels = np.zeros(values.shape[0], dtype=np.int64)
    n_cols = values.shape[1]
    # Count over the votes cast, not the cells: a large process's matrix is mostly unseen.
    rows, cols = np.nonzero(~np.isnan(values))
    cast = values[rows, cols]
    group = labels[rows]
    valid = group >= 0
    cell = group[valid] * n_cols + cols[valid]
    cast = cast[valid]
    size = n_groups * n_cols

    def per_cell(weights: np.ndarray | None) -> Floats:
        counted: Floats = np.bincount(cell, weights, size).astype(np.float64)
        return counted.reshape(n_groups, n_cols)

    return VoteCounts(per_cell(cast == 1), per_cell(cast == -1), per_cell(None))


def prop_test(successes: np.ndarray, trials: np.ndarray) -> np.ndarray:
    """Return Polis's one-proportion z against 1/2, with a pseudo-count on both counts."""
    return 2.0 * np.sqrt(trials + 1.0) * ((successes + 1.0) / (trials + 1.0) - 0.5)


def two_prop_test(
    succ_in: np.ndarray, succ_out: np.ndarray, n_in: np.ndarray, n_out: np.ndarray
) -> np.ndarray:
    """Return Polis's two-proportion z (group vs rest), with a pseudo-count on all four counts."""
    succ_in, succ_out, n_in, n_out = succ_in + 1.0, succ_out + 1.0, n_in + 1.0, n_out + 1.0
    p_in, p_out = succ_in / n_in, succ_out / n_out
    pooled = (succ_in + succ_out) / (n_in + n_out)
    spread = np.sqrt(pooled * (1.0 - pooled) * (1.0 / n_in + 1.0 / n_out))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (p_in - p_out) / spread
    # Everyone agreeing leaves no variance; Polis calls that no difference.
    return np.where(spread > 0, z, 0.0)


def _row(perspective_id: object, counts: VoteCounts, g: int, c: int) -> Row:
    """Return the vote counts of one group and perspective as a plain dict."""
    return {
        "perspective_id": perspective_id,
        "agree": int(counts.agree[g, c]),
        "disagree": int(counts.disagree[g, c]),
        "pass": int(counts.passed[g, c]),
        "seen": int(counts.seen[g, c]),
    }


def representative(
    counts: VoteCounts, perspective_ids: Ids, limit: int = MAX_REPRESENTATIVE
) -> list[list[Row]]:
    """Select each group's representative perspectives the way Polis's repness does."""
    rest = VoteCounts(
        counts.agree.sum(0) - counts.agree,
        counts.disagree.sum(0) - counts.disagree,
        counts.seen.sum(0) - counts.seen,
    )
    pa, pd = counts.p_agree, counts.p_disagree
    pat, pdt = prop_test(counts.agree, counts.seen), prop_test(counts.disagree, counts.seen)
    ra, rd = pa / rest.p_agree, pd / rest.p_disagree
    rat = two_prop_test(counts.agree, rest.agree, counts.seen, rest.seen)
    rdt = two_prop_test(counts.disagree, rest.disagree, counts.seen, rest.seen)
    agree_side = rat > rdt
    repness = np.where(agree_side, ra, rd)
    repness_z = np.where(agree_side, rat, rdt)
    p_success = np.where(agree_side, pa, pd)
    p_z = np.where(agree_side, pat, pdt)
    metric = repness * repness_z * p_success * p_z
    sufficient = ((rat > Z_90) & (pat > Z_90)) | ((rdt > Z_90) & (pdt > Z_90))
    voted = (counts.agree + counts.disagree) > 0
    result: list[list[Row]] = []
    for g in range(counts.seen.shape[0]):

        def entry(c: int, g: int = g, agree: bool | None = None, best: bool = False) -> Row:
            """Describe perspective c for group g, on its more distinctive side by default."""
            side = bool(agree_side[g, c]) if agree is None else agree
            row = _row(perspective_ids[c], counts, g, c)
            row.update(
                direction="agree" if side else "disagree",
                repness=float((ra if side else rd)[g, c]),
                repness_test=float((rat if side else rdt)[g, c]),
                p=float((pa if side else pd)[g, c]),
                p_test=float((pat if side else pdt)[g, c]),
                best_agree=best,
            )
            return row

        # Polis always tries to show one thing the group agrees on, even if weakly distinctive.
        best_agree: int | None = None
        agreeable = voted[g] & ((pat[g] > Z_90) | ((ra[g] > 1.0) & (pa[g] > 0.5)))
        if agreeable.any():
            distinctive = agreeable & (ra[g] > 1.0)
            pool = distinctive if distinctive.any() else agreeable
            score = ra[g] * rat[g] * pa[g] * pat[g] if distinctive.any() else pa[g] * pat[g]
            best_agree = int(np.flatnonzero(pool)[np.argmax(score[pool])])
        chosen = [c for c in np.argsort(-metric[g], kind="stable") if sufficient[g, c]]
        if not chosen:
            if best_agree is not None:
                result.append([entry(best_agree, agree=True, best=True)])
            elif voted[g].any():
                strongest = np.where(voted[g], np.maximum(rat[g], rdt[g]), -np.inf)
                result.append([entry(int(np.argmax(strongest)))])
            else:
                result.append([])
            continue
        rows = [entry(best_agree, agree=True, best=True)] if best_agree is not None else []
        rows += [entry(int(c)) for c in chosen if c != best_agree][: limit - len(rows)]
        # Polis lists what the group agrees with before what it rejects.
        result.append(sorted(rows, key=lambda r: r["direction"] != "agree"))
    return result


def consensus(counts: VoteCounts, perspective_ids: Ids, limit: int = MAX_CONSENSUS) -> list[Row]:
    """Return perspectives most people agree (or disagree) with, significantly (Polis)."""
    found: list[tuple[float, Row]] = []
    for direction, successes in (("agree", counts.agree[0]), ("disagree", counts.disagree[0])):
        p = (successes + 1.0) / (counts.seen[0] + 2.0)
        z = prop_test(successes, counts.seen[0])
        ok = np.flatnonzero((p > 0.5) & (z > Z_90))
        for c in ok[np.argsort(-(p * z)[ok], kind="stable")][:limit]:
            row = _row(perspective_ids[c], counts, 0, int(c))
            row.update(direction=direction, p=float(p[c]), p_test=float(z[c]))
            found.append((float(p[c] * z[c]), row))
    return [row for _, row in sorted(found, key=lambda item: -item[0])]


def group_informed_consensus(
    counts: VoteCounts, perspective_ids: Ids, limit: int = MAX_LISTED
) -> list[Row]:
    """Rank perspectives by the product over groups of each group's agree probability (Polis)."""
    if counts.seen.shape[0] == 0:
        return []
    pa = counts.p_agree
    score = pa.prod(axis=0)
    # Every group must have seen it; otherwise the 1/2 prior would stand in for a whole group.
    seen_by_all = (counts.seen > 0).all(axis=0)
    candidates = np.flatnonzero(seen_by_all)
    order = candidates[np.argsort(-score[candidates], kind="stable")][:limit]
    return [
        {
            "perspective_id": perspective_ids[c],
            "consensus": float(score[c]),
            "group_agree": [float(x) for x in pa[:, c]],
            "seen": int(counts.seen[:, c].sum()),
        }
        for c in order
    ]


def divisive(counts: VoteCounts, perspective_ids: Ids, limit: int = MAX_LISTED) -> list[Row]:
    """Rank perspectives by how far apart the groups' mean votes are, given enough votes."""
    # Mean vote per group (+1 agree, -1 disagree, 0 pass): unlike the agree rate alone, it
    # tells a group that rejects a perspective from one that merely passes on it.
    enough = counts.seen >= MIN_GROUP_VOTES
    net = counts.agree - counts.disagree
    mean_vote = np.divide(net, counts.seen, out=np.zeros_like(net), where=enough)
    n_enough = enough.sum(axis=0)
    safe_n = np.maximum(n_enough, 1)
    centre = np.where(enough, mean_vote, 0.0).sum(axis=0) / safe_n
    variance = np.where(enough, (mean_vote - centre) ** 2, 0.0).sum(axis=0) / safe_n
    highest = np.where(enough, mean_vote, -np.inf).max(axis=0, initial=-np.inf)
    lowest = np.where(enough, mean_vote, np.inf).min(axis=0, initial=np.inf)
    spread = np.where(n_enough >= 2, highest - lowest, 0.0)
    ok = np.flatnonzero((n_enough >= 2) & (spread >= MIN_DIVISIVE_SPREAD))
    order = ok[np.argsort(-variance[ok], kind="stable")][:limit]
    return [
        {
            "perspective_id": perspective_ids[c],
            "variance": float(variance[c]),
            "spread": float(spread[c]),
            "group_mean_vote": [float(v) for v in mean_vote[:, c]],
            "group_seen": [int(n) for n in counts.seen[:, c]],
            "seen": int(counts.seen[:, c].sum()),
        }
        for c in order
    ]


def uncertain(counts: VoteCounts, perspective_ids: Ids, limit: int = MAX_LISTED) -> list[Row]:
    """Return perspectives that many people passed on: areas of uncertainty."""
    seen, passed = counts.seen[0], counts.passed[0]
    share = np.divide(passed, seen, out=np.zeros_like(seen), where=seen > 0)
    ok = np.flatnonzero((seen >= MIN_UNCERTAIN_VOTES) & (share >= MIN_PASS_SHARE))
    order = ok[np.lexsort((-seen[ok], -share[ok]))][:limit]
    return [
        _row(perspective_ids[c], counts, 0, int(c)) | {"pass_share": float(share[c])} for c in order
    ]

"""Write a synthetic Polis export the size of a town-wide digital round.

Usage: ``python bench/polis_synthetic.py OUT_DIR [--perspectives 10000] [--participants 3000]
[--votes 200000] [--groups 4] [--seed 0]``

The export has Polis's files (``comments.csv``, ``votes.csv``, ``participants-votes.csv``,
``summary.csv``) so that ``dialog import-polis OUT_DIR`` takes it as it takes a real one.

What it holds, so the analysis has real work to do:

- participants belong to planted opinion groups (``--groups``); each perspective leans
  towards agreement or disagreement per group, and a participant votes as their group leans,
  with noise; some perspectives are shared by all (consensus);
- perspectives are written from topic vocabularies (one topic per perspective, a few common
  words), so text similarity finds neighbours without every pair being alike;
- votes are spread unevenly (early perspectives get more votes, as in a real round), at most
  one per participant and perspective; a few perspectives are moderated out.

Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import csv
import random
from bisect import bisect_left
from itertools import accumulate
from pathlib import Path

TOPICS: tuple[tuple[str, ...], ...] = (
    ("buss", "hållplats", "linje", "tidtabell", "kollektivtrafik", "resa", "pendla", "tåg"),
    ("skola", "lärare", "elever", "rast", "lektion", "mobbning", "fritids", "läxor"),
    ("park", "belysning", "kväll", "mörkt", "lampor", "promenad", "otrygg", "gångväg"),
    ("polis", "vakter", "kameror", "brott", "trygghet", "närvaro", "stölder", "skadegörelse"),
    ("fritidsgård", "ungdomar", "idrott", "hall", "föreningar", "aktiviteter", "musik", "lokal"),
    ("trafik", "bilar", "cykel", "hastighet", "korsning", "parkering", "väg", "avgift"),
    ("bostäder", "hyra", "bygga", "lägenheter", "grannar", "gård", "trapphus", "område"),
    ("handel", "butiker", "torget", "kafé", "centrum", "öppettider", "arbete", "jobb"),
    ("natur", "skog", "sjö", "grönområde", "träd", "lekplats", "hundar", "bänkar"),
    ("äldre", "vård", "hemtjänst", "ensamhet", "mötesplats", "bibliotek", "kultur", "kyrka"),
)
COMMON = ("vi", "behöver", "mer", "bättre", "fler", "viktigt", "tycker", "borde", "alla",
          "kommunen")


def perspective_text(rng: random.Random, topic: tuple[str, ...]) -> str:
    words = rng.sample(topic, 4) + rng.sample(COMMON, 3)
    rng.shuffle(words)
    return " ".join(words).capitalize() + "."


def write_export(out: Path, *, perspectives: int, participants: int, votes: int,
                 groups: int = 4, seed: int = 0) -> None:
    """Write the four files of a Polis export into ``out``."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    membership = [rng.randrange(groups) for _ in range(participants)]
    # Each perspective: per group, the chance to agree; a tenth are consensus.
    leaning: list[list[float]] = []
    for _ in range(perspectives):
        if rng.random() < 0.1:
            leaning.append([0.85] * groups)
        else:
            leaning.append([rng.choice((0.15, 0.5, 0.85)) for _ in range(groups)])
    authors = [rng.randrange(participants) for _ in range(perspectives)]
    # Early perspectives are seen by more people: weight falls off with the id.
    cumulative = list(accumulate(1.0 / (1 + index / 500) for index in range(perspectives)))
    cast: dict[tuple[int, int], int] = {}
    attempts = 0
    while len(cast) < votes and attempts < votes * 4:
        attempts += 1
        voter = rng.randrange(participants)
        if attempts % 8:
            comment = min(bisect_left(cumulative, rng.random() * cumulative[-1]),
                          perspectives - 1)
        else:
            comment = rng.randrange(perspectives)
        if (voter, comment) in cast:
            continue
        chance = leaning[comment][membership[voter]]
        draw = rng.random()
        cast[(voter, comment)] = 1 if draw < chance * 0.9 else (-1 if draw < 0.9 else 0)
    start_ms = 1_700_000_000_000
    with (out / "comments.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["timestamp", "datetime", "comment-id", "author-id", "agrees",
                         "disagrees", "moderated", "comment-body"])
        for index in range(perspectives):
            topic = TOPICS[index % len(TOPICS)]
            moderated = -1 if rng.random() < 0.02 else 1
            writer.writerow([start_ms + index * 1000, "", index, authors[index], 0, 0,
                             moderated, perspective_text(rng, topic)])
    with (out / "votes.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["timestamp", "datetime", "comment-id", "voter-id", "vote"])
        for order, ((voter, comment), vote) in enumerate(sorted(cast.items())):
            writer.writerow([start_ms + perspectives * 1000 + order, "", comment, voter, vote])
    written = {author: authors.count(author) for author in set(authors)}
    by_voter: dict[int, dict[int, int]] = {}
    for (voter, comment), vote in cast.items():
        by_voter.setdefault(voter, {})[comment] = vote
    with (out / "participants-votes.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["participant", "group-id", "n-comments", "n-votes", "n-agree",
                         "n-disagree", *range(perspectives)])
        for voter in sorted(by_voter):
            row = by_voter[voter]
            cells = [row.get(comment, "") for comment in range(perspectives)]
            writer.writerow([voter, membership[voter], written.get(voter, 0), len(row),
                             sum(1 for v in row.values() if v == 1),
                             sum(1 for v in row.values() if v == -1), *cells])
    summary = {"topic": "Syntetisk stadsdialog", "url": "https://example.invalid/synthetic",
               "views": participants, "voters": len(by_voter), "voters-in-conv": len(by_voter),
               "commenters": len(set(authors)), "comments": perspectives, "groups": groups,
               "conversation-description": "Syntetisk export för prestandamätning."}
    with (out / "summary.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(summary.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--perspectives", type=int, default=10_000)
    parser.add_argument("--participants", type=int, default=3_000)
    parser.add_argument("--votes", type=int, default=200_000)
    parser.add_argument("--groups", type=int, default=4)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    write_export(args.out, perspectives=args.perspectives, participants=args.participants,
                 votes=args.votes, groups=args.groups, seed=args.seed)


if __name__ == "__main__":
    main()

"""Read a shared Polis open-data conversation with the csv module, for graph tests and bench."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from dialog.analysis.graph_model import OpinionInput, PerspectiveInput

POLIS_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "polis-opendata"
CONVERSATIONS = (
    "15-per-hour-seattle",
    "brexit-consensus",
    "london.youth.policing",
    "scoop-hivemind.ubi",
    "vtaiwan.uberx",
)
CHINESE = {"vtaiwan.uberx"}


@dataclass
class PolisConversation:
    """One conversation as graph inputs."""

    name: str
    language: str
    perspectives: list[PerspectiveInput]
    votes: list[tuple[int, int, int]]
    opinion: OpinionInput | None


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def load_conversation(name: str, include_rejected: bool = False) -> PolisConversation:
    """Comments (rejected ones, ``moderated == -1``, left out unless asked), the vote log in
    time order (so the latest vote comes last) and Polis's own opinion groups."""
    folder = POLIS_DIR / name
    perspectives = [
        PerspectiveInput(int(row["comment-id"]), row["comment-body"], "thought", None,
                         int(row["author-id"]))
        for row in _rows(folder / "comments.csv")
        if include_rejected or row["moderated"].strip() != "-1"
    ]
    log = sorted(_rows(folder / "votes.csv"), key=lambda row: int(row["timestamp"]))
    votes = [(int(r["voter-id"]), int(r["comment-id"]), int(r["vote"])) for r in log]
    groups: dict[int, list[int]] = {}
    participants = folder / "participants-votes.csv"
    if participants.is_file():
        for row in _rows(participants):
            if (row.get("group-id") or "").strip():
                groups.setdefault(int(row["group-id"]), []).append(int(row["participant"]))
    language = "zh" if name in CHINESE else "en"
    return PolisConversation(name, language, perspectives, votes,
                             OpinionInput(groups) if groups else None)


def available(name: str) -> bool:
    """Whether the conversation's comments.csv and votes.csv are present."""
    folder = POLIS_DIR / name
    return (folder / "comments.csv").is_file() and (folder / "votes.csv").is_file()

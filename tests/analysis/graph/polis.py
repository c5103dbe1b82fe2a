"""Read a shared Polis open-data conversation with the csv module, for graph tests and bench."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from dialog.analysis.graph_model import OpinionInput, PerspectiveInput
from dialog.analysis.polis_data import read_polis_export

POLIS_DIR = (Path(os.environ.get("DIALOG_SHARED_DIR")
                 or Path(__file__).resolve().parents[3].parent / "shared")
             / "data" / "polis-opendata")
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


def load_conversation(name: str, include_rejected: bool = False) -> PolisConversation:
    """Comments (rejected ones, ``moderated == -1``, left out unless asked), the vote log in
    time order (so the latest vote comes last) and Polis's own opinion groups."""
    export = read_polis_export(POLIS_DIR / name)
    perspectives = [
        PerspectiveInput(c.id, c.body, "thought", None, c.author)
        for c in export.comments
        if include_rejected or c.moderated != -1
    ]
    groups: dict[int, list[int]] = {}
    for participant, group in export.groups.items():
        if group is not None:
            groups.setdefault(group, []).append(participant)
    language = "zh" if name in CHINESE else "en"
    return PolisConversation(name, language, perspectives, export.vote_triples(),
                             OpinionInput(groups) if groups else None)


def available(name: str) -> bool:
    """Whether the conversation's comments.csv and votes.csv are present."""
    folder = POLIS_DIR / name
    return (folder / "comments.csv").is_file() and (folder / "votes.csv").is_file()

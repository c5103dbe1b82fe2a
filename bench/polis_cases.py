"""The Polis open-data conversations the agreement benchmarks score against, read one way.

Used by ``compare_red_dwarf.py`` and ``loo_opinion_params.py``. Importing this module needs
only the standard library (``compare_red_dwarf.py --worker`` imports it in red-dwarf's own
Python); reading a conversation imports dialog.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dialog.analysis import PolisExport, VoteMatrix

ROOT = Path(__file__).resolve().parents[1]
# As the tests: $DIALOG_SHARED_DIR, else ../shared next to the checkout.
DATA_DIR = (
    Path(os.environ.get("DIALOG_SHARED_DIR") or ROOT.parent / "shared") / "data" / "polis-opendata"
)


@dataclass
class Conversation:
    """One Polis export, with the vote matrix built both ways and Polis's own groups."""

    name: str
    export: PolisExport

    @cached_property
    def counted(self) -> VoteMatrix:
        """The matrix as dialog builds it: rejected comments left out and counted."""
        return self.export.vote_matrix()

    @cached_property
    def filtered(self) -> VoteMatrix:
        """The matrix built from the votes on accepted comments only: no count of the rejected."""
        from dialog.analysis import VoteMatrix

        accepted = set(self.export.accepted_comment_ids)
        return VoteMatrix.from_votes([v for v in self.export.votes if v.comment_id in accepted])

    @cached_property
    def polis(self) -> dict[int, int]:
        """Polis's group per participant it grouped."""
        return self.export.polis_groups()

    def final_votes(self) -> list[list[int]]:
        """Return each participant's last vote per comment as [participant, comment, vote]."""
        final: dict[tuple[int, int], int] = {}
        for vote in self.export.votes:  # in time order: the last vote per cell wins
            final[(vote.participant_id, vote.comment_id)] = vote.vote
        return [[p, c, v] for (p, c), v in final.items()]

    def rejected(self) -> list[int]:
        """Return the ids of the comments moderators rejected."""
        return sorted({c.id for c in self.export.comments} - set(self.export.accepted_comment_ids))


def folders(data: Path = DATA_DIR) -> list[Path]:
    """Return the export folders under data, by name; none when data is missing."""
    if not data.is_dir():
        return []
    return sorted(p for p in data.iterdir() if (p / "comments.csv").is_file())


def load(folder: Path) -> Conversation:
    """Read one export folder."""
    sys.path.insert(0, str(ROOT))
    from dialog.analysis import read_polis_export

    return Conversation(folder.name, read_polis_export(folder))


def load_all(data: Path = DATA_DIR) -> list[Conversation]:
    """Read every export folder under data."""
    return [load(folder) for folder in folders(data)]

"""Plain input types and tunable thresholds for the perspective graph (no Flask, no ORM)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Literal, get_args

from dialog.analysis.theme_merge import MAX_THEMES

Relation = Literal["builds_on", "contrasts_with", "same_as"]
RELATIONS: tuple[str, ...] = get_args(Relation)
KINDS: tuple[str, ...] = ("standpoint", "feeling", "idea", "thought")

PerspectiveId = Hashable
ParticipantId = Hashable
VoteTriple = tuple[ParticipantId, PerspectiveId, int]

OTHER_THEME_ID = 0
OTHER_THEME_LABEL = "övrigt"


@dataclass(frozen=True)
class PerspectiveInput:
    """One perspective: a short text, its kind and the stakeholder group that voiced it."""

    id: PerspectiveId
    text: str
    kind: str = "thought"
    stakeholder_group: str | None = None
    participant_id: ParticipantId | None = None
    #: Entered by a facilitator from outside the room ("interview", "paper", ...), else None.
    source: str | None = None


@dataclass(frozen=True)
class ExplicitLink:
    """A relation a participant or facilitator drew between two perspectives."""

    source_id: PerspectiveId
    target_id: PerspectiveId
    relation: Relation

    def __post_init__(self) -> None:
        if self.relation not in RELATIONS:
            raise ValueError(f"unknown relation {self.relation!r}; expected one of {RELATIONS}")


@dataclass(frozen=True)
class OpinionInput:
    """Opinion groups from the vote clustering: group id -> member participant ids."""

    groups: dict[int, list[ParticipantId]] = field(default_factory=dict)


@dataclass(frozen=True)
class MapParams:
    """Thresholds of the perspective map; the defaults are tuned on the Polis open data.

    similarity_threshold: TF-IDF cosine for a ``similar`` edge; None picks the language
        default (0.25 for stemmed Swedish/English, 0.12 for character bigrams).
    co_agreement_threshold / co_agreement_min_support: Jaccard of the participants agreeing
        with two perspectives, counted among those who voted on both, and the minimum number
        of participants agreeing with both.
    co_agreement_min_phi / co_agreement_top_k: the agreement must also correlate (phi), so
        that consensus statements do not all link by chance, and each perspective keeps
        only its top-k co-agreement partners.
    min_group_votes: votes an opinion group needs on a perspective before its rates count.
    agreed_by_threshold: agree rate for an ``agreed_by`` edge (opinion group -> perspective).
    bridging_threshold: agree rate needed in every opinion group for a bridging perspective.
    divisive_threshold: one group agrees and another disagrees at least this often.
    disagreement_threshold: share of disagree votes that marks a contested perspective.
    min_theme_size: smaller communities go to the "övrigt" theme.
    max_themes: beyond this many themes the closest ones merge (``theme_merge``).
    betweenness_threshold / max_betweenness_bridges: normalised betweenness for a structural
        bridge, and how many such bridges to report at most.
    betweenness_sample: above 500 perspectives (``graph_centrality.DENSE_NODE_LIMIT``)
        betweenness uses this many sampled sources (seeded), so its cost grows linearly.
    quiet_min_count / quiet_share: a stakeholder group is quiet with less than quiet_share
        of an even share of all perspectives, or with fewer than quiet_min_count once an
        even share would reach quiet_min_count (so early in a process nobody is "quiet").
    """

    similarity_threshold: float | None = None
    co_agreement_threshold: float = 0.5
    co_agreement_min_support: int = 5
    co_agreement_min_phi: float = 0.3
    co_agreement_top_k: int = 5
    min_group_votes: int = 3
    agreed_by_threshold: float = 0.7
    bridging_threshold: float = 0.6
    divisive_threshold: float = 0.5
    disagreement_threshold: float = 0.3
    min_theme_size: int = 2
    louvain_resolution: float = 1.0
    max_themes: int = MAX_THEMES
    betweenness_threshold: float = 0.1
    max_betweenness_bridges: int = 5
    betweenness_sample: int = 120
    quiet_min_count: int = 2
    quiet_share: float = 0.5


def perspective_node(perspective_id: PerspectiveId) -> str:
    """Node id of a perspective."""
    return f"p:{perspective_id}"


def group_node(name: str) -> str:
    """Node id of a stakeholder group."""
    return f"s:{name}"


def opinion_node(group_id: int) -> str:
    """Node id of an opinion group."""
    return f"o:{group_id}"


def theme_node(theme_id: int) -> str:
    """Node id of a theme."""
    return f"t:{theme_id}"


def json_id(value: PerspectiveId) -> int | str:
    """Return an id as it can appear in JSON (ints and strings as is, others as str)."""
    return value if isinstance(value, int | str) and not isinstance(value, bool) else str(value)

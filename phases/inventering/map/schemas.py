"""What the map's faces answer: a perspective on the phone, a link, a reaction, the map."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import AliasChoices, ConfigDict, Field, RootModel, model_validator

from dialog.actions import Output
from dialog.actions.fields import Timestamp
from dialog.models import LinkRelation, PerspectiveKind

Vote = Literal["agree", "disagree", "pass"]


class PhonePerspective(Output):
    """A perspective as a phone shows it, without anything about who wrote it."""

    id: int
    #: Flagged personal data redacted (``Perspective.shown_text``).
    text: str = Field(validation_alias=AliasChoices("shown_text", "text"))
    kind: PerspectiveKind
    stakeholder_group: str | None = Field(
        validation_alias=AliasChoices("group_name", "stakeholder_group"))
    created_at: Timestamp


class NextPerspective(Output):
    perspective: PhonePerspective | None
    remaining: int


class Voted(Output):
    ok: bool = True
    perspective_id: int
    vote: Vote
    created: bool


class LinkOut(Output):
    id: int
    process_id: int
    source_id: int
    target_id: int
    relation: LinkRelation
    drawn_by: Literal["facilitator", "participant"]
    created_at: Timestamp

    @model_validator(mode="before")
    @classmethod
    def _who_drew(cls, source: Any) -> Any:
        if isinstance(source, dict):
            return source
        drawn_by = "facilitator" if source.facilitator_id else "participant"
        return {name: getattr(source, name) for name in (
            "id", "process_id", "source_id", "target_id", "relation", "created_at")} | {
            "drawn_by": drawn_by}


class LinkCreated(LinkOut):
    created: bool


class Links(Output):
    links: list[LinkOut]


class PerspectiveMap(RootModel[dict[str, Any]]):
    """The map as the analysis stored it; passed through as it is."""

    model_config = ConfigDict(json_schema_extra={
        "description": "Perspektivkartan: grafen (networkx node-link JSON, noder "
                       "p:/s:/o:/t:), åsiktsgrupper, samsyn, splittrande perspektiv, teman och "
                       "saknade perspektiv. Med ?view=projector utan gruppmedlemmar.",
        "required": ["process_id", "counts", "graph", "opinion_groups"]})

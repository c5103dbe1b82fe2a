"""The map's actions: a phone reacts and is offered the next perspective; links; the map.

Each is declared once; ``map/api.py`` and ``map/live.py`` are thin faces over them.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import WithJsonSchema
from sqlalchemy.orm import Session

from dialog.actions import Call, Input, Output, Role, Target, operation
from dialog.actions.fields import Id, LooseText, OptionalId
from dialog.actions.inputs import OfProcess
from dialog.errors import DialogError
from dialog.models import VOTE_NAMES, Participant, Process, Workshop
from phases.inventering.map import analysis_requests, analysis_runs, links
from phases.inventering.map.reaction_queue import next_perspective
from phases.inventering.map.reactions import Reader, react_to
from phases.inventering.map.schemas import (
    LinkCreated,
    LinkOut,
    Links,
    NextPerspective,
    PerspectiveMap,
    Voted,
)

VoteText = Annotated[Any, WithJsonSchema({"enum": ["agree", "disagree", "pass"]})]
Relation = Annotated[Any, WithJsonSchema({"enum": ["builds_on", "contrasts_with", "same_as"]})]


class NewReaction(Input):
    perspective_id: Id
    vote: VoteText = None


@operation("reaction.submit", input=NewReaction, role=Role.PARTICIPANT, result=Voted)
def submit_reaction(call: Call[NewReaction]) -> Voted:
    """React to a perspective: agree, disagree or pass; only the latest reaction counts."""
    vote, created = react_to(call.session, call.participant, call.input.perspective_id,
                             call.input.vote)
    return Voted(perspective_id=call.input.perspective_id, vote=VOTE_NAMES[vote],
                 created=created)


class WhereIAm(Input):
    #: The workshop the phone is in; a socket sends none (its connection knows).
    workshop_id: OptionalId = None


@operation("reaction.next", input=WhereIAm, role=Role.PARTICIPANT, result=NextPerspective)
def next_for_me(call: Call[WhereIAm]) -> dict[str, Any]:
    """The next perspective to react to (not my own, not answered yet) and how many remain."""
    if call.input.workshop_id is not None:
        call.reachable(Workshop, call.input.workshop_id)
    return offer(call.session, call.participant)


def offer(session: Session, participant: Reader) -> dict[str, Any]:
    """What a phone is offered next: a perspective (or None when done) and how many remain."""
    perspective, remaining = next_perspective(session, participant)
    return {"perspective": perspective, "remaining": remaining}


class MapQuery(Input):
    process_id: Id
    seed: LooseText = None
    view: Annotated[Any, WithJsonSchema({"enum": ["projector"]})] = None


@operation("map.show", input=MapQuery, role=Role.FACILITATOR, result=PerspectiveMap,
           target=Target(Process, "process_id"), changes=False)
def show_map(call: Call[MapQuery]) -> dict[str, Any]:
    """The perspective map and opinion analysis (recomputed when something changed).

    With Redis the server never computes it: a stale map is served as stored while the
    worker computes the fresh one (``map:update`` follows); only a map never computed is.
    """
    seed = _seed(call.input.seed)
    stored = (analysis_requests.stored_or_requested(call.session, call.target)
              if seed == 0 and analysis_requests.in_worker() else None)
    result = stored if stored is not None else analysis_runs.refresh(
        call.session, call.target, seed)[0]
    return analysis_runs.for_projector(result) if on_projector(call.input) else result


def on_projector(query: MapQuery) -> bool:
    return bool(query.view == "projector")


class WatchedMap(Output):
    process_id: int
    map: PerspectiveMap
    view: str | None = None


@operation("map.watch", input=MapQuery, role=Role.FACILITATOR, result=WatchedMap,
           target=Target(Process, "process_id"), changes=False)
def watch_map(call: Call[MapQuery]) -> dict[str, Any]:
    """Follow a process's map: the current one now, ``map:update`` with the next ones."""
    return {"process_id": call.target.id, "map": show_map.run(call),
            "view": "projector" if on_projector(call.input) else None}


class NewLink(Input):
    process_id: Id
    source_id: Id
    target_id: Id
    relation: Relation = None


@operation("link.create", input=NewLink, role=Role.SIGNED_IN, result=LinkCreated,
           target=Target(Process, "process_id"))
def create_link(call: Call[NewLink]) -> dict[str, Any]:
    """Draw a relation between two approved perspectives (the same one again is the first)."""
    data, drawer = call.input, call.actor
    by = {"participant": drawer} if isinstance(drawer, Participant) else {"facilitator": drawer}
    link, created = links.create_link(call.session, call.target, source_id=data.source_id,
                                      target_id=data.target_id, relation=data.relation, **by)
    return LinkOut.dump(link) | {"created": created}



@operation("link.list", input=OfProcess, role=Role.FACILITATOR, result=Links,
           target=Target(Process, "process_id"), changes=False)
def list_links(call: Call[OfProcess]) -> dict[str, Any]:
    """Every relation drawn in the process."""
    return {"links": links.links_of_process(call.session, call.target.id)}


def _seed(raw: Any) -> int:
    text = "0" if raw is None else str(raw)
    if not text.isdigit() or len(text) > 9:
        raise DialogError("invalid_seed")
    return int(text)

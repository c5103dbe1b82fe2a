"""Lärande samtal's actions, each declared once for the JSON API, the live events and the
console's forms: build and close rounds, reflect (exactly once), moderate, log the line."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import WithJsonSchema

from dialog.actions import Call, Input, Role, Target, operation
from dialog.actions.fields import Id, LooseIds, LooseOptionalText, LooseText
from dialog.actions.inputs import NoInput, OfProcess
from dialog.models import (
    ConversationRound,
    ModerationStatus,
    PhaseKind,
    Process,
    Reflection,
    ViewChange,
)
from dialog.phasing.service import history, open_phase_of, order
from dialog.services import hide_reasons
from dialog.services.perspectives import perspectives_of_process
from phases.larande_samtal import learning, reflections, resistance, rounds, suggestions
from phases.larande_samtal.schemas import (
    IndicatorsOut,
    MyRounds,
    ReflectionOut,
    ReflectionSent,
    ResistanceEntryOut,
    ResistanceLog,
    RoundDetail,
    RoundOut,
    Rounds,
    Suggestions,
    Watched,
)

Basis = Annotated[Any, WithJsonSchema({"enum": list(rounds.BASES)})]
Change = Annotated[Any, WithJsonSchema({"enum": [c.value for c in ViewChange]})]
Decision = Annotated[Any, WithJsonSchema({"enum": list(reflections.DECISIONS)})]
Level = Annotated[Any, WithJsonSchema({"enum": [level.value for level in resistance.ZONES]})]
Title = Annotated[Any, WithJsonSchema({"type": "string", "maxLength": rounds.MAX_TITLE})]
OptionalNumber = Annotated[Any, WithJsonSchema({"type": ["integer", "null"]})]
ClientIdText = Annotated[Any, WithJsonSchema({"type": "string", "maxLength": 64})]



class OfRound(Input):
    round_id: Id


class NewRound(Input):
    process_id: Id
    title: Title = None
    perspective_ids: LooseIds = None
    prompt: LooseText = ""
    basis: Basis = "manual"
    #: An ISO 8601 moment with a timezone: a digital round open until then.
    closes_at: LooseOptionalText = None


class NewReflection(Input):
    """Answers to the round's prompts; the same ``client_id`` again is stored once."""

    round_id: Id
    client_id: ClientIdText = None
    view_change: Change = None
    understood: LooseText = ""
    question: LooseText = ""
    keep: LooseText = ""
    moved_by: OptionalNumber = None


class Moderation(Input):
    reflection_id: Id
    action: Decision = None
    #: Why, in words for the author (a hide without one gets the default reason).
    reason: LooseText = ""
    #: A common reason's code (personal_data, offensive, off_topic, duplicate, default) or
    #: ``other``: the author reads a common reason in their own language.
    reason_code: Annotated[Any, WithJsonSchema({
        "type": ["string", "null"], "enum": [*hide_reasons.CODES, hide_reasons.OTHER, None]})
    ] = None
    #: For ``redact``: a prompt's words as edited, published instead of what was written
    #: (left out: unchanged; empty: cut). The original stays in the moderation log.
    understood: LooseOptionalText = None
    question: LooseOptionalText = None
    keep: LooseOptionalText = None


class NewReading(Input):
    process_id: Id
    level: Level = None
    note: LooseText = ""
    round_id: OptionalNumber = None



def with_indicators(call: Call[Any], conversation: ConversationRound) -> dict[str, Any]:
    return {**RoundOut.dump(conversation),
            "indicators": learning.indicators(call.session, conversation)}


@operation("round.suggest", input=OfProcess, role=Role.FACILITATOR, result=Suggestions,
           target=Target(Process, "process_id"), changes=False)
def suggest(call: Call[OfProcess]) -> dict[str, Any]:
    """Suggested rounds: from the perspective map, else a simple heuristic."""
    return suggestions.suggest(call.session, call.target, call.locale)


@operation("round.create", input=NewRound, role=Role.FACILITATOR, result=RoundOut,
           target=Target(Process, "process_id"))
def create_round(call: Call[NewRound]) -> ConversationRound:
    """Build a conversation round of 2–8 contrasting perspectives in lärande samtal."""
    data = call.input
    return rounds.create_round(
        call.session, call.facilitator, call.target, title=data.title,
        perspective_ids=data.perspective_ids, prompt=data.prompt, basis=data.basis,
        closes_at=data.closes_at)


@operation("round.list", input=OfProcess, role=Role.FACILITATOR, result=Rounds,
           target=Target(Process, "process_id"), changes=False)
def list_rounds(call: Call[OfProcess]) -> dict[str, Any]:
    """The process's conversation rounds with their learning indicators."""
    found = rounds.rounds_of_process(call.session, call.target)
    return {"rounds": [with_indicators(call, r) for r in found]}


@operation("round.get", input=OfRound, role=Role.FACILITATOR, result=RoundDetail,
           target=Target(ConversationRound, "round_id"), changes=False)
def get_round(call: Call[OfRound]) -> dict[str, Any]:
    """A conversation round with its reflections and indicators."""
    found = reflections.reflections_of_round(call.session, call.target)
    return {**with_indicators(call, call.target),
            "reflections": ReflectionOut.dump_all(found)}


@operation("round.indicators", input=OfRound, role=Role.FACILITATOR, result=IndicatorsOut,
           target=Target(ConversationRound, "round_id"), changes=False)
def indicators(call: Call[OfRound]) -> dict[str, Any]:
    """The round's learning indicators."""
    return learning.indicators(call.session, call.target)


@operation("round.close", input=OfRound, role=Role.FACILITATOR, result=RoundOut,
           target=Target(ConversationRound, "round_id"))
def close_round(call: Call[OfRound]) -> ConversationRound:
    """Close a conversation round (its reflections stay)."""
    return rounds.close_round(call.session, call.target)


@operation("reflection.submit", input=NewReflection, role=Role.PARTICIPANT,
           result=ReflectionSent, target=Target(ConversationRound, "round_id"))
def submit_reflection(call: Call[NewReflection]) -> dict[str, Any]:
    """Answer a round's reflection prompts, in the room or from home, exactly once."""
    data = call.input
    reflection, duplicate = reflections.submit_reflection(
        call.session, call.participant, call.target, client_id=data.client_id,
        view_change=data.view_change, understood=data.understood, question=data.question,
        keep=data.keep, moved_by=data.moved_by)
    return {"id": reflection.id, "status": reflection.status, "duplicate": duplicate,
            "client_id": reflection.client_id, "round_id": reflection.round_id}


@operation("reflection.mine", input=NoInput, role=Role.PARTICIPANT, result=MyRounds)
def my_rounds(call: Call[NoInput]) -> dict[str, Any]:
    """The rounds I can answer now, and what I have already answered (in any round)."""
    process = call.session.get(Process, call.participant.process_id)
    assert process is not None
    return {"rounds": rounds.open_rounds(call.session, process),
            "reflections": reflections.mine_with_notes(call.session, call.participant,
                                                        call.locale)}


@operation("reflection.moderate", input=Moderation, role=Role.FACILITATOR, result=ReflectionOut,
           target=Target(Reflection, "reflection_id"))
def moderate(call: Call[Moderation]) -> Reflection:
    """Approve, hide or redact a reflection (nothing is deleted; the decision is logged; a
    hide's reason, or a redact's reason and edit, is told to its author)."""
    data = call.input
    return reflections.moderate_reflection(
        call.session, call.target, call.facilitator, data.action, data.reason,
        reason_code=data.reason_code, locale=call.locale,
        edits={prompt: getattr(data, prompt) for prompt in reflections.PROMPTS})


@operation("resistance.list", input=OfProcess, role=Role.FACILITATOR, result=ResistanceLog,
           target=Target(Process, "process_id"), changes=False)
def resistance_log(call: Call[OfProcess]) -> dict[str, Any]:
    """The resistance line: its levels, and the log over time."""
    return {"levels": resistance.levels(call.locale),
            "entries": resistance.timeline(call.session, call.target, call.locale)}


@operation("resistance.log", input=NewReading, role=Role.FACILITATOR,
           result=ResistanceEntryOut, target=Target(Process, "process_id"))
def log_resistance(call: Call[NewReading]) -> ResistanceEntryOut:
    """Note the room's tension; the answer suggests an intervention."""
    data = call.input
    entry = resistance.log_entry(call.session, call.facilitator, call.target, level=data.level,
                                 note=data.note, round_id=data.round_id)
    return resistance.entry_out(entry, call.locale)


@operation("samtal.watch", input=OfProcess, role=Role.FACILITATOR, result=Watched,
           target=Target(Process, "process_id"), changes=False)
def watch(call: Call[OfProcess]) -> dict[str, Any]:
    """Follow a process's phases and rounds: what is there so far."""
    process = call.target
    return {"process_id": process.id, "phases": history(process),
            "rounds": [with_indicators(call, r)
                       for r in rounds.rounds_of_process(call.session, process)],
            "resistance": resistance.timeline(call.session, process, call.locale)}


@operation("samtal.console", input=OfProcess, role=Role.FACILITATOR,
           target=Target(Process, "process_id"), changes=False)
def console(call: Call[OfProcess]) -> dict[str, Any]:
    """Everything the samtal console shows (the page's own read; not a JSON route)."""
    process, session = call.target, call.session
    current = open_phase_of(process)
    in_samtal = current is not None and current.kind is PhaseKind.LARANDE_SAMTAL
    return {
        "process": process, "current": current, "in_samtal": in_samtal,
        "phase_order": [kind.value for kind in order()],
        "rounds": [{"round": r, "data": RoundOut.dump(r),
                    "indicators": learning.indicators(session, r),
                    # Hidden ones too, with why (moderation hides, never deletes).
                    "reflections": reflections.with_notes(
                        session, reflections.reflections_of_round(session, r), call.locale)}
                   for r in reversed(rounds.rounds_of_process(session, process))],
        "perspectives": perspectives_of_process(session, process,
                                                statuses=(ModerationStatus.APPROVED,)),
        "suggestions": (suggestions.suggest(session, process, call.locale) if in_samtal
                        else {"source": None, "suggestions": []}),
        "entries": resistance.timeline(session, process, call.locale),
        "levels": resistance.levels(call.locale),
    }

"""Go fishing: ask the room for what was not said; phones answer; answers may be hidden."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import WithJsonSchema

from dialog.actions import Call, Input, Output, Role, Target, operation
from dialog.actions.fields import ClientId, Id, LooseNumber, LooseOptionalText, LooseText
from dialog.actions.inputs import OfProcess
from dialog.models import FishingAnswer, FishingPrompt, Process
from dialog.services import hide_reasons
from phases.konkretisering import fishing
from phases.konkretisering.operations import SENT_ONCE, LooseFlag
from phases.konkretisering.schemas import AnswerOut, PromptWithAnswers

PROMPT = Target(FishingPrompt, "prompt_id")


class Question(OfProcess):
    question: LooseOptionalText = None
    alternative_id: LooseNumber = None


class Prompts(Output):
    fishing_prompts: list[PromptWithAnswers]


class OnePrompt(Input):
    prompt_id: Id


class Hiding(Input):
    answer_id: Id
    hidden: LooseFlag = None
    #: Why it is hidden, in words for its author (a hide without one gets the default).
    reason: LooseOptionalText = None
    #: A common reason's code (personal_data, offensive, off_topic, duplicate, default) or
    #: ``other``: the author reads a common reason in their own language.
    reason_code: Annotated[Any, WithJsonSchema({
        "type": ["string", "null"], "enum": [*hide_reasons.CODES, hide_reasons.OTHER, None]})
    ] = None


class Answer(OnePrompt):
    text: LooseText = None
    client_id: ClientId = SENT_ONCE


class FishingAnswered(Output):
    id: int
    prompt_id: int
    duplicate: bool
    client_id: str


@operation("fishing.open", input=Question, role=Role.FACILITATOR, result=PromptWithAnswers,
           target=Target(Process, "process_id"))
def go_fishing(call: Call[Question]) -> FishingPrompt:
    """Show a question on every phone (an earlier open prompt closes)."""
    return fishing.open_prompt(call.session, call.target, call.facilitator,
                               question=call.input.question,
                               alternative_id=call.input.alternative_id)


@operation("fishing.list", input=OfProcess, role=Role.FACILITATOR, result=Prompts,
           target=Target(Process, "process_id"), changes=False)
def list_prompts(call: Call[OfProcess]) -> dict[str, Any]:
    """Every fishing prompt of a process with its answers."""
    return {"fishing_prompts": fishing.prompts_of(call.session, call.target)}


@operation("fishing.close", input=OnePrompt, role=Role.FACILITATOR, result=PromptWithAnswers,
           target=PROMPT)
def stop_fishing(call: Call[OnePrompt]) -> FishingPrompt:
    """Close a fishing prompt."""
    return fishing.close_prompt(call.session, call.target)


@operation("fishing.hide_answer", input=Hiding, role=Role.FACILITATOR, result=AnswerOut,
           target=Target(FishingAnswer, "answer_id"))
def hide_answer(call: Call[Hiding]) -> FishingAnswer:
    """Hide an answer (e.g. it names someone) or show it again; always logged, and a hide's
    reason is told to its author."""
    return fishing.set_hidden(call.session, call.target, call.facilitator,
                              call.input.hidden is True, call.input.reason or "",
                              reason_code=call.input.reason_code, locale=call.locale)


@operation("fishing.answer", input=Answer, role=Role.PARTICIPANT, result=FishingAnswered,
           target=PROMPT)
def answer(call: Call[Answer]) -> FishingAnswered:
    """Answer the fishing question (stored once per client_id)."""
    item, duplicate = fishing.answer(call.session, call.participant, call.target,
                                     text=call.input.text, client_id=call.input.client_id)
    return FishingAnswered(id=item.id, prompt_id=item.prompt_id, duplicate=duplicate,
                    client_id=item.client_id)

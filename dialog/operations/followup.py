"""The team's assessments of a process, and the meetings' evaluations (phone and console)."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from dialog.actions import Call, Output, Role, Target, operation
from dialog.actions.fields import ClientId, Id, LooseNumber, LooseText, Timestamp
from dialog.actions.inputs import OfProcess
from dialog.actions.schema import Input
from dialog.models import Assessment, EvaluationAnswer, ModerationStatus, Process, Workshop
from dialog.services import assessments, evaluations


class NewAssessment(OfProcess):
    #: "Vår bedömning av läget".
    text: LooseText = None
    phase_id: LooseNumber = None


class AssessmentOut(Output):
    id: int
    process_id: int
    phase_id: int | None
    text: str
    created_at: Timestamp


class Assessments(Output):
    assessments: list[AssessmentOut]


class Evaluate(Input):
    workshop_id: Id
    #: "Kände du dig lyssnad på?" 1 (inte alls) to 5 (helt och hållet).
    score: LooseNumber = None
    comment: LooseText = ""
    client_id: ClientId = Field(None, validate_default=True)


class Evaluated(Output):
    id: int
    workshop_id: int
    score: int
    status: ModerationStatus
    client_id: str
    duplicate: bool = False


class ModerateAnswer(Input):
    answer_id: Id
    #: approve, hide or restore.
    action: LooseText = None
    reason: LooseText = ""


class EvaluationAnswerOut(Output):
    id: int
    workshop_id: int
    score: int
    comment: str
    status: ModerationStatus


class MeetingEvaluation(Output):
    workshop_id: int
    title: str
    answers: int
    scores: dict[str, int]
    mean: float | None
    comments: list[str]


class Evaluations(Output):
    meetings: list[MeetingEvaluation]


@operation("assessment.add", input=NewAssessment, role=Role.FACILITATOR, result=AssessmentOut,
           target=Target(Process, "process_id"))
def add_assessment(call: Call[NewAssessment]) -> Assessment:
    """Write down the team's assessment of where the process stands."""
    return assessments.add_assessment(call.session, call.target, call.facilitator,
                                      text=call.input.text, phase_id=call.input.phase_id)


@operation("assessment.list", input=OfProcess, role=Role.FACILITATOR, result=Assessments,
           target=Target(Process, "process_id"), changes=False)
def list_assessments(call: Call[OfProcess]) -> dict[str, Any]:
    """The team's assessments, oldest first."""
    return {"assessments": assessments.assessments_of(call.session, call.target)}


@operation("evaluation.answer", input=Evaluate, role=Role.PARTICIPANT, result=Evaluated,
           target=Target(Workshop, "workshop_id"))
def answer(call: Call[Evaluate]) -> Evaluated:
    """Answer "Kände du dig lyssnad på?" for this meeting, once (a resend answers 200)."""
    data = call.input
    row: EvaluationAnswer
    row, duplicate = evaluations.answer(call.session, call.participant, call.target,
                                        score=data.score, comment=data.comment,
                                        client_id=data.client_id)
    return Evaluated(id=row.id, workshop_id=row.workshop_id, score=row.score,
                     status=row.status, client_id=row.client_id, duplicate=duplicate)


@operation("evaluation.moderate", input=ModerateAnswer, role=Role.FACILITATOR,
           result=EvaluationAnswerOut, target=Target(EvaluationAnswer, "answer_id"))
def moderate(call: Call[ModerateAnswer]) -> EvaluationAnswer:
    """Approve, hide or restore an evaluation comment (logged; nothing is deleted)."""
    return evaluations.moderate(call.session, call.target, call.facilitator,
                                call.input.action, call.input.reason)


@operation("evaluation.summary", input=OfProcess, role=Role.FACILITATOR, result=Evaluations,
           target=Target(Process, "process_id"), changes=False)
def summary(call: Call[OfProcess]) -> dict[str, Any]:
    """Per meeting: answers, scores and approved comments (the console sees them all)."""
    return {"meetings": evaluations.summary(call.session, call.target)}

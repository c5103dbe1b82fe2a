"""The team's assessments (facilitators) and the meetings' evaluations (phones answer)."""

from __future__ import annotations

from typing import Any

from dialog.operations import followup
from dialog.web.api.blueprint import blueprint
from dialog.web.http_actions import expose


def _stored(result: Any) -> int:
    """A phone's answer: 201 when stored, 200 for a resend."""
    return 200 if result.duplicate else 201


expose(blueprint, "POST", "/processes/<int:process_id>/assessments", followup.add_assessment,
       status=201, endpoint="add_assessment")
expose(blueprint, "GET", "/processes/<int:process_id>/assessments",
       followup.list_assessments, endpoint="list_assessments")
expose(blueprint, "POST", "/workshops/<int:workshop_id>/evaluations", followup.answer,
       status=_stored, endpoint="answer_evaluation")
expose(blueprint, "GET", "/processes/<int:process_id>/evaluations", followup.summary,
       endpoint="evaluation_summary")
expose(blueprint, "PATCH", "/evaluation-answers/<int:answer_id>", followup.moderate,
       endpoint="moderate_evaluation")

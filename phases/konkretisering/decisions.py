"""The committee's decisions about proposals, as written in its minutes (protokoll).

A decision is recorded as it was made and never edited: a later decision (after a
återremiss, say) is a new row. The newest decision is the proposal's current one.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import DialogError
from dialog.events import record
from dialog.models import DecisionOutcome, Facilitator, Process, Proposal, ProposalDecision
from dialog.publication import feed
from dialog.services import subscriptions
from phases.konkretisering.fields import optional_date, optional_text, required_text

#: Swedish names are accepted too, as the minutes write them.
OUTCOME_ALIASES = {"bifall": "approved", "bifallen": "approved", "avslag": "rejected",
                   "avslagen": "rejected", "återremiss": "referred_back",
                   "återremitterad": "referred_back", "noterat": "noted",
                   "lagd till handlingarna": "noted"}
MAX_DECISIONS = 50


def add_decision(session: Session, proposal: Proposal, facilitator: Facilitator | None, *,
                 body: Any = None, decided_on: Any = None, paragraph: Any = "",
                 case_number: Any = "", outcome: Any = None, note: Any = "") -> ProposalDecision:
    """Record what the committee decided; the body defaults to the process's decision maker."""
    process = session.get(Process, proposal.process_id)
    who = body if body not in (None, "") else (process.decision_maker if process else "")
    day = optional_date(decided_on, "decided_on")
    if day is None:
        raise DialogError("field_required", field="decided_on")
    if len(decisions_of(session, proposal)) >= MAX_DECISIONS:
        raise DialogError("too_many_items", field="decisions", max=MAX_DECISIONS)
    decision = ProposalDecision(
        proposal_id=proposal.id, body=required_text(who, "body", 200), decided_on=day,
        paragraph=optional_text(paragraph, "paragraph", 40),
        case_number=optional_text(case_number, "case_number", 60),
        outcome=parse_outcome(outcome), note=optional_text(note, "note", 4000),
        facilitator_id=facilitator.id if facilitator else None)
    session.add(decision)
    session.flush()
    record(session, "konkret-changed", process_id=proposal.process_id,
           kind="proposal_decided", proposal_id=proposal.id, outcome=decision.outcome.value)
    if process is not None and feed.is_public(session, proposal):  # the way back, by mail
        subscriptions.announce(
            session, process, "decision", proposal=proposal.title, body=decision.body,
            outcome=subscriptions.Localized(f"followup.outcome.{decision.outcome.value}"))
    return decision


def parse_outcome(value: Any) -> DecisionOutcome:
    if value in (None, ""):
        raise DialogError("field_required", field="outcome")
    text = value.strip().casefold() if isinstance(value, str) else value
    try:
        return DecisionOutcome(OUTCOME_ALIASES.get(text, text) if isinstance(text, str)
                               else text)
    except ValueError as exc:
        raise DialogError("unknown_decision_outcome") from exc


def decisions_of(session: Session, proposal: Proposal) -> list[ProposalDecision]:
    """The proposal's decisions, oldest first (by the date decided, then as recorded)."""
    return list(session.scalars(select(ProposalDecision).where(
        ProposalDecision.proposal_id == proposal.id).order_by(
        ProposalDecision.decided_on, ProposalDecision.id)))

"""Money: a process's funding lines (from the committee's plan, editable), the overview of
allocated and remaining per line, and each proposal's budget lines."""

from __future__ import annotations

from typing import Any

from dialog.actions import Call, Input, Output, Role, Target, operation
from dialog.actions.fields import Id, LooseNumber, LooseOptionalText, LooseText
from dialog.actions.inputs import OfProcess
from dialog.models import BudgetLine, FundingLine, Process
from phases.konkretisering import funding
from phases.konkretisering.followup_schemas import (
    BudgetLineOut,
    FundingLineOut,
    FundingOverview,
)
from phases.konkretisering.operations.proposals import PROPOSAL, OneProposal

OF_PROCESS = Target(Process, "process_id")


class Funding(FundingOverview):
    funding_lines: list[FundingLineOut]


class NewFundingLine(OfProcess):
    name: LooseText = None
    #: tkr (thousands of kronor), a whole number.
    amount: LooseNumber = None
    #: committee, municipality, region or other.
    source: LooseText = "committee"


class FundingPlan(OfProcess):
    preset: LooseText = None


class LineChange(Input):
    funding_line_id: Id
    name: LooseOptionalText = None
    amount: LooseNumber = None


class NewBudgetLine(OneProposal):
    funding_line_id: LooseNumber = None
    #: committee, municipality, region or other; defaults to the funding line's.
    source: LooseOptionalText = None
    #: tkr
    amount: LooseNumber = None
    note: LooseText = ""


class OneBudgetLine(Input):
    budget_line_id: Id


class BudgetLineRemoved(Output):
    removed: bool


def _funding(call: Call[Any]) -> dict[str, Any]:
    process: Process = call.target
    return {**funding.overview(call.session, process),
            "funding_lines": funding.funding_lines_of(call.session, process)}


@operation("funding.list", input=OfProcess, role=Role.FACILITATOR, result=Funding,
           target=OF_PROCESS, changes=False)
def list_lines(call: Call[OfProcess]) -> dict[str, Any]:
    """The funding lines with allocated and remaining per line and per source."""
    return _funding(call)


@operation("funding.add", input=NewFundingLine, role=Role.FACILITATOR, result=FundingLineOut,
           target=OF_PROCESS)
def add_line(call: Call[NewFundingLine]) -> FundingLine:
    """Add a line of money the process may use (tkr, with its source)."""
    data = call.input
    return funding.add_funding_line(call.session, call.target, name=data.name,
                                    amount=data.amount, source_name=data.source)


@operation("funding.preset", input=FundingPlan, role=Role.FACILITATOR, result=Funding,
           target=OF_PROCESS)
def load_plan(call: Call[FundingPlan]) -> dict[str, Any]:
    """Add the development-fund lines of a known committee plan (once)."""
    funding.load_plan(call.session, call.target, call.input.preset)
    return _funding(call)


@operation("funding.update", input=LineChange, role=Role.FACILITATOR, result=FundingLineOut,
           target=Target(FundingLine, "funding_line_id"))
def update_line(call: Call[LineChange]) -> FundingLine:
    """Rename a funding line or change its amount."""
    return funding.update_funding_line(call.session, call.target, name=call.input.name,
                                       amount=call.input.amount)


@operation("budget.add", input=NewBudgetLine, role=Role.FACILITATOR, result=BudgetLineOut,
           target=PROPOSAL)
def add_budget_line(call: Call[NewBudgetLine]) -> BudgetLine:
    """Put part of the proposal's cost on a funding line or a source (tkr)."""
    data = call.input
    return funding.add_budget_line(call.session, call.target,
                                   funding_line_id=data.funding_line_id,
                                   source_name=data.source, amount=data.amount, note=data.note)


@operation("budget.remove", input=OneBudgetLine, role=Role.FACILITATOR, result=BudgetLineRemoved,
           target=Target(BudgetLine, "budget_line_id"))
def remove_budget_line(call: Call[OneBudgetLine]) -> dict[str, bool]:
    """Take a mistaken budget line away."""
    funding.remove_budget_line(call.session, call.target)
    return {"removed": True}

"""What follow-up answers: decisions, funding and budget lines, indicators, consequences."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from dialog.actions.fields import Timestamp
from dialog.actions.schema import Output
from dialog.models import DecisionOutcome, FundingSource


class DecisionOut(Output):
    id: int
    proposal_id: int
    body: str
    decided_on: date
    paragraph: str
    case_number: str
    outcome: DecisionOutcome
    note: str
    created_at: Timestamp


class FundingLineOut(Output):
    id: int
    process_id: int
    name: str
    #: tkr
    amount: int = Field(validation_alias="amount_tkr")
    source: FundingSource
    code: str
    position: int


class BudgetLineOut(Output):
    id: int
    proposal_id: int
    funding_line_id: int | None
    source: FundingSource
    #: tkr
    amount: int = Field(validation_alias="amount_tkr")
    note: str


class LineUse(Output):
    """A funding line with what the proposals took from it (tkr)."""

    id: int
    name: str
    code: str
    source: FundingSource
    amount: int
    allocated: int
    remaining: int
    over_allocated: bool


class SourceUse(Output):
    """One source's money: its lines (None without any), allocated, and what its lines hold
    still."""

    source: FundingSource
    amount: int | None
    #: Everything given from this source, with or without a funding line.
    allocated: int
    #: The part of it taken from the source's funding lines.
    on_lines: int
    remaining: int | None


class FundingOverview(Output):
    lines: list[LineUse]
    sources: list[SourceUse]
    #: Names of the lines more is allocated from than they hold.
    over_allocated: list[str]


class MeasurementOut(Output):
    id: int
    indicator_id: int
    value: float
    measured_on: date
    source: str


class IndicatorOut(Output):
    id: int
    proposal_id: int
    name: str
    unit: str
    baseline: float | None
    target: float | None
    measurements: list[MeasurementOut]


class ConsequencesOut(Output):
    proposal_id: int
    children: str
    equality: str
    ecology: str


class ConditionOut(Output):
    """A minority's condition carried into the proposal, and whether it was followed up."""

    amendment_id: int
    alternative_id: int
    alternative_title: str
    text: str
    included: bool
    from_minority: bool
    followed_up: bool
    note: str
    dated: date | None


class SourceTotal(Output):
    source: FundingSource
    amount: int


class FollowUp(Output):
    """Everything that happened to a proposal after the process: for the console and API."""

    proposal_id: int
    decisions: list[DecisionOut]
    budget_lines: list[BudgetLineOut]
    budget_by_source: list[SourceTotal]
    indicators: list[IndicatorOut]
    consequences: ConsequencesOut | None
    conditions: list[ConditionOut]

"""Money: the funding lines a process may use and how each proposal's budget is split.

A funding line is one line of someone's budget (the committee's plan, the municipality's
share). A budget line puts part of a proposal's cost on a funding line, or on a source
without a line. Sums are kept per source and never added across sources: the committee's
330 tkr and the municipality's money are different money.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog import policy
from dialog.errors import DialogError
from dialog.models import BudgetLine, FundingLine, FundingSource, Process, Proposal
from dialog.services.ids import optional_id
from phases.konkretisering.amounts import amount_tkr, source
from phases.konkretisering.fields import optional_text, required_text
from phases.konkretisering.funding_plans import funding_plan

MAX_LINES = 100


def add_funding_line(session: Session, process: Process, *, name: Any, amount: Any,
                     source_name: Any = "committee", code: str = "") -> FundingLine:
    """Add one line of money the process may use."""
    existing = funding_lines_of(session, process)
    if len(existing) >= MAX_LINES:
        raise DialogError("too_many_items", field="funding_lines", max=MAX_LINES)
    line = FundingLine(process_id=process.id, name=required_text(name, "name", 200),
                       amount_tkr=amount_tkr(amount), source=source(source_name), code=code,
                       position=len(existing))
    session.add(line)
    session.flush()
    return line


def update_funding_line(session: Session, line: FundingLine, *, name: Any = None,
                        amount: Any = None) -> FundingLine:
    """Rename a line or change its amount (a plan is revised during the year)."""
    if name is not None:
        line.name = required_text(name, "name", 200)
    if amount is not None:
        line.amount_tkr = amount_tkr(amount)
    session.flush()
    return line


def load_plan(session: Session, process: Process, key: Any) -> list[FundingLine]:
    """Add a known plan's lines; lines the process already has (by code) are left alone."""
    plan = funding_plan(key) if isinstance(key, str) else None
    if plan is None:
        raise DialogError("unknown_funding_plan")
    have = {line.code for line in funding_lines_of(session, process) if line.code}
    return [add_funding_line(session, process, name=item["name"], amount=item["amount"],
                             source_name=item["source"], code=item["code"])
            for item in plan["lines"] if item["code"] not in have]


def add_budget_line(session: Session, proposal: Proposal, *, funding_line_id: Any = None,
                    source_name: Any = None, amount: Any = None,
                    note: Any = "") -> BudgetLine:
    """Put part of a proposal's cost on a funding line (its source) or on a source alone."""
    line_id = optional_id(funding_line_id, "funding_line_id")
    line = None
    if line_id is not None:
        line = policy.load(session, FundingLine, line_id)
        if line.process_id != proposal.process_id:
            raise DialogError("funding_line_not_in_process", id=line_id)
    given = source_name not in (None, "")
    chosen = source(source_name) if given or line is None else line.source
    if line is not None and chosen is not line.source:
        raise DialogError("source_not_of_funding_line")
    if len(budget_lines_of(session, proposal)) >= MAX_LINES:
        raise DialogError("too_many_items", field="budget_lines", max=MAX_LINES)
    budget = BudgetLine(proposal_id=proposal.id, funding_line_id=line_id, source=chosen,
                        amount_tkr=amount_tkr(amount), note=optional_text(note, "note", 300))
    session.add(budget)
    session.flush()
    return budget


def remove_budget_line(session: Session, budget: BudgetLine) -> None:
    """Take a mistaken budget line away (money is not moderated content)."""
    session.delete(budget)
    session.flush()


def funding_lines_of(session: Session, process: Process) -> list[FundingLine]:
    return list(session.scalars(select(FundingLine).where(
        FundingLine.process_id == process.id).order_by(FundingLine.position, FundingLine.id)))


def budget_lines_of(session: Session, proposal: Proposal) -> list[BudgetLine]:
    return list(session.scalars(select(BudgetLine).where(
        BudgetLine.proposal_id == proposal.id).order_by(BudgetLine.id)))


def overview(session: Session, process: Process) -> dict[str, Any]:
    """Allocated and remaining per funding line, and totals per source (never mixed)."""
    lines = funding_lines_of(session, process)
    budgets = list(session.scalars(select(BudgetLine).join(Proposal).where(
        Proposal.process_id == process.id).order_by(BudgetLine.id)))
    allocated: dict[int, int] = {}
    for budget in budgets:
        if budget.funding_line_id is not None:
            allocated[budget.funding_line_id] = (allocated.get(budget.funding_line_id, 0)
                                                 + budget.amount_tkr)
    rows: list[dict[str, Any]] = [
        {"id": line.id, "name": line.name, "code": line.code, "source": line.source.value,
         "amount": line.amount_tkr, "allocated": allocated.get(line.id, 0),
         "remaining": line.amount_tkr - allocated.get(line.id, 0),
         "over_allocated": allocated.get(line.id, 0) > line.amount_tkr}
        for line in lines]
    sources = []
    for kind in FundingSource:
        planned = sum(r["amount"] for r in rows if r["source"] == kind.value)
        on_lines = sum(r["allocated"] for r in rows if r["source"] == kind.value)
        spent = sum(b.amount_tkr for b in budgets if b.source is kind)
        has_lines = any(r["source"] == kind.value for r in rows)
        if planned or spent or has_lines:
            # Remaining is what the source's lines still hold; money given without a line
            # counts as allocated but takes nothing from a line.
            sources.append({"source": kind.value, "amount": planned if has_lines else None,
                            "allocated": spent, "on_lines": on_lines,
                            "remaining": planned - on_lines if has_lines else None})
    return {"lines": rows, "sources": sources,
            "over_allocated": [r["name"] for r in rows if r["over_allocated"]]}


def split_of(session: Session, proposal: Proposal) -> dict[str, Any]:
    """A proposal's budget lines and its total per source."""
    lines = budget_lines_of(session, proposal)
    totals: dict[str, int] = {}
    for line in lines:
        totals[line.source.value] = totals.get(line.source.value, 0) + line.amount_tkr
    return {"lines": lines, "by_source": [{"source": k.value, "amount": totals[k.value]}
                                          for k in FundingSource if k.value in totals]}

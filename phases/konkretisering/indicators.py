"""Indicators that are measured: a baseline, a target and dated measurements with a source."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import DialogError
from dialog.models import Indicator, Measurement, Proposal
from phases.konkretisering.amounts import number
from phases.konkretisering.fields import optional_date, optional_text, required_text

MAX_INDICATORS = 20
MAX_MEASUREMENTS = 200


def add_indicator(session: Session, proposal: Proposal, *, name: Any, unit: Any = "",
                  baseline: Any = None, target: Any = None) -> Indicator:
    """Add an indicator the proposal is followed up by."""
    if len(indicators_of(session, proposal)) >= MAX_INDICATORS:
        raise DialogError("too_many_items", field="indicators", max=MAX_INDICATORS)
    indicator = Indicator(proposal_id=proposal.id, name=required_text(name, "name", 300),
                          unit=optional_text(unit, "unit", 60),
                          baseline=number(baseline, "baseline"), target=number(target, "target"))
    session.add(indicator)
    session.flush()
    return indicator


def add_measurement(session: Session, indicator: Indicator, *, value: Any,
                    measured_on: Any = None, source: Any = "") -> Measurement:
    """Record one measured value of an indicator, dated, with where it comes from."""
    day = optional_date(measured_on, "measured_on")
    if day is None:
        raise DialogError("field_required", field="measured_on")
    if len(indicator.measurements) >= MAX_MEASUREMENTS:
        raise DialogError("too_many_items", field="measurements", max=MAX_MEASUREMENTS)
    measurement = Measurement(indicator_id=indicator.id,
                              value=number(value, "value", required=True), measured_on=day,
                              source=optional_text(source, "source", 300))
    session.add(measurement)
    session.flush()
    session.expire(indicator, ["measurements"])
    return measurement


def indicators_of(session: Session, proposal: Proposal) -> list[Indicator]:
    return list(session.scalars(select(Indicator).where(
        Indicator.proposal_id == proposal.id).order_by(Indicator.id)))

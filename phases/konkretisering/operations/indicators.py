"""Indicators of a proposal, with baseline and target, and their dated measurements."""

from __future__ import annotations

from dialog.actions import Call, Input, Role, Target, operation
from dialog.actions.fields import Id, LooseNumber, LooseText
from dialog.models import Indicator, Measurement
from phases.konkretisering import indicators
from phases.konkretisering.followup_schemas import IndicatorOut, MeasurementOut
from phases.konkretisering.operations.proposals import PROPOSAL, LooseDate, OneProposal


class NewIndicator(OneProposal):
    name: LooseText = None
    #: E.g. "%" or "besökare per kväll".
    unit: LooseText = ""
    baseline: LooseNumber = None
    target: LooseNumber = None


class NewMeasurement(Input):
    indicator_id: Id
    value: LooseNumber = None
    measured_on: LooseDate = None
    #: Where the value comes from, e.g. "LUPP 2022" or "fritidsgårdens räkning".
    source: LooseText = ""


@operation("indicator.add", input=NewIndicator, role=Role.FACILITATOR, result=IndicatorOut,
           target=PROPOSAL)
def add(call: Call[NewIndicator]) -> Indicator:
    """Add an indicator (name, unit, baseline, target) the proposal is followed up by."""
    data = call.input
    return indicators.add_indicator(call.session, call.target, name=data.name,
                                    unit=data.unit, baseline=data.baseline, target=data.target)


@operation("indicator.measure", input=NewMeasurement, role=Role.FACILITATOR,
           result=MeasurementOut, target=Target(Indicator, "indicator_id"))
def measure(call: Call[NewMeasurement]) -> Measurement:
    """Record a measured value of the indicator, dated, with its source."""
    data = call.input
    return indicators.add_measurement(call.session, call.target, value=data.value,
                                      measured_on=data.measured_on, source=data.source)

"""Parse the amounts, numbers and sources follow-up receives, with stable error codes."""

from __future__ import annotations

import math
from typing import Any

from dialog.errors import DialogError
from dialog.models import FundingSource
from phases.konkretisering.fields import MAX_BUDGET_TKR

#: Swedish names are accepted too, as a secretary writes them.
SOURCE_ALIASES = {"nämnden": "committee", "nämnd": "committee", "kommunen": "municipality",
                  "kommun": "municipality", "regionen": "region", "annan": "other",
                  "övrigt": "other", "annat": "other"}
#: An indicator value this large is surely a typing error.
MAX_VALUE = 1e12


def amount_tkr(value: Any, field: str = "amount") -> int:
    """A required amount in whole tkr, zero or more: ``invalid_amount`` otherwise."""
    if value is None or value == "":
        raise DialogError("field_required", field=field)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if (isinstance(value, bool) or not isinstance(value, int) or value < 0
            or value > MAX_BUDGET_TKR):
        raise DialogError("invalid_amount", field=field)
    return value


def source(value: Any) -> FundingSource:
    """committee, municipality, region or other (or their Swedish names)."""
    text = value.strip().casefold() if isinstance(value, str) else value
    try:
        return FundingSource(SOURCE_ALIASES.get(text, text) if isinstance(text, str) else text)
    except ValueError as exc:
        raise DialogError("unknown_funding_source") from exc


def number(value: Any, field: str, *, required: bool = False) -> float | None:
    """A finite number (a comma works as the decimal sign), or None when allowed."""
    if value is None or value == "":
        if required:
            raise DialogError("field_required", field=field)
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", ".").replace(" ", ""))
        except ValueError as exc:
            raise DialogError("invalid_number", field=field) from exc
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DialogError("invalid_number", field=field)
    if not math.isfinite(value) or abs(value) > MAX_VALUE:
        raise DialogError("invalid_number", field=field)
    return float(value)

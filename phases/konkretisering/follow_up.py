"""Everything that happened to a proposal after the process, read at once."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from dialog.models import Proposal
from phases.konkretisering import consequences, decisions, funding, indicators


def of_proposal(session: Session, proposal: Proposal) -> dict[str, Any]:
    """Decisions, budget split, indicators with measurements, consequences and conditions."""
    split = funding.split_of(session, proposal)
    return {
        "proposal_id": proposal.id,
        "decisions": decisions.decisions_of(session, proposal),
        "budget_lines": split["lines"],
        "budget_by_source": split["by_source"],
        "indicators": indicators.indicators_of(session, proposal),
        "consequences": consequences.consequences_of(session, proposal),
        "conditions": consequences.conditions_of(session, proposal),
    }

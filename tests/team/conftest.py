"""A staffed process: the whole demo (every kind of object the actions act on) and five
people around it: its owner, a co-facilitator, a reader, an outsider and the owner of one
proposal. Built once per module; the tests that change things roll back or use their own.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, text

from dialog import models
from dialog.config import Settings
from dialog.demo import DEMO_EMAIL, build_demo
from dialog.extensions import db
from dialog.models import Base, Facilitator, ProposalOwner
from dialog.services import facilitators, team
from dialog.web.app import create_app
from tests.conftest import PASSWORD, TEST_SECRET

POSTGRES_URL = os.environ.get("DIALOG_TEST_DATABASE_URL")

#: Every model an action, route or page acts on, by the name its input field gives it.
TARGET_MODELS = ("Process", "Workshop", "Phase", "Perspective", "ConversationRound",
                 "Reflection", "Alternative", "Amendment", "CheckbackRound", "FishingPrompt",
                 "FishingAnswer", "VoteRound", "Proposal", "Participant", "BudgetLine",
                 "EvaluationAnswer", "FundingLine", "Indicator", "OutreachAction",
                 "StakeholderGroup")

PEOPLE = {
    "owner": DEMO_EMAIL,
    "facilitator": "medledare@varberg.se",
    "reader": "namndsekreterare@varberg.se",
    "outsider": "annan.kommun@falkenberg.se",
    "proposal_owner": "forvaltning@varberg.se",
}


@dataclass
class Staffed:
    app: Flask
    process_id: int
    #: The first object of each model in the demo process, by model name.
    ids: dict[str, int]
    #: The proposal the proposal owner owns, and one they do not.
    owned_proposal: int
    other_proposal: int
    people: dict[str, int] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)

    def client(self, who: str) -> FlaskClient:
        """A console session of this person, with a known CSRF token ("t")."""
        client = self.app.test_client()
        with client.session_transaction() as session:
            session["facilitator_id"] = self.people[who]
            session["csrf"] = "t"
        return client

    def auth(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"}

    def account(self, session: Any, who: str) -> Facilitator:
        found = session.get(Facilitator, self.people[who])
        assert found is not None
        return found


def fresh_database(tmp: Path) -> str:
    if POSTGRES_URL is None:
        return f"sqlite:///{tmp / 'staffed.sqlite3'}"
    db.init(POSTGRES_URL)
    Base.metadata.create_all(db.engine)
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with db.engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    db.dispose()
    return POSTGRES_URL


@pytest.fixture(scope="module")
def staffed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Staffed]:
    tmp = tmp_path_factory.mktemp("staffed")
    settings = Settings(database_url=fresh_database(tmp), secret_key=TEST_SECRET,
                        instance_dir=tmp / "instance")
    app = create_app(settings, TESTING=True, SERVER_NAME="dialog.test")
    if POSTGRES_URL is None:
        Base.metadata.create_all(db.engine)
    with app.app_context():
        with db.transaction() as session:
            demo = build_demo(session)
        with db.transaction() as session:
            ids = {name: session.scalar(select(getattr(models, name).id)
                                        .order_by(getattr(models, name).id))
                   for name in TARGET_MODELS}
            proposals = list(session.scalars(select(models.Proposal.id).where(
                models.Proposal.process_id == demo.process_id).order_by(models.Proposal.id)))
            staffed = Staffed(app, demo.process_id, ids, proposals[-1], proposals[0])
            process = session.get(models.Process, demo.process_id)
            for who, email in PEOPLE.items():
                account = facilitators.find_by_email(session, email) or \
                    facilitators.create_facilitator(session, email, PASSWORD)
                staffed.people[who] = account.id
                staffed.tokens[who] = facilitators.issue_token(TEST_SECRET, account)
                if who in ("facilitator", "reader"):
                    team.add_member(session, process, email, who, None)
            known = session.scalar(select(ProposalOwner).where(
                ProposalOwner.proposal_id == staffed.owned_proposal,
                ProposalOwner.facilitator_id == staffed.people["proposal_owner"]))
            if known is None:
                session.add(ProposalOwner(proposal_id=staffed.owned_proposal,
                                          facilitator_id=staffed.people["proposal_owner"]))
        yield staffed
    db.dispose()

"""Domain events and SAVEPOINTs: only the transaction's own commit sends anything."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from dialog import events


@pytest.fixture
def heard():
    received: list[int] = []

    def listener(_sender: object, n: int) -> None:
        received.append(n)

    events.signals.signal("savepoint-test").connect(listener)
    yield received
    events.signals.signal("savepoint-test").disconnect(listener)


def test_an_event_recorded_in_a_released_savepoint_waits_for_the_commit(heard):
    session = Session(create_engine("sqlite://"))
    with session.begin_nested():
        session.execute(text("SELECT 1"))
        events.record(session, "savepoint-test", n=1)
    assert heard == []
    session.rollback()
    assert heard == []  # the transaction that would have stored it did not commit


def test_a_failed_unit_set_apart_drops_only_its_own_events(heard):
    session = Session(create_engine("sqlite://"))
    session.execute(text("SELECT 1"))
    for n in (1, 2, 3):
        try:
            with events.set_apart(session), session.begin_nested():
                events.record(session, "savepoint-test", n=n)
                if n == 2:
                    raise ValueError("refused")
        except ValueError:
            pass
    session.commit()
    assert heard == [1, 3]

"""The analysis scheduler: coalesces per process, at most one run per interval, off the request."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from dialog.extensions import db
from dialog.models import AnalysisSnapshot
from phases.inventering.map.analysis_child import ChildRunner
from phases.inventering.map.scheduler import BUSY_SHARE
from tests.conftest import bearer

NS = "/live"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(scheduler):
    fake = Clock()
    scheduler.clock = fake
    return fake


def vote(client, room, reader, index, value="agree"):
    response = client.post(f"/api/v1/perspectives/{room.perspective_ids[index]}/votes",
                           headers=bearer(room.readers[reader]), json={"vote": value})
    assert response.status_code in (200, 201)


def test_a_burst_of_reactions_is_one_run(client, room, scheduler, clock):
    for index in range(5):
        vote(client, room, 0, index)

    assert scheduler.run_pending() == []  # still settling
    clock.now += scheduler.settle
    assert scheduler.run_pending() == [room.world.process_id]
    assert scheduler.runs == 1
    assert scheduler.pending == []


def test_a_process_is_analysed_at_most_once_per_interval(client, room, scheduler, clock):
    vote(client, room, 0, 0)
    clock.now += scheduler.settle
    assert scheduler.run_pending() == [room.world.process_id]

    vote(client, room, 1, 0)
    clock.now += scheduler.settle
    assert scheduler.run_pending() == []
    assert scheduler.due_in(room.world.process_id) == pytest.approx(
        scheduler.interval - scheduler.settle)
    clock.now += scheduler.interval
    assert scheduler.run_pending() == [room.world.process_id]
    assert scheduler.runs == 2


@pytest.mark.parametrize(("action", "expected"), [
    ("pending perspective", []),
    ("approved perspective", ["process"]),
])
def test_only_what_changes_the_map_asks_for_a_run(client, room, scheduler, make_world, write,
                                                  join_participant, action, expected):
    world = make_world(email="ny@halland.se", pre_moderation=(action == "pending perspective"))
    write(join_participant(world.join_code), world.workshop_id, "Mer ljus i tunneln.")
    assert scheduler.pending == [world.process_id for _ in expected]


def test_a_map_that_keeps_its_child_busy_is_asked_for_less_often(client, room, scheduler,
                                                                   clock, database_url):
    scheduler.interval, scheduler.settle = 0.0, 0.0
    scheduler.runner = ChildRunner(database_url)
    process_id = room.world.process_id
    vote(client, room, 0, 0)
    assert scheduler.run_pending() == [process_id]
    computing = stored_duration_seconds(process_id)  # the child's computing, not its start
    assert computing > 0

    vote(client, room, 1, 0)

    # The next run begins no sooner than computing / BUSY_SHARE after the last one began.
    assert scheduler.run_pending() == []
    assert scheduler.due_in(process_id) == pytest.approx(computing / BUSY_SHARE)
    clock.now += computing / BUSY_SHARE
    assert scheduler.run_pending() == [process_id]


def stored_duration_seconds(process_id: int) -> float:
    with db.transaction() as session:
        snapshot = session.scalars(select(AnalysisSnapshot)
                                   .where(AnalysisSnapshot.process_id == process_id)).one()
        return snapshot.duration_ms / 1000.0


def test_in_a_running_server_the_map_updates_without_anyone_asking(app, client, room,
                                                                  scheduler, socket_client):
    app.config["DIALOG_ANALYSIS_IN_BACKGROUND"] = True
    scheduler.settle, scheduler.interval = 0.0, 0.1
    watcher = socket_client(room.world.facilitator_token)
    watcher.emit("map:watch", {"process_id": room.world.process_id}, namespace=NS,
                 callback=True)
    watcher.get_received(NS)

    vote(client, room, 2, 3, "disagree")

    # A liveness bound, not a performance goal: on a loaded machine the child's first start
    # (numpy and scikit-learn imported there) can take many seconds.
    deadline = time.monotonic() + 60
    updates = []
    while not updates and time.monotonic() < deadline:
        time.sleep(0.05)
        updates = [e for e in watcher.get_received(NS) if e["name"] == "map:update"]
    assert updates, "no map:update arrived from the background task"
    assert updates[0]["args"][0]["map"]["counts"]["reactions"] == 1
    while scheduler.pending and time.monotonic() < deadline:  # let the task finish
        time.sleep(0.05)

"""With Redis the map is computed by `dialog worker` and reaches a console of `dialog serve`.

A real server (gevent, WebSocket) and a real worker over the same SQLite file and Redis: a
phone reacts, the server enqueues the analysis of the process, the worker computes and
stores the map and emits ``map:update`` through the Socket.IO message queue, and the
facilitator's map page, connected to the server, receives it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
import socketio
from rq.registry import FinishedJobRegistry

from dialog.jobs.redis_queue import QUEUE
from phases.inventering.map.analysis_jobs import TARGET
from tests.jobs.conftest import REDIS_URL, wait_for
from tests.realserver import ROOT, seed_demo, server_env, start_server
from tests.test_real_server import connect, post_json

pytestmark = pytest.mark.slow


@pytest.fixture
def cluster(tmp_path, redis_db):
    env = server_env(tmp_path, DIALOG_REDIS_URL=REDIS_URL)
    demo = seed_demo(env)
    server = start_server(env)
    with (tmp_path / "worker.log").open("wb") as sink:
        worker = subprocess.Popen([sys.executable, "-m", "dialog", "worker"], env=env,
                                  cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    yield server, demo
    os.killpg(worker.pid, 15)
    worker.wait(timeout=15)
    server.stop()


def test_a_reaction_reaches_the_map_through_the_worker(cluster, redis_db):
    server, demo = cluster
    token = post_json(f"{server.url}/api/v1/auth/token", demo["facilitator"])["token"]
    updates: list[dict] = []
    arrived = threading.Event()
    console = socketio.Client(reconnection=False)

    @console.on("map:update", namespace="/live")
    def _on_update(data: dict) -> None:
        updates.append(data)
        arrived.set()

    console.connect(server.url, namespaces=["/live"], auth={"token": token},
                    transports=["websocket"], wait_timeout=10)
    watched = console.call("map:watch", {"process_id": demo["process_id"]}, namespace="/live",
                           timeout=30)
    assert watched["ok"] is True, watched
    before = watched["map"]["counts"]["reactions"]

    joined = post_json(f"{server.url}/api/v1/join", {"join_code": demo["join_code"]})
    phone = connect(server.url, joined["participant_token"])
    card = phone.call("vote:next", {}, namespace="/live", timeout=30)
    assert card["ok"] is True, card
    ack = phone.call("vote:submit", {"perspective_id": card["perspective"]["id"],
                                     "vote": "agree"}, namespace="/live", timeout=30)
    assert ack["ok"] is True, ack

    assert arrived.wait(90), "no map:update arrived"
    wait_for(lambda: any(u["map"]["counts"]["reactions"] == before + 1 for u in updates), 90)
    assert {u["process_id"] for u in updates} == {demo["process_id"]}
    done = FinishedJobRegistry(QUEUE, connection=redis_db)
    jobs = [done.job_class.fetch(job_id, connection=redis_db) for job_id in done.get_job_ids()]
    assert any(job.args[0] == TARGET for job in jobs)  # the worker made it, not the server
    phone.disconnect()
    console.disconnect()

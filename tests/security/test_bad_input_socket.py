"""Every Socket.IO event answers bad input with an ack and a code, never a hang or a 500.

Each event of :data:`dialog.live.socket_actions.EVENTS` gets payloads that are not objects,
every field with every bad value, raw arguments Python's json module will not write (50,000
nested brackets, ``NaN``, ``1e309``), two arguments, and no ack callback at all. Every emit
with a callback is acknowledged ``{"ok": false, "error": {"code": ...}}`` (or ``ok: true``),
never ``internal_error``; the connection keeps working afterwards.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from flask_socketio import SocketIOTestClient

from dialog.actions import Role
from dialog.extensions import socketio
from dialog.live import NAMESPACE
from dialog.live.socket_actions import EVENTS
from tests.security.bad_inputs import (
    BAD_SOCKET_PAYLOADS,
    BAD_SOCKET_VALUES,
    RAW_SOCKET_ARGUMENTS,
)
from tests.security.bad_inputs_world import Demo, demo_app


def registered_events() -> list[str]:
    """The events an app registers (building one fills :data:`EVENTS`)."""
    from dialog.config import Settings
    from dialog.extensions import db
    from dialog.web.app import create_app

    create_app(Settings(database_url="sqlite://", secret_key="x"), TESTING=True)
    db.dispose()
    return sorted(EVENTS)


EVENT_NAMES = registered_events()

#: The events, each with the identity it is for (a facilitator for public events too).
EVENT_ROLES = {event: ("participant" if action.role is Role.PARTICIPANT else "facilitator")
               for event, action in EVENTS.items()}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, _postgres_schema: str | None,
         ) -> Iterator[Demo]:
    yield from demo_app(tmp_path_factory.mktemp("corpus"), _postgres_schema)


@pytest.fixture
def connect(demo: Demo) -> Iterator[Any]:
    made: list[SocketIOTestClient] = []

    def open_socket(auth: Any) -> SocketIOTestClient:
        sio = socketio.test_client(demo.app, namespace=NAMESPACE, auth=auth)
        made.append(sio)
        return sio

    yield open_socket
    for sio in made:
        if sio.is_connected(NAMESPACE):
            sio.disconnect(NAMESPACE)


def sockets(demo: Demo, connect: Any) -> dict[str, SocketIOTestClient]:
    found = {"facilitator": connect({"token": demo.facilitator_token}),
             "participant": connect({"token": demo.participant_token})}
    assert all(sio.is_connected(NAMESPACE) for sio in found.values())
    return found


def payloads(event: str) -> Iterator[Any]:
    """What is sent to one event: not objects, then every field with every bad value."""
    yield from BAD_SOCKET_PAYLOADS
    for field in EVENTS[event].input.model_fields:
        for value in BAD_SOCKET_VALUES:
            yield {field: value}


def raw_emit(sio: SocketIOTestClient, event: str, arguments: str) -> Any:
    """Emit ``event`` with its arguments as raw JSON text; return the ack (or ``None``)."""
    sio.callback_counter += 1
    packet = f'2{NAMESPACE},{sio.callback_counter}["{event}",{arguments}]'
    sio.acks = None
    sio.socketio.server._handle_eio_message(sio.eio_sid, packet)
    ack, sio.acks = sio.acks, None
    return None if ack is None else ack["args"][0]


def problem(event: str, sent: Any, ack: Any) -> str | None:
    shown = repr(sent)[:80]
    if not isinstance(ack, dict):
        return f"{event} {shown}: no ack ({ack!r})"
    if ack.get("ok") is True:
        return None
    code = (ack.get("error") or {}).get("code")
    if not code or not ack["error"].get("message"):
        return f"{event} {shown}: ack without error.code: {ack!r}"[:300]
    if code == "internal_error":
        return f"{event} {shown}: internal_error"
    return None


def test_the_corpus_has_at_least_100_payloads_per_face_and_covers_every_event():
    sent = sum(1 for event in EVENTS for _ in payloads(event))
    assert len(EVENTS) >= 20
    assert sent + len(EVENTS) * len(RAW_SOCKET_ARGUMENTS) >= 100


@pytest.mark.parametrize("event", EVENT_NAMES)
def test_bad_payloads_are_acknowledged_with_a_code(demo: Demo, connect: Any, event: str):
    sio = sockets(demo, connect)[EVENT_ROLES[event]]
    problems = [found for data in payloads(event)
                if (found := problem(event, data, sio.emit(event, data, namespace=NAMESPACE,
                                                          callback=True)))]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("event", EVENT_NAMES)
def test_raw_arguments_json_cannot_write_are_acknowledged_with_a_code(demo: Demo,
                                                                      connect: Any,
                                                                      event: str):
    sio = sockets(demo, connect)[EVENT_ROLES[event]]
    problems = [found for raw in RAW_SOCKET_ARGUMENTS
                if (found := problem(event, raw, raw_emit(sio, event, raw)))]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("event", EVENT_NAMES)
def test_two_arguments_are_acknowledged_with_a_clear_code(demo: Demo, connect: Any,
                                                          event: str):
    sio = sockets(demo, connect)[EVENT_ROLES[event]]
    ack = sio.emit(event, {}, {"extra": 1}, namespace=NAMESPACE, callback=True)
    assert ack["ok"] is False
    assert ack["error"]["code"] == "too_many_arguments"


@pytest.mark.parametrize("event", EVENT_NAMES)
def test_the_wrong_identity_is_refused_with_a_code(demo: Demo, connect: Any, event: str):
    other = "facilitator" if EVENT_ROLES[event] == "participant" else "participant"
    sio = sockets(demo, connect)[other]
    for data in ({}, [], "x", {"process_id": 2**64}):
        assert problem(event, data, sio.emit(event, data, namespace=NAMESPACE,
                                             callback=True)) is None


def test_events_without_an_ack_callback_leave_the_connection_working(demo: Demo, connect: Any):
    by_role = sockets(demo, connect)
    for event in sorted(EVENTS):
        sio = by_role[EVENT_ROLES[event]]
        for data in ([], {"x": float("nan")}, "\ud800"):
            sio.emit(event, data, namespace=NAMESPACE)
        sio.emit(event, {}, {}, namespace=NAMESPACE)
    for role, event in (("participant", "perspective:submit"),
                        ("facilitator", "perspective:moderate")):
        sio = by_role[role]
        assert sio.is_connected(NAMESPACE)
        ack = sio.emit(event, [], namespace=NAMESPACE, callback=True)
        assert ack["ok"] is False
        assert ack["error"]["code"] == "invalid_json"


@pytest.mark.parametrize("auth", [None, [], "token", 42, {"token": []}, {"token": 2**64},
                                  {"token": "\ud800"}, {"token": "p.a\x00b"},
                                  {"token": "x" * 10_000}, {"token": {"a": 1}},
                                  {"token": "f." + "x" * 500}])
def test_bad_credentials_at_connect_are_refused_not_crashed(demo: Demo, connect: Any,
                                                           auth: Any):
    sio = connect(auth)
    assert not sio.is_connected(NAMESPACE)


def test_a_refused_packet_names_its_event_and_code(demo: Demo, connect: Any):
    sio = sockets(demo, connect)["participant"]
    deep = raw_emit(sio, "perspective:submit", "[" * 50_000 + "]" * 50_000)
    nan = raw_emit(sio, "perspective:submit", '{"workshop_id": NaN}')
    nul = raw_emit(sio, "perspective:submit", json.dumps({"text": "a\x00b"}))
    assert (deep["error"]["code"], nan["error"]["code"], nul["error"]["code"]) == (
        "too_deeply_nested", "invalid_number", "invalid_characters")


@pytest.mark.parametrize("event", ["no:such-event", "", "x" * 300, "perspective:submit "])
def test_an_event_nobody_handles_is_acknowledged_as_unknown(demo: Demo, connect: Any,
                                                           event: str):
    sio = sockets(demo, connect)["participant"]
    ack = sio.emit(event, {}, namespace=NAMESPACE, callback=True)
    assert (ack["ok"], ack["error"]["code"]) == (False, "unknown_event")

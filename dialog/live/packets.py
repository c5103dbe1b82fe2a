"""Socket.IO packets parsed like HTTP bodies: depth, ``NaN`` and unstorable text refused.

python-socketio parses an event's arguments with the ``json`` module it is given. A packet
the shared parser refuses (:func:`dialog.services.untrusted_input.loads`) still reaches its
event, with a :class:`Refused` argument in place of the data, so the handler can acknowledge
the refusal with its code instead of the packet being dropped and the phone left waiting.
A connect whose credentials are refused is a connect without credentials: refused.

What the server sends is JSON only (:class:`JSONPacket`): no walk of the payload for bytes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from socketio.packet import Packet

from dialog.errors import DialogError
from dialog.services import untrusted_input

#: The event name at the start of an event packet's arguments: ``["perspective:submit",``.
_EVENT = re.compile(r'\s*\[\s*"([a-z][a-z0-9_:.-]{0,63})"\s*(?:,|\])')
#: Integers longer than this are refused as engine.io does (int() of long text is slow).
MAX_INT_DIGITS = 100


@dataclass(frozen=True)
class Refused:
    """An event's arguments that could not be accepted, and why."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


def _int(text: str) -> int:
    if len(text) > MAX_INT_DIGITS:
        raise ValueError("integer too long")
    return int(text)


class PacketJSON:
    """The ``json`` module python-socketio and python-engineio use for packets."""

    dumps = staticmethod(json.dumps)

    @staticmethod
    def loads(text: str | bytes, **_kwargs: Any) -> Any:
        try:
            return untrusted_input.loads(text, parse_int=_int)
        except DialogError as exc:
            refused = Refused(exc.code, exc.params)
            event = _EVENT.match(text if isinstance(text, str) else text.decode("utf-8", "replace"))
            # An event gets the refusal as its argument; anything else (the credentials
            # of a connect) is the refusal itself, which no handler accepts.
            return [event.group(1), refused] if event else refused


class JSONPacket(Packet):  # type: ignore[misc]
    """The server's packets: JSON text only, never binary attachments.

    python-socketio walks every payload it sends, item by item, looking for bytes to send
    as binary attachments (``Packet.data_is_binary``: a recursive Python call per list
    item and dict value, with a list and a ``reduce`` each). dialog sends JSON only: for a
    map of 1,000 perspectives (350 kB) that walk held the gevent loop about 10 ms per
    emit, longer than encoding it (a map send: median 27 ms before, 9 ms after). A payload
    with bytes in it fails loudly when it is encoded (``TypeError``). Binary events a
    client sends are still decoded.
    """

    uses_binary_events = False

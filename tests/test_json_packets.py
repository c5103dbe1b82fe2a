"""What the server sends over Socket.IO is JSON only: no walk of a payload for bytes.

python-socketio looks through every payload it sends for bytes (binary attachments), one
Python call per list item and dict value; a map of 1,000 perspectives is 350 kB of them.
"""

from __future__ import annotations

import pytest
from socketio.packet import EVENT, Packet

from dialog.extensions import socketio
from dialog.live.packets import JSONPacket, PacketJSON

MAP = {"process_id": 7, "map": {"graph": {"nodes": [{"id": k, "x": k / 3, "text": "å" * 20}
                                                    for k in range(50)]},
                                "groups": [[1, 2], [3]], "none": None}}


def test_the_server_sends_its_packets_as_json_text(app) -> None:
    assert socketio.server.packet_class is JSONPacket
    assert JSONPacket.json is PacketJSON


def test_a_packet_is_encoded_as_before_without_walking_its_payload(monkeypatch) -> None:
    def walked(_data: object) -> bool:
        raise AssertionError("the payload was walked for bytes")

    expected = Packet(EVENT, data=["map:update", MAP], namespace="/live").encode()
    monkeypatch.setattr(JSONPacket, "data_is_binary", staticmethod(walked))
    assert JSONPacket(EVENT, data=["map:update", MAP], namespace="/live").encode() == expected


def test_bytes_in_a_payload_fail_loudly() -> None:
    with pytest.raises(TypeError):
        JSONPacket(EVENT, data=["map:update", {"png": b"\x89PNG"}]).encode()

"""The bad-input corpus: what a curious teenager, a troll or a fuzzer sends to every face.

Each entry is raw text, so values JSON cannot carry from Python (``NaN``, ``1e309``, lone
surrogates, 50,000 nested brackets) are sent exactly as an attacker would type them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Ids that cannot exist: zero, negative, past PostgreSQL's INTEGER, SQLite's and
#: PostgreSQL's BIGINT, a float that overflows, and a number far past any column.
BAD_PATH_IDS = ["0", "-1", "2147483648", str(2**63), str(2**64), "1e309", "9" * 40]

#: Path text (a slug, a join code) with NUL, a lone surrogate's bytes, invalid UTF-8, length.
BAD_PATH_TEXT = ["%00", "a%00b", "%ED%A0%80", "%FF%FE", "x" * 3000, "..%2F..%2Fetc",
                 "%F0%9F%98%80" * 20]

#: One field's value as raw JSON text.
BAD_VALUES = [
    "[]", '{"a": [1, {"b": null}]}', "true", "-1", "2147483648", str(2**64), "1e309",
    "-Infinity", '"a\\udfffb"', '"a\\u0000b"', '"' + "x" * 20_000 + '"',
    '"<script>alert(1)</script>"', "[" * 40 + "]" * 40,
]

DEEP = 50_000
#: A whole request body as raw text (sent as application/json).
BAD_BODIES = [
    "[" * DEEP + "]" * DEEP, '{"a":' * DEEP + "1" + "}" * DEEP, '{"x": NaN}', "Infinity",
    '"\\ud800"', '{"\\ud800": 1}', '{"a\\u0000": 1}', "not json", "\x00", "", "null",
    '{"x": 1', "[1, 2]", str(2**64),
]

#: Bodies that are not JSON at all, with the content type they claim.
WRONG_CONTENT = [
    ("text/plain", "text=hej"),
    ("application/x-www-form-urlencoded", "text=hej&kind=idea&client_id=%00"),
    ("multipart/form-data; boundary=xyz", "--xyz\r\nnot a part"),
    ("application/json; charset=latin-1", '{"text": "h\xe4j"}'),
    ("application/xml", "<a>1</a>"),
]

#: A form field's value in a console form post.
BAD_FORM_VALUES = ["", "a\x00b", "x" * 20_000, "2147483648", str(2**64), "-1", "1e309",
                   "NaN", "<script>", "\ufffd"]

#: A Socket.IO payload (as a Python value) that is not what the event expects.
BAD_SOCKET_PAYLOADS: list[object] = [
    None, [], "text", 42, 1.5, True, ["a", "b"], {"x": [1] * 10}, {"a": "b" * 5000},
]

#: One Socket.IO field's value.
BAD_SOCKET_VALUES: list[object] = [
    [], {}, None, True, -1, 0, 2**31, 2**63, 2**64, 1.5, "\ud800", "a\x00b", "x" * 3000,
    "1e309", float("nan"), float("inf"),
]

#: Raw Socket.IO event arguments (the JSON after the event name), for what Python's
#: json module will not write: deep nesting, NaN, 1e309.
RAW_SOCKET_ARGUMENTS = ["[" * DEEP + "]" * DEEP, '{"a":' * DEEP + "1" + "}" * DEEP,
                        '{"x": NaN}', '{"x": Infinity}', '{"x": 1e309}', '{"x": "\\ud800"}',
                        '{"x": "a\\u0000b"}', '{"workshop_id": 1e309}']


@dataclass(frozen=True)
class Case:
    """One HTTP request of the corpus."""

    method: str
    path: str
    who: str
    body: str | None = None
    content_type: str = "application/json"

    def __str__(self) -> str:
        shown = (self.body or "")[:60].replace("\n", " ")
        return f"{self.who} {self.method} {self.path[:80]} {self.content_type} {shown!r}"


PARAMETER = re.compile(r"<(?:([a-z]+):)?([a-z_]+)>")


def fill(rule: str, bad: dict[str, str] | None = None) -> str:
    """The rule's path with every parameter ``1`` (``demo`` for text), or as ``bad`` says."""

    def value(match: re.Match[str]) -> str:
        converter, name = match.group(1) or "default", match.group(2)
        if bad and name in bad:
            return bad[name]
        return "1" if converter == "int" else "demo"

    return PARAMETER.sub(value, rule)


def path_variants(rule: str) -> list[str]:
    """The rule with each parameter in turn replaced by every bad value of its kind."""
    paths = []
    for match in PARAMETER.finditer(rule):
        kind = BAD_PATH_IDS if match.group(1) == "int" else BAD_PATH_TEXT
        paths += [fill(rule, {match.group(2): value}) for value in kind]
    return paths


def body_variants(fields: list[str]) -> list[str]:
    """Every bad body, then every field of the input in turn with every bad value."""
    bodies = list(BAD_BODIES)
    for field in fields:
        bodies += [f'{{"{field}": {value}}}' for value in BAD_VALUES]
    return bodies

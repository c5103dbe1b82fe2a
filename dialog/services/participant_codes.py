"""Participant codes: three everyday Swedish words that bring a person back, still anonymous.

A code is given at a first join (or printed on a card for a school class) and entered again
at a later meeting of the same process: the same participant, behind a new token. Only a
hash of the code is stored; the words are on the phone's screen or on the card. The word
list (``participant_words.txt``, shipped with the kernel) has child-friendly words without
å, ä and ö, so any keyboard can type them.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import DialogError, NotFound
from dialog.models import ParticipantCode, Process

WORDS_FILE = Path(__file__).with_name("participant_words.txt")
WORDS_PER_CODE = 3
MAX_CARDS = 200


@cache
def words() -> tuple[str, ...]:
    return tuple(line.strip() for line in WORDS_FILE.read_text("utf-8").splitlines()
                 if line.strip())


def normalise(code: Any) -> str:
    """"Katt Sol-boll", "katt.sol.boll" and " KATT sol boll " are all ``katt-sol-boll``."""
    if not isinstance(code, str):
        return ""
    return "-".join(re.findall(r"[a-z]+", code.lower()))


def code_hash(process_id: int, normalised: str) -> str:
    return hashlib.sha256(f"{process_id}:{normalised}".encode()).hexdigest()


def new_code(session: Session, process: Process, *, origin: str = "join",
             participant_id: int | None = None) -> str:
    """A fresh code, unused in the process; returns the words (only this once)."""
    for _ in range(50):
        code = "-".join(secrets.choice(words()) for _ in range(WORDS_PER_CODE))
        digest = code_hash(process.id, code)
        taken = session.scalar(select(ParticipantCode.id).where(
            ParticipantCode.process_id == process.id, ParticipantCode.code_hash == digest))
        if taken is None:
            session.add(ParticipantCode(process_id=process.id, code_hash=digest, origin=origin,
                                        participant_id=participant_id))
            session.flush()
            return code
    raise RuntimeError("could not find an unused participant code")  # 14 million: never


def find(session: Session, process: Process, code: Any) -> ParticipantCode:
    """The code's record in this process, or ``participant_code_unknown`` (404)."""
    normalised = normalise(code)
    if not normalised:
        raise DialogError("participant_code_required")
    found = session.scalar(select(ParticipantCode).where(
        ParticipantCode.process_id == process.id,
        ParticipantCode.code_hash == code_hash(process.id, normalised)))
    if found is None:
        raise NotFound("participant_code_unknown")
    return found


def print_cards(session: Session, process: Process, count: Any) -> list[str]:
    """``count`` codes for printed cards (a school class); nobody is behind them yet."""
    if isinstance(count, bool) or not isinstance(count, int | str):
        raise DialogError("invalid_card_count", max=MAX_CARDS)
    try:
        number = int(count)
    except ValueError as exc:
        raise DialogError("invalid_card_count", max=MAX_CARDS) from exc
    if not 1 <= number <= MAX_CARDS:
        raise DialogError("invalid_card_count", max=MAX_CARDS)
    return [new_code(session, process, origin="card") for _ in range(number)]

"""Facilitator accounts and their bearer tokens."""

from __future__ import annotations

import re

from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dialog.errors import DialogError, Unauthorized
from dialog.models import Facilitator
from dialog.services.password_policy import MIN_PASSWORD_LENGTH, check_password
from dialog.services.passwords import dummy_hash, hash_password, verify_password

TOKEN_PREFIX = "f."
TOKEN_MAX_AGE_SECONDS = 7 * 24 * 3600
__all__ = ["MIN_PASSWORD_LENGTH", "authenticate", "create_facilitator", "current", "end_sessions",
           "facilitator_for_token", "find_by_email", "issue_token"]
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def create_facilitator(session: Session, email: str, password: str) -> Facilitator:
    """Create an account; the email must be new and the password pass the policy."""
    email = email.strip().lower()
    if not _EMAIL.match(email):
        raise DialogError("invalid_email")
    check_password(password)
    if find_by_email(session, email) is not None:
        raise DialogError("email_taken", 409)
    facilitator = Facilitator(email=email, password_hash=hash_password(password))
    session.add(facilitator)
    session.flush()
    return facilitator


def looks_like_email(email: str) -> bool:
    return bool(_EMAIL.match(email))


def find_by_email(session: Session, email: str) -> Facilitator | None:
    return session.scalar(
        select(Facilitator).where(func.lower(Facilitator.email) == email.strip().lower())
    )


def authenticate(session: Session, email: str, password: str) -> Facilitator:
    """Return the facilitator whose credentials these are, or refuse."""
    facilitator = find_by_email(session, email or "")
    # An unknown e-mail costs the same hash as a known one: the time tells nothing.
    stored = facilitator.password_hash if facilitator is not None else dummy_hash()
    if not verify_password(password or "", stored) or facilitator is None:
        raise Unauthorized("invalid_credentials")
    return facilitator


def issue_token(secret_key: str, facilitator: Facilitator) -> str:
    """Return a signed bearer token for API and Socket.IO calls."""
    serializer = URLSafeTimedSerializer(secret_key, salt="facilitator-token")
    return TOKEN_PREFIX + serializer.dumps({"fid": facilitator.id,
                                            "gen": facilitator.session_generation})


def facilitator_for_token(session: Session, secret_key: str, token: str) -> Facilitator | None:
    """Return the facilitator a token was issued to, or None when it is not valid."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    serializer = URLSafeTimedSerializer(secret_key, salt="facilitator-token")
    try:
        data = serializer.loads(token[len(TOKEN_PREFIX):], max_age=TOKEN_MAX_AGE_SECONDS)
    except BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("fid"), int):
        return None
    return current(session.get(Facilitator, data["fid"]), data.get("gen", 0))


def current(facilitator: Facilitator | None, generation: object) -> Facilitator | None:
    """The facilitator, if a login of this ``generation`` is still theirs (not logged out)."""
    if facilitator is None or generation != facilitator.session_generation:
        return None
    return facilitator


def end_sessions(facilitator: Facilitator) -> None:
    """Log out everywhere: every cookie and token issued so far stops working."""
    facilitator.session_generation += 1

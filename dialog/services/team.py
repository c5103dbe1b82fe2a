"""A process's team: add, list and remove members; invite those without an account.

A role is ``owner``, ``facilitator`` or ``reader`` (:class:`dialog.models.TeamRole`). An
address without an account gets an :class:`~dialog.models.Invitation`: only the SHA-256 of
its token is stored, and the link is shown once to the owner who copies it (e-mail is not
built yet). Accepting creates the account with the usual password rules.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import Conflict, DialogError, NotFound
from dialog.models import (
    Facilitator,
    Invitation,
    Process,
    ProcessMember,
    ProposalOwner,
    TeamRole,
    utcnow,
)
from dialog.services import facilitators

INVITE_PREFIX = "inv_"
#: An invite link older than this is refused; the owner makes a new one.
INVITE_VALID = timedelta(days=14)


@dataclass
class Added:
    """What adding an address did: a member now, or an invitation with its one-time link."""

    email: str
    role: str
    invited: bool = False
    invite_token: str | None = None


def parse_role(value: Any) -> TeamRole:
    try:
        return TeamRole(str(value or "").strip().lower())
    except ValueError:
        raise DialogError("team_role_unknown", roles=", ".join(r.value for r in TeamRole)
                          ) from None


def clean_email(value: Any) -> str:
    email = str(value or "").strip().lower()
    if not facilitators.looks_like_email(email):
        raise DialogError("invalid_email")
    return email


def members_of(session: Session, process: Process) -> list[ProcessMember]:
    return list(session.scalars(
        select(ProcessMember).join(Facilitator, Facilitator.id == ProcessMember.facilitator_id)
        .where(ProcessMember.process_id == process.id).order_by(ProcessMember.id)))


def open_invitations(session: Session, process: Process) -> list[Invitation]:
    return list(session.scalars(select(Invitation).where(
        Invitation.process_id == process.id, Invitation.accepted_at.is_(None),
        Invitation.proposal_id.is_(None)).order_by(Invitation.id)))


def add_member(session: Session, process: Process, email: Any, role: Any,
               invited_by: Facilitator | None) -> Added:
    """Give an account a role (or change it); invite an address without an account."""
    wanted, address = parse_role(role), clean_email(email)
    account = facilitators.find_by_email(session, address)
    if account is None:
        token = invite(session, process, address, wanted.value, invited_by)
        return Added(address, wanted.value, invited=True, invite_token=token)
    member = _member(session, process, account)
    if member is None:
        session.add(ProcessMember(process_id=process.id, facilitator_id=account.id,
                                  role=wanted))
    else:
        if member.role is TeamRole.OWNER and wanted is not TeamRole.OWNER:
            _keep_an_owner(session, process)
        member.role = wanted
    session.flush()
    return Added(address, wanted.value)


def remove_member(session: Session, process: Process, email: Any) -> None:
    """Take an account off the team (or withdraw an open invitation); one owner stays."""
    address = str(email or "").strip().lower()
    account = facilitators.find_by_email(session, address)
    member = _member(session, process, account) if account else None
    if member is not None:
        if member.role is TeamRole.OWNER:
            _keep_an_owner(session, process)
        session.delete(member)
        session.flush()
        return
    pending = [i for i in open_invitations(session, process) if i.email == address]
    if not pending:
        raise NotFound("team_member_not_found")
    for invitation in pending:
        session.delete(invitation)
    session.flush()


def invite(session: Session, process: Process, email: str, role: str,
           invited_by: Facilitator | None, proposal_id: int | None = None) -> str:
    """Store an invitation; return the token (shown once, only its hash is kept).

    An earlier open invitation of the same address to the same place is replaced.
    """
    for earlier in session.scalars(select(Invitation).where(
            Invitation.process_id == process.id, Invitation.email == email,
            Invitation.accepted_at.is_(None))):
        if earlier.proposal_id == proposal_id:
            session.delete(earlier)
    token = INVITE_PREFIX + secrets.token_urlsafe(24)
    session.add(Invitation(process_id=process.id, proposal_id=proposal_id, email=email,
                           role=role, token_hash=_hash(token),
                           invited_by_id=invited_by.id if invited_by else None))
    session.flush()
    return token


def invitation_for(session: Session, token: str) -> Invitation:
    found = session.scalar(select(Invitation).where(Invitation.token_hash == _hash(token or "")))
    if found is None or found.accepted_at is not None or \
            found.created_at < utcnow() - INVITE_VALID:
        raise NotFound("invitation_not_found")
    return found


def accept(session: Session, token: str, password: str) -> Facilitator:
    """Create the invitee's account and give it what the invitation promised."""
    invitation = invitation_for(session, token)
    account = facilitators.create_facilitator(session, invitation.email, password)
    invitation.accepted_at = utcnow()
    if invitation.proposal_id is not None:
        session.add(ProposalOwner(proposal_id=invitation.proposal_id, facilitator_id=account.id))
    else:
        process = session.get(Process, invitation.process_id)
        assert process is not None
        session.add(ProcessMember(process_id=process.id, facilitator_id=account.id,
                                  role=TeamRole(invitation.role)))
    session.flush()
    return account


def _member(session: Session, process: Process, account: Facilitator) -> ProcessMember | None:
    return session.scalar(select(ProcessMember).where(
        ProcessMember.process_id == process.id, ProcessMember.facilitator_id == account.id))


def _keep_an_owner(session: Session, process: Process) -> None:
    owners = [m for m in members_of(session, process) if m.role is TeamRole.OWNER]
    if len(owners) <= 1:
        raise Conflict("team_last_owner")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()

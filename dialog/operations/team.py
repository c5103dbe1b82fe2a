"""A process's team: add (or invite), list and remove members. Owners manage the team;
everyone on it may see who is on it."""

from __future__ import annotations

from typing import Any

from dialog.actions import Call, Output, Role, Target, operation
from dialog.actions.fields import LooseText
from dialog.actions.inputs import OfProcess
from dialog.models import Process
from dialog.policy import Level
from dialog.services import team

PROCESS = Target(Process, "process_id")


class NewMember(OfProcess):
    email: LooseText = None
    #: ``owner``, ``facilitator`` or ``reader``.
    role: LooseText = None


class OfMember(OfProcess):
    email: LooseText = None


class MemberOut(Output):
    email: str
    role: str
    #: True when the address had no account: ``invite_url`` is the link to hand over.
    invited: bool = False
    invite_url: str | None = None


class Member(Output):
    email: str
    role: str


class Team(Output):
    members: list[Member]
    #: Invitations not yet accepted.
    invitations: list[Member]


class MemberRemoved(Output):
    email: str
    removed: bool = True


def shown(added: team.Added) -> MemberOut:
    url = f"/invite/{added.invite_token}" if added.invite_token else None
    return MemberOut(email=added.email, role=added.role, invited=added.invited,
                     invite_url=url)


@operation("team.add", input=NewMember, role=Role.FACILITATOR, result=MemberOut,
           target=PROCESS, level=Level.OWN)
def add_member(call: Call[NewMember]) -> MemberOut:
    """Give an account a role in the process (or change it); invite an unknown address."""
    return shown(team.add_member(call.session, call.target, call.input.email, call.input.role,
                                 call.facilitator))


@operation("team.list", input=OfProcess, role=Role.FACILITATOR, result=Team, target=PROCESS,
           changes=False)
def list_members(call: Call[OfProcess]) -> dict[str, Any]:
    """Who is on the process's team, with their roles, and who is invited."""
    members = [Member(email=m.facilitator.email, role=m.role.value)
               for m in team.members_of(call.session, call.target)]
    invited = [Member(email=i.email, role=i.role)
               for i in team.open_invitations(call.session, call.target)]
    return {"members": members, "invitations": invited}


@operation("team.remove", input=OfMember, role=Role.FACILITATOR, result=MemberRemoved,
           target=PROCESS, level=Level.OWN)
def remove_member(call: Call[OfMember]) -> MemberRemoved:
    """Take someone off the team or withdraw an invitation; the last owner stays."""
    team.remove_member(call.session, call.target, call.input.email)
    return MemberRemoved(email=str(call.input.email or "").strip().lower())

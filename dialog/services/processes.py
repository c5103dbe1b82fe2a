"""Create and read dialogue processes with their stakeholder groups and phases."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import DialogError, NotFound
from dialog.models import (
    Facilitator,
    Phase,
    PhaseKind,
    Process,
    ProcessMember,
    StakeholderGroup,
    TeamRole,
)

MAX_TITLE = 200
MAX_QUESTION = 2000
MAX_GROUP_NAME = 80
MAX_GROUPS = 30


def create_process(
    session: Session,
    facilitator: Facilitator | None,
    *,
    title: str,
    question: str,
    stakeholder_groups: list[str],
    description: str = "",
    owner_organisation: str = "",
    language: str = "sv",
) -> Process:
    """Create a process and open its first phase, inventering round 1."""
    title = _required(title, "title", MAX_TITLE)
    question = _required(question, "question", MAX_QUESTION)
    groups = _clean_groups(stakeholder_groups)
    process = Process(
        slug=_unique_slug(session, title),
        title=title,
        question=question,
        description=(description or "").strip(),
        owner_organisation=(owner_organisation or "").strip()[:200],
        language=language if language in ("sv", "en") else "sv",
        created_by_id=facilitator.id if facilitator else None,
    )
    process.stakeholder_groups = [
        StakeholderGroup(name=name, position=i) for i, name in enumerate(groups)
    ]
    process.phases = [Phase(kind=PhaseKind.INVENTERING, round=1)]
    session.add(process)
    session.flush()
    if facilitator is not None:
        add_owner(session, process, facilitator)
    return process


def add_owner(session: Session, process: Process, facilitator: Facilitator) -> None:
    """Make the facilitator an owner of the process (its creator, or by the CLI)."""
    member = session.scalar(select(ProcessMember).where(
        ProcessMember.process_id == process.id, ProcessMember.facilitator_id == facilitator.id))
    if member is None:
        session.add(ProcessMember(process_id=process.id, facilitator_id=facilitator.id,
                                  role=TeamRole.OWNER))
    else:
        member.role = TeamRole.OWNER
    if process.created_by_id is None:
        process.created_by_id = facilitator.id
    session.flush()


def get_process_by_slug(session: Session, slug: str) -> Process:
    process = session.scalar(select(Process).where(Process.slug == slug))
    if process is None:
        raise NotFound("process_not_found")
    return process


def processes_of(session: Session, facilitator: Facilitator) -> list[Process]:
    """The processes whose team the facilitator is in (any role), newest first."""
    return list(
        session.scalars(
            select(Process)
            .join(ProcessMember, ProcessMember.process_id == Process.id)
            .where(ProcessMember.facilitator_id == facilitator.id)
            .order_by(Process.created_at.desc(), Process.id.desc())
        )
    )


def _required(value: Any, field: str, limit: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise DialogError("field_required", field=field)
    text: str = value.strip()
    if len(text) > limit:
        raise DialogError("field_too_long", field=field, max=limit)
    return text


def _clean_groups(names: Any) -> list[str]:
    if not isinstance(names, list) or not names:
        raise DialogError("stakeholder_groups_required")
    cleaned: list[str] = []
    for name in names:
        if not isinstance(name, str) or not name.strip():
            raise DialogError("invalid_stakeholder_group")
        name = " ".join(name.split())
        if len(name) > MAX_GROUP_NAME:
            raise DialogError("field_too_long", field="stakeholder_groups", max=MAX_GROUP_NAME)
        if name.casefold() not in {n.casefold() for n in cleaned}:
            cleaned.append(name)
    if len(cleaned) > MAX_GROUPS:
        raise DialogError("too_many_stakeholder_groups", max=MAX_GROUPS)
    return cleaned


def slugify(text: str) -> str:
    """Turn a title into a URL slug: "Tillit och trygghet" -> "tillit-och-trygghet"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60].rstrip("-") or "process"


def _unique_slug(session: Session, title: str) -> str:
    base = slugify(title)
    taken = set(session.scalars(select(Process.slug).where(Process.slug.like(f"{base}%"))))
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"

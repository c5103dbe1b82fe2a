"""Programmes: several processes (e.g. six local committees asking one question) under one
title, with a public summary built only from what each process has published."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import Conflict, DialogError, NotFound
from dialog.models import Facilitator, Process, Programme
from dialog.publication import publishing
from dialog.services.processes import slugify

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def create(session: Session, facilitator: Facilitator, *, title: Any, slug: Any = None,
           description: Any = "") -> Programme:
    name = str(title or "").strip()
    if not name:
        raise DialogError("field_required", field="title")
    if len(name) > 200:
        raise DialogError("field_too_long", field="title", max=200)
    wanted = str(slug or "").strip().lower() or slugify(name)
    if len(wanted) > 80 or not _SLUG.match(wanted):
        raise DialogError("programme_slug_invalid")
    if session.scalar(select(Programme.id).where(Programme.slug == wanted)) is not None:
        raise Conflict("programme_slug_taken")
    programme = Programme(slug=wanted, title=name,
                          description=str(description or "").strip()[:2000],
                          created_by_id=facilitator.id)
    session.add(programme)
    session.flush()
    return programme


def add_process(session: Session, programme: Programme, process: Process) -> Programme:
    if process not in programme.processes:
        programme.processes.append(process)
        session.flush()
    return programme


def by_slug(session: Session, slug: str) -> Programme:
    found = session.scalar(select(Programme).where(Programme.slug == slug))
    if found is None:
        raise NotFound("programme_not_found")
    return found


def public_summary(session: Session, programme: Programme) -> list[dict[str, Any]]:
    """Each process that has published, with counts from its latest publication only."""
    shown = []
    for process in programme.processes:
        latest = publishing.latest(session, process)
        if latest is None:
            continue
        snapshot = latest.snapshot
        shown.append({
            "slug": process.slug, "title": snapshot.get("process", {}).get("title",
                                                                           process.title),
            "version": latest.version, "published_at": latest.published_at,
            "counts": counts_of(snapshot),
        })
    return shown


def counts_of(snapshot: dict[str, Any]) -> dict[str, int]:
    """The headline numbers of a publication: participants, perspectives, alternatives,
    proposals."""
    participation = snapshot.get("participation") or {}
    counts = {key: participation.get(key) for key in ("participants", "perspectives")}
    counts |= {key: len(snapshot.get(key) or []) for key in ("alternatives", "proposals")}
    return {key: value for key, value in counts.items() if isinstance(value, int)}


COUNTED = ("participants", "perspectives", "alternatives", "proposals")


def totals(published: list[dict[str, Any]]) -> dict[str, int]:
    """The programme's numbers: the sums over its published processes."""
    return {key: sum(item["counts"].get(key, 0) for item in published) for key in COUNTED}

"""The demo process "Tillit och trygghet i Varberg", built through the real services.

Each phase of the method adds its part in its own module; ``build_demo`` runs them in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.demo import followup, meetings, team
from dialog.demo import publish as publication
from dialog.models import Process, Workshop
from dialog.services import facilitators
from dialog.services.passwords import hash_password
from phases.inventering import demo as inventering
from phases.inventering.map import demo as reactions
from phases.konkretisering import demo as konkret
from phases.larande_samtal import demo as samtal

DEMO_EMAIL = "demo@dialog.local"
#: A demo account on a laptop; documented in the README, never for production use.
DEMO_PASSWORD = "varberg-demo"
DEMO_SLUG = inventering.SLUG


@dataclass
class DemoResult:
    process_id: int
    slug: str
    workshop_id: int
    join_code: str
    extra: dict[str, Any] = field(default_factory=dict)

    def add(self, more: dict[str, Any]) -> None:
        """Merge a feature's extra keys; its "urls" join the others instead of replacing them."""
        urls = {**self.extra.get("urls", {}), **more.get("urls", {})}
        self.extra.update(more)
        if urls:
            self.extra["urls"] = urls

    def as_dict(self, base_url: str) -> dict[str, Any]:
        base = base_url.rstrip("/")
        extra = dict(self.extra)
        # Features add their own URLs as paths under extra["urls"]; they join the base here.
        more_urls = {k: f"{base}{v}" if v.startswith("/") else v
                     for k, v in extra.pop("urls", {}).items()}
        return {
            "process_id": self.process_id,
            "slug": self.slug,
            "workshop_id": self.workshop_id,
            "join_code": self.join_code,
            "facilitator": {"email": DEMO_EMAIL, "password": DEMO_PASSWORD},
            "urls": {
                "home": f"{base}/",
                "facilitator_login": f"{base}/facilitator/login",
                "process": f"{base}/facilitator/processes/{self.process_id}",
                "workshop_console": f"{base}/facilitator/workshops/{self.workshop_id}",
                "projector": f"{base}/facilitator/workshops/{self.workshop_id}/projector",
                "join": f"{base}/j/{self.join_code}",
                **more_urls,
            },
            **extra,
        }


def build_demo(session: Session) -> DemoResult:
    """Create the demo facilitator (or reset its password) and a fresh demo process."""
    facilitator = facilitators.find_by_email(session, DEMO_EMAIL)
    if facilitator is None:
        facilitator = facilitators.create_facilitator(session, DEMO_EMAIL, DEMO_PASSWORD)
    else:
        facilitator.password_hash = hash_password(DEMO_PASSWORD)
    process, workshop = inventering.build(session, facilitator)
    followup.set_mandate(session, process)
    result = DemoResult(process.id, process.slug, workshop.id, workshop.join_code)
    result.add(reactions.build(session, facilitator, process, workshop))
    result.add(samtal.build(session, facilitator, process))
    result.add(konkret.build(session, facilitator, process))
    result.add(team.build(session, process, DEMO_PASSWORD))
    result.add(meetings.build(session, facilitator, process))
    followup.build(session, facilitator, process)
    # Publication runs last: version 1 shows whatever the phases above produced.
    result.add(publication.build(session, facilitator, process))
    return result


def existing_demo(session: Session) -> DemoResult | None:
    """Return the first demo process if one was created before."""
    process = session.scalar(select(Process).where(Process.slug == DEMO_SLUG))
    if process is None:
        return None
    workshop = session.scalar(
        select(Workshop).where(Workshop.process_id == process.id).order_by(Workshop.id)
    )
    if workshop is None:
        return None
    found = DemoResult(process.id, process.slug, workshop.id, workshop.join_code)
    found.add(reactions.extra_urls(process))
    found.add(samtal.extra_urls(process))
    found.add(konkret.extra_urls(session, process))
    found.add(team.extra_urls(session, process))
    found.add(publication.extra_urls(session, process))
    return found

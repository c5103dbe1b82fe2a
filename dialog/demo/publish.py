"""Publication in the demo: version 1 of the public summary, as a facilitator would publish it.

Runs last in ``build_demo``, so the version shows whatever the earlier phases produced.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from dialog.models import Facilitator, Process
from dialog.publication import latest, publish

#: Says only what stays true of the demo as it grows: which phases the version covers, and
#: where the reader finds whom the process has not heard yet (the report says who).
NOTE = ("Första versionen: perspektiven, samtalsrundan, alternativen och förslagen hittills. "
        "Vilka grupper som ännu inte har hörts står under ”Perspektiv vi saknar”; "
        "sammanfattningen uppdateras efter nästa möte.")


def build(session: Session, facilitator: Facilitator, process: Process) -> dict[str, Any]:
    """Publish version 1 of the demo process; return the demo JSON's extra URLs."""
    publish(session, process, facilitator, note=NOTE)
    return extra_urls(session, process)


def extra_urls(session: Session, process: Process) -> dict[str, Any]:
    """Paths of the public page, its report and open data, once something is published."""
    if latest(session, process) is None:
        return {}
    slug = process.slug
    return {"urls": {"public": f"/p/{slug}", "report_pdf": f"/p/{slug}/report.pdf",
                     "open_data": f"/p/{slug}/data.zip"}}

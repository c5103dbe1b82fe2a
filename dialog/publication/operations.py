"""Publication's operations, declared once: publish, list, preview, settings and records.

The JSON API (``dialog.web.api.publications``) and the facilitator's publication page
(``dialog.web.publication.console``) both reach these; neither loads nor authorises the
process itself. A version's address (``url``) is the web face's to add: it needs the host.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import ConfigDict, WithJsonSchema

from dialog.actions import Call, Input, Output, Role, Target, operation
from dialog.actions.fields import Id, LooseOptionalText, Timestamp
from dialog.actions.inputs import OfProcess
from dialog.models import Process, Publication, PublicationSettings
from dialog.publication import publishing
from dialog.publication.licences import LICENCES
from dialog.publication.once import Outcome
from dialog.publication.records import records

#: A licence's SPDX id (``unknown_licence`` otherwise); checked by ``licence_for``.
LicenceId = Annotated[Any, WithJsonSchema({"enum": [*LICENCES, None]})]
Note = Annotated[Any, WithJsonSchema({"type": "string", "maxLength": publishing.MAX_NOTE})]



class NewVersion(Input):
    process_id: Id
    #: Optional words for the readers of this version.
    note: Note = ""
    #: The process's default licence when left out.
    licence: LicenceId = None


class Published(Output):
    version: int
    #: The version's own address, ``/p/<slug>/v/<version>``.
    url: str | None = None
    published_at: Timestamp
    licence: str


class PublishedNow(Published):
    #: True when the newest version already had exactly this content (the same data, note
    #: and licence): that version is answered (200, not 201) and nothing new is stored.
    duplicate: bool = False


@operation("publication.publish", input=NewVersion, role=Role.FACILITATOR,
           result=PublishedNow, target=Target(Process, "process_id"), write_early=True)
def publish(call: Call[NewVersion]) -> Outcome:
    """Publish the next version (immutable, dated, with its own address), once: when the
    newest version already shows exactly this, answer it instead of storing a copy."""
    return publishing.publish_once(call.session, call.target, call.facilitator,
                                   licence=call.input.licence, note=call.input.note or "",
                                   base_url=call.base_url)


class PublicationOut(Published):
    note: str


class PublicationList(Output):
    publications: list[PublicationOut]


@dataclass(frozen=True)
class Versions:
    """The published versions of a process; ``slug`` lets the web face write addresses."""

    slug: str
    publications: list[Publication]


@operation("publication.list", input=OfProcess, role=Role.FACILITATOR,
           result=PublicationList, target=Target(Process, "process_id"), changes=False)
def list_publications(call: Call[OfProcess]) -> Versions:
    """The published versions, oldest first."""
    process: Process = call.target
    return Versions(process.slug, publishing.publications_of(call.session, process))


class PublicationSnapshot(Output):
    """What a version stores: ``meta`` and one key per section (see ``meta.sections``)."""

    model_config = ConfigDict(extra="allow")

    meta: dict[str, Any]
    #: What changed since the latest version (``{"first": true}`` before the first).
    changes: dict[str, Any] | None = None


@operation("publication.preview", input=OfProcess, role=Role.FACILITATOR,
           result=PublicationSnapshot, target=Target(Process, "process_id"), changes=False)
def preview(call: Call[OfProcess]) -> PublicationSnapshot:
    """What publishing now would store, with the changes since the latest version."""
    return PublicationSnapshot.model_validate(publishing.preview(call.session, call.target))


class PublicationSettingsOut(Output):
    licence: str
    retention_until: date | None
    retention_applied_at: Timestamp | None
    case_number: str
    handling_officer: str
    decision_proposal: str


@operation("publication.settings", input=OfProcess, role=Role.FACILITATOR,
           result=PublicationSettingsOut, target=Target(Process, "process_id"), changes=False)
def settings(call: Call[OfProcess]) -> PublicationSettings:
    """The licence and the retention date."""
    return publishing.settings_of(call.session, call.target)


class ChangeSettings(Input):
    process_id: Id
    licence: LicenceId = None
    #: An ISO date (``2030-01-31``) or null for no retention date.
    retention_until: LooseOptionalText = None
    #: The report as a committee document: diarienummer, handläggare, förslag till beslut.
    case_number: LooseOptionalText = None
    handling_officer: LooseOptionalText = None
    decision_proposal: LooseOptionalText = None


@operation("publication.update_settings", input=ChangeSettings, role=Role.FACILITATOR,
           result=PublicationSettingsOut, target=Target(Process, "process_id"))
def update_settings(call: Call[ChangeSettings]) -> PublicationSettings:
    """Change the licence, the retention date and the committee fields (only those sent)."""
    given = call.input.model_dump(include=call.input.model_fields_set - {"process_id"})
    return publishing.update_settings(call.session, call.target, given)


@operation("publication.records", input=OfProcess, role=Role.FACILITATOR,
           target=Target(Process, "process_id"), changes=False)
def process_records(call: Call[OfProcess]) -> dict[str, Any]:
    """Everything recorded for the process (public records), hidden and logged included."""
    return records(call.session, call.target, requested_by=call.facilitator.email)

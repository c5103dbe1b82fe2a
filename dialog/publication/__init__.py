"""Publication: the public summary, the committee report, open data and the records export.

The snapshot builder runs a list of section providers (``sections``) and the
personal-data guard (``guard``); ``publishing`` stores immutable versions.
"""

from dialog.publication.publishing import (
    latest,
    preview,
    publications_of,
    publish,
    published,
    settings_of,
    update_settings,
    version_of,
)
from dialog.publication.snapshot import build_snapshot

__all__ = [
    "build_snapshot",
    "latest",
    "preview",
    "publications_of",
    "publish",
    "published",
    "settings_of",
    "update_settings",
    "version_of",
]

"""Licences a process may publish its open data under (CC BY 4.0 unless it says otherwise)."""

from __future__ import annotations

from dataclasses import dataclass

from dialog.errors import DialogError
from dialog.models import DEFAULT_LICENCE


@dataclass(frozen=True)
class Licence:
    id: str
    name: str  # Swedish, the official translation: what the publication prints
    url: str
    english_name: str

    def name_in(self, locale: str) -> str:
        """The licence's name for a reader of ``locale`` (the console's language)."""
        return self.name if locale == "sv" else self.english_name

    def url_in(self, locale: str) -> str:
        """The licence deed in the reader's language (Creative Commons' default is English)."""
        return self.url if locale == "sv" else self.url.removesuffix("deed.sv")


LICENCES: dict[str, Licence] = {
    licence.id: licence
    for licence in (
        Licence("CC-BY-4.0", "Creative Commons Erkännande 4.0 Internationell (CC BY 4.0)",
                "https://creativecommons.org/licenses/by/4.0/deed.sv",
                "Creative Commons Attribution 4.0 International (CC BY 4.0)"),
        Licence("CC0-1.0", "Creative Commons Zero 1.0 Universell (CC0 1.0)",
                "https://creativecommons.org/publicdomain/zero/1.0/deed.sv",
                "Creative Commons Zero 1.0 Universal (CC0 1.0)"),
        Licence("CC-BY-SA-4.0",
                "Creative Commons Erkännande-DelaLika 4.0 Internationell (CC BY-SA 4.0)",
                "https://creativecommons.org/licenses/by-sa/4.0/deed.sv",
                "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)"),
    )
}


def licence_for(licence_id: object) -> Licence:
    """Return a known licence by its SPDX id, or refuse with ``unknown_licence``."""
    if licence_id in (None, ""):
        return LICENCES[DEFAULT_LICENCE]
    if not isinstance(licence_id, str) or licence_id not in LICENCES:
        raise DialogError("unknown_licence", licences=", ".join(LICENCES))
    return LICENCES[licence_id]

"""The facilitator names a theme: ``map.theme.rename`` (PATCH over HTTP, ``theme:rename``).

The name replaces the suggested one on the console, the wall and in the publication. The map
is recomputed at once (so the stored snapshot carries the name) and the rooms are told.
"""

from __future__ import annotations

from typing import Any

from dialog.actions import Call, Input, Output, Role, Target, operation
from dialog.actions.fields import Id, LooseOptionalText
from dialog.events import record
from dialog.models import Process
from phases.inventering.map import analysis_runs, themes


class ThemeName(Input):
    process_id: Id
    theme_id: Id
    name: LooseOptionalText = None


class ThemeOut(Output):
    id: int
    process_id: int
    #: The facilitator's name (None until given).
    name: str | None
    #: What the analysis suggests (the most central perspective's opening words).
    suggested_name: str
    #: What everyone sees: the name, else the suggestion.
    label: str


@operation("map.theme.rename", input=ThemeName, role=Role.FACILITATOR, result=ThemeOut,
           target=Target(Process, "process_id"))
def rename_theme(call: Call[ThemeName]) -> dict[str, Any]:
    """Give a theme the facilitator's name; every screen and the publication use it."""
    theme = themes.rename(call.session, call.target, call.input.theme_id, call.input.name)
    analysis_runs.refresh(call.session, call.target, force=True)
    record(call.session, "map-theme-renamed", process_id=call.target.id)
    return {"id": theme.id, "process_id": theme.process_id, "name": theme.name,
            "suggested_name": theme.suggested_name, "label": theme.name or theme.suggested_name}

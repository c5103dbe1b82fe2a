"""Translations: Swedish first, English second, kept as JSON under ``dialog/translations``.

Each locale is a folder of JSON files (one per area of the product) merged at load, so
features can add their strings without touching each other's files.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import Any

LOCALES = ("sv", "en")
DEFAULT_LOCALE = "sv"


@cache
def catalogue(locale: str) -> dict[str, str]:
    """Return every message of a locale, flattened to dotted keys."""
    merged: dict[str, str] = {}
    folder = resources.files("dialog.translations").joinpath(locale)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            _flatten(json.loads(entry.read_text(encoding="utf-8")), "", merged)
    for entry in _phase_files(locale):
        _flatten(json.loads(entry.read_text(encoding="utf-8")), "", merged)
    return merged


def _phase_files(locale: str) -> list[Path]:
    """Each phase's own strings: ``phases/<phase>/translations/<locale>.json``."""
    spec = find_spec("phases")  # located, not imported: the phases import the kernel
    roots = spec.submodule_search_locations if spec else None
    return sorted(path for root in roots or [] for path in Path(root).glob(
        f"*/translations/{locale}.json"))


def _flatten(tree: dict[str, Any], prefix: str, into: dict[str, str]) -> None:
    for key, value in tree.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            _flatten(value, dotted + ".", into)
        else:
            into[dotted] = str(value)


def translate(key: str, locale: str = DEFAULT_LOCALE, **params: Any) -> str:
    """Look a message up (falling back to Swedish, then the key) and fill its ``{params}``."""
    locale = locale if locale in LOCALES else DEFAULT_LOCALE
    text = catalogue(locale).get(key) or catalogue(DEFAULT_LOCALE).get(key) or key
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def negotiate(accept_language: str | None, explicit: str | None = None) -> str:
    """Choose a locale from an explicit choice or an Accept-Language header."""
    if explicit in LOCALES:
        return explicit
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().lower()[:2]
        if tag in LOCALES:
            return tag
    return DEFAULT_LOCALE

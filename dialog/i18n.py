"""Translations: Swedish first, English second, kept as JSON.

The kernel's strings are folders of JSON files under ``dialog/translations/<locale>/`` (one
per area of the product); each phase keeps its own in ``phases/<phase>/translations/
<locale>.json``. All are merged at load, in that order, in the same nested format, so
features add their strings without touching each other's files. Phase files are found on
disk: the kernel never imports a phase to read its strings.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from babel import Locale

from dialog.field_names import field_name

LOCALES = ("sv", "en")
DEFAULT_LOCALE = "sv"
#: CLDR plural categories a plural message may hold (Swedish and English use one/other).
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


@cache
def catalogue(locale: str) -> dict[str, str]:
    """Return every message of a locale, flattened to dotted keys."""
    merged: dict[str, str] = {}
    for entry in message_files(locale):
        _flatten(json.loads(entry.read_text(encoding="utf-8")), "", merged)
    return merged


def message_files(locale: str) -> list[Traversable]:
    """The JSON files of a locale: the kernel's, then each phase's, in a stable order."""
    folder = resources.files("dialog.translations").joinpath(locale)
    kernel = sorted((e for e in folder.iterdir() if e.name.endswith(".json")),
                    key=lambda e: e.name)
    phases = [folder / f"{locale}.json" for folder in phase_translation_folders()]
    return [*kernel, *(entry for entry in phases if entry.is_file())]


def phase_translation_folders() -> list[Path]:
    """``phases/<phase>/translations`` of every phase package that has one, by name.

    The ``phases`` package is located without being imported (importing it would load every
    phase, and the kernel must not depend on them).
    """
    return sorted(folder for root in _phases_roots() for folder in root.glob("*/translations")
                  if folder.is_dir() and (folder.parent / "__init__.py").is_file())


def _phases_roots() -> Iterator[Path]:
    spec = find_spec("phases")
    for location in (spec.submodule_search_locations or []) if spec else []:
        yield Path(location)


def _flatten(tree: dict[str, Any], prefix: str, into: dict[str, str]) -> None:
    for key, value in tree.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            _flatten(value, dotted + ".", into)
        else:
            into[dotted] = str(value)


def plural_category(count: int, locale: str = DEFAULT_LOCALE) -> str:
    """The CLDR plural category of ``count`` in ``locale`` (``one``, ``other`` ...)."""
    return _plural_rule(locale if locale in LOCALES else DEFAULT_LOCALE)(abs(count))


@cache
def _plural_rule(locale: str) -> Callable[[int], str]:
    return Locale.parse(locale).plural_form


def plural_forms(key: str, locale: str = DEFAULT_LOCALE) -> dict[str, str]:
    """The forms of a plural message (``{"one": ..., "other": ...}``), for the browser."""
    locale = locale if locale in LOCALES else DEFAULT_LOCALE
    found = {c: catalogue(locale).get(f"{key}.{c}") for c in PLURAL_CATEGORIES}
    forms = {c: text for c, text in found.items() if text is not None}
    return forms if "other" in forms else ({} if locale == DEFAULT_LOCALE
                                           else plural_forms(key, DEFAULT_LOCALE))


def is_plural(key: str) -> bool:
    """Whether ``key`` is a plural message: its value holds ``one`` and ``other`` forms."""
    messages = catalogue(DEFAULT_LOCALE)
    return f"{key}.one" in messages and f"{key}.other" in messages


def _lookup(key: str, locale: str, params: dict[str, Any]) -> str | None:
    found = catalogue(locale).get(key)
    if found is None and "count" in params and is_plural(key):
        # A count already written out ("färre än 5") reads with the plural form.
        count = params["count"]
        category = plural_category(count, locale) if isinstance(count, int) else "other"
        found = catalogue(locale).get(f"{key}.{category}") or catalogue(locale).get(
            f"{key}.other")
    return found


def translate(key: str, locale: str = DEFAULT_LOCALE, **params: Any) -> str:
    """Look a message up (falling back to Swedish, then the key) and fill its ``{params}``.

    An error's ``field`` is shown by its human name (``dialog.field_names``).
    A plural message is a mapping of CLDR categories (``{"one": "1 workshop", "other":
    "{count} workshoppar"}``); ``count`` chooses the form by the locale's plural rules.
    """
    locale = locale if locale in LOCALES else DEFAULT_LOCALE
    text = _lookup(key, locale, params) or _lookup(key, DEFAULT_LOCALE, params) or key
    if key.startswith("errors.") and "field" in params:
        # A refusal names a field by the name people read, not its path (``q.0``).
        params = {**params, "field": field_name(params["field"], catalogue(locale).get)}
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

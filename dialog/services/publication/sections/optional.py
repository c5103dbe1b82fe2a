"""Find a colleague feature's service when it is installed, and nothing when it is not.

Sections for the map and the later phases call those features' own services; until a
service exists (or when a deployment leaves a feature out), the section is simply absent.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Any


def optional_module(name: str) -> ModuleType | None:
    """Import ``name`` if it exists; a missing module means the feature is not there."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name and name.startswith(exc.name):
            return None
        raise


def optional_function(name: str, attribute: str) -> Callable[..., Any] | None:
    """Return ``name.attribute`` when the module exists and offers it, else None."""
    module = optional_module(name)
    found = getattr(module, attribute, None) if module is not None else None
    return found if callable(found) else None

"""Locate templates, static files and migrations, installed or in a source checkout.

In a source checkout they sit beside the package (the card's layout); a wheel built by
``pip install .`` carries them inside the package (see ``pyproject.toml``).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """Return ``dialog/<name>`` when installed, else ``<checkout>/<name>``."""
    inside = _PACKAGE / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / name


def templates_dir() -> Path:
    return resource_dir("templates")


def static_dir() -> Path:
    return resource_dir("static")


def migrations_dir() -> Path:
    return resource_dir("migrations")

"""Every message exists in Swedish and English, and every error code has a message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dialog.i18n import LOCALES, catalogue

ROOT = Path(__file__).resolve().parents[1]
ERROR_CLASSES = r"(?:DialogError|NotFound|Forbidden|Unauthorized|Conflict)"
RAISED = re.compile(ERROR_CLASSES + r"\(\s*\"([a-z][a-z0-9_]*)\"")
TEMPLATE_KEY = re.compile(r"""_\(\s*['"]([a-z][a-z0-9_.-]*)['"]""")


def python_sources() -> list[Path]:
    return sorted(p for folder in ("dialog", "phases") for p in (ROOT / folder).rglob("*.py"))


def raised_codes() -> set[str]:
    codes: set[str] = set()
    for path in python_sources():
        codes |= set(RAISED.findall(path.read_text(encoding="utf-8")))
    return codes


def template_keys() -> set[str]:
    keys: set[str] = set()
    for path in (ROOT / "templates").rglob("*.html"):
        keys |= {k for k in TEMPLATE_KEY.findall(path.read_text(encoding="utf-8"))
                 if "." in k and not k.endswith(".")}
    return keys


@pytest.mark.parametrize("locale", LOCALES)
def test_every_raised_error_code_has_a_message(locale: str):
    missing = sorted(c for c in raised_codes() if f"errors.{c}" not in catalogue(locale))
    assert missing == []


@pytest.mark.parametrize("locale", LOCALES)
def test_every_key_used_in_templates_exists(locale: str):
    missing = sorted(k for k in template_keys() if k not in catalogue(locale))
    assert missing == []


def test_swedish_and_english_have_the_same_keys():
    swedish, english = set(catalogue("sv")), set(catalogue("en"))
    assert sorted(swedish - english) == []
    assert sorted(english - swedish) == []

"""Every message exists in Swedish and English, and every error code has a message."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dialog import i18n
from dialog.i18n import LOCALES, catalogue

ROOT = Path(__file__).resolve().parents[1]
ERROR_CLASSES = r"(?:DialogError|NotFound|Forbidden|Unauthorized|Conflict)"
RAISED = re.compile(ERROR_CLASSES + r"\(\s*\"([a-z][a-z0-9_]*)\"")
TEMPLATE_KEY = re.compile(r"""_(?:forms)?\(\s*['"]([a-z][a-z0-9_.-]*)['"]""")


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
    missing = sorted(k for k in template_keys()
                     if k not in catalogue(locale) and not i18n.is_plural(k))
    assert missing == []


def test_swedish_and_english_have_the_same_keys():
    swedish, english = set(catalogue("sv")), set(catalogue("en"))
    assert sorted(swedish - english) == []
    assert sorted(english - swedish) == []


def _flat_keys(tree: dict[str, object], prefix: str = "") -> set[str]:
    keys: set[str] = set()
    for key, value in tree.items():
        if isinstance(value, dict):
            keys |= _flat_keys(value, f"{prefix}{key}.")
        else:
            keys.add(f"{prefix}{key}")
    return keys


def test_the_loader_finds_every_phase_translation_folder():
    on_disk = sorted(p for p in (ROOT / "phases").glob("*/translations") if p.is_dir())
    assert [p.resolve() for p in i18n.phase_translation_folders()] == [
        p.resolve() for p in on_disk]


@pytest.mark.parametrize("locale", LOCALES)
def test_every_phase_string_is_in_the_catalogue(locale: str):
    files = sorted((ROOT / "phases").glob(f"*/translations/{locale}.json"))
    for path in files:
        keys = _flat_keys(json.loads(path.read_text(encoding="utf-8")))
        assert sorted(keys - set(catalogue(locale))) == [], path


@pytest.fixture
def fresh_catalogue() -> Iterator[None]:
    catalogue.cache_clear()
    yield
    catalogue.cache_clear()


def test_a_phase_translation_file_is_loaded_after_the_kernels(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_catalogue: None):
    phase = tmp_path / "provfas"
    (phase / "translations").mkdir(parents=True)
    (phase / "__init__.py").write_text("raise RuntimeError('never imported')\n")
    (phase / "translations" / "sv.json").write_text(
        json.dumps({"provfas": {"rubrik": "Provfasen", "knapp": {"spara": "Spara"}}}),
        encoding="utf-8")
    monkeypatch.setattr(i18n, "_phases_roots", lambda: iter([tmp_path]))
    found = catalogue("sv")
    assert found["provfas.rubrik"] == "Provfasen"
    assert found["provfas.knapp.spara"] == "Spara"
    assert "errors.internal_error" in found
    assert "provfas.rubrik" not in catalogue("en")
    assert i18n.translate("provfas.rubrik", "en") == "Provfasen"


def test_finding_phase_strings_imports_no_phase():
    probe = ("import sys\nfrom dialog.i18n import catalogue\ncatalogue('sv')\n"
             "assert not [m for m in sys.modules if m.split('.')[0] == 'phases'], 'imported'\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("locale", "word", "instead"), [
    ("sv", "opinionsgrupp", "åsiktsgrupp"),
])
def test_one_thing_has_one_name_on_every_page(locale: str, word: str, instead: str):
    # The map, the wall and the publication say "åsiktsgrupp"; a second word for the same
    # groups on the samtal console reads as a second kind of group.
    found = [key for key, text in catalogue(locale).items() if word in text.lower()]
    assert found == [], f"{found} say {word!r}, the rest of the product {instead!r}"

"""`pip install .` ships templates, static files, migrations and translations."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        capture_output=True, text=True, check=False, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    [built] = out.glob("dialog-*.whl")
    return zipfile.ZipFile(built)


@pytest.mark.parametrize("expected", [
    "dialog/templates/base.html",
    "dialog/static/vendor/socket.io/socket.io.min.js",
    "dialog/migrations/env.py",
    "dialog/migrations/versions/0001_foundation.py",
    "dialog/translations/sv/errors.json",
    "dialog/translations/en/errors.json",
    "phases/base.py",
])
def test_the_wheel_contains(wheel: zipfile.ZipFile, expected: str):
    assert expected in wheel.namelist()


def test_the_wheel_ships_every_phase_translation_file(wheel: zipfile.ZipFile):
    sources = {str(p.relative_to(ROOT)) for p in ROOT.glob("phases/*/translations/*.json")}
    assert sorted(sources - set(wheel.namelist())) == []


def test_the_wheel_declares_the_console_script(wheel: zipfile.ZipFile):
    [entry_points] = [n for n in wheel.namelist() if n.endswith("entry_points.txt")]
    assert "dialog = dialog.cli:main" in wheel.read(entry_points).decode()


def test_an_installed_wheel_serves_pages_from_inside_the_package(wheel, tmp_path: Path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                    str(target), wheel.filename], check=True, timeout=300)
    site, instance = str(target), str(tmp_path / "instance")
    phase_folders = len(list(ROOT.glob("phases/*/translations")))
    probe = (
        "import dialog, dialog.paths\n"
        "from dialog.config import Settings\n"
        "from dialog.web.app import create_app\n"
        f"assert dialog.__file__.startswith({site!r}), dialog.__file__\n"
        f"assert str(dialog.paths.templates_dir()).startswith({site!r})\n"
        "from pathlib import Path\n"
        "settings = Settings(database_url='sqlite://', secret_key='x',\n"
        f"                    instance_dir=Path({instance!r}))\n"
        "app = create_app(settings)\n"
        "from dialog.i18n import phase_translation_folders\n"
        f"assert all(str(p).startswith({site!r}) for p in phase_translation_folders())\n"
        f"assert len(phase_translation_folders()) == {phase_folders}\n"
        "print(app.test_client().get('/').status_code)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True,
                            text=True, env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
                            check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "200"

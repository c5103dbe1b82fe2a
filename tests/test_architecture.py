"""The core (models, services, analysis) stays free of Flask; the public surface is pinned."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE = ["dialog.models", "dialog.services", "dialog.events", "dialog.database",
        "dialog.demo", "dialog.i18n", "dialog.config", "dialog.publication"]


def test_the_core_imports_without_flask():
    probe = (
        "import sys, importlib, pkgutil\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('flask', 'flask_socketio'):\n"
        "            raise ImportError('core must not import ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for name in {CORE!r}:\n"
        "    module = importlib.import_module(name)\n"
        "    for info in pkgutil.walk_packages(getattr(module, '__path__', []), name + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "import dialog.analysis\n"
        "for info in pkgutil.walk_packages(dialog.analysis.__path__, 'dialog.analysis.'):\n"
        "    importlib.import_module(info.name)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("path", sorted((ROOT / "dialog").rglob("*.py")), ids=lambda p: str(
    p.relative_to(ROOT)))
def test_modules_stay_small(path: Path):
    assert len(path.read_text(encoding="utf-8").splitlines()) < 400


def test_the_cli_offers_the_documented_commands():
    from dialog.cli import cli

    assert {"serve", "db", "facilitator", "demo"} <= set(cli.commands)
    assert "upgrade" in cli.commands["db"].commands
    assert "create" in cli.commands["facilitator"].commands

"""The shape of the house: a Flask-free kernel and phase domain, no import cycles, small modules.

- The kernel (models, services, operations, actions, policy, schemas, analysis, ...) imports no
  Flask, and neither does any module of a phase package that is not one of its faces.
- The module-level imports among ``dialog`` and ``phases`` form no cycle.
- No module reaches 400 lines; no module is called ``utils``.
- The public surface of the CLI is pinned.
"""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("dialog", "phases")

#: Kernel packages and modules that must import without Flask (every submodule is checked).
CORE = ["dialog.actions", "dialog.analysis", "dialog.config", "dialog.database", "dialog.demo",
        "dialog.errors", "dialog.events", "dialog.i18n", "dialog.migrate", "dialog.models",
        "dialog.operations", "dialog.paths", "dialog.policy", "dialog.publication",
        "dialog.schemas", "dialog.services"]
#: Kernel packages checked the same way once they exist.
CORE_WHEN_PRESENT: list[str] = []

#: The faces of a phase: the modules that may import Flask. A module of a phase package is a
#: face when a part of its dotted name (below ``phases``) is one of these words or ends in
#: ``_<word>`` (``proposal_pages``). ``__init__`` (a package) holds the phase's install code.
#: ``broadcast`` and ``scheduler`` emit to, or run inside, the Socket.IO server: the live face.
#: ``jobs`` run in ``dialog worker`` inside an app context: a boundary like a request.
FACES = {"api", "live", "pages", "forms", "web", "broadcast", "scheduler", "jobs"}

#: Packages made of a Flask-free domain and faces: the phases, and the kernel's generic phase
#: machinery once it has a package of its own.
WITH_FACES = ["phases"]
WITH_FACES_WHEN_PRESENT = ["dialog.phasing"]

FLASK = ("flask", "flask_socketio")


# --- discovering modules without importing them ----------------------------------------------

def _modules(package: str) -> Iterator[tuple[str, Path, bool]]:
    """Yield (dotted name, file, is_package) for a package and everything below it."""
    folder = ROOT / package.replace(".", "/")
    yield package, folder / "__init__.py", True
    for info in pkgutil.iter_modules([str(folder)]):
        name = f"{package}.{info.name}"
        if info.ispkg:
            yield from _modules(name)
        else:
            yield name, folder / f"{info.name}.py", False


def all_modules() -> dict[str, tuple[Path, bool]]:
    """Every module of dialog and phases: name -> (file, is_package)."""
    return {name: (path, is_package) for package in PACKAGES
            for name, path, is_package in _modules(package) if path.is_file()}


def is_face(name: str) -> bool:
    parts = name.split(".")[1:]
    return any(part == face or part.endswith(f"_{face}") for part in parts for face in FACES)


# --- importing with Flask blocked ------------------------------------------------------------

PROBE = """
import importlib, json, sys, types

BLOCKED = {blocked!r}


class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in BLOCKED:
            raise ImportError('imports ' + name + ' (Flask)')


sys.meta_path.insert(0, Block())
failures = {{}}
# A package whose __init__ (install code) needs Flask is replaced by an empty package, so that
# its Flask-free modules can still be imported on their own.
for name, folder in {stub!r}:
    try:
        importlib.import_module(name)
    except ImportError:
        package = types.ModuleType(name)
        package.__path__ = [folder]
        sys.modules[name] = package
        if '.' in name:
            parent, _, child = name.rpartition('.')
            setattr(sys.modules[parent], child, package)
for name in {modules!r}:
    try:
        importlib.import_module(name)
    except Exception as exc:
        failures[name] = type(exc).__name__ + ': ' + str(exc)
print(json.dumps(failures))
"""


def import_without_flask(modules: list[str], stub: list[tuple[str, str]] = ()) -> dict[str, str]:
    """Import the modules in a fresh interpreter with Flask blocked; return the failures."""
    probe = PROBE.format(blocked=FLASK, stub=list(stub), modules=modules)
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_kernel_imports_without_flask():
    modules = all_modules()
    roots = CORE + [name for name in CORE_WHEN_PRESENT if name in modules]
    wanted = [name for name in modules if _below(name, roots)]
    assert set(CORE) <= set(modules), set(CORE) - set(modules)
    failures = import_without_flask(wanted)
    assert not failures, "\n".join(f"{name}: {why}" for name, why in sorted(failures.items()))


def _below(name: str, roots: list[str]) -> bool:
    return any(name == root or name.startswith(root + ".") for root in roots)


def test_phase_domain_modules_import_without_flask():
    """Operations and services of a phase import no Flask; only its faces may."""
    modules = all_modules()
    roots = WITH_FACES + [name for name in WITH_FACES_WHEN_PRESENT if name in modules]
    packages = sorted(((name, str(path.parent)) for name, (path, is_package) in modules.items()
                       if is_package and _below(name, roots)),
                      key=lambda item: item[0].count("."))
    domain = sorted(name for name, (_, is_package) in modules.items()
                    if _below(name, roots) and not is_package and not is_face(name))
    failures = import_without_flask(domain, packages)
    assert not failures, "\n".join(f"{name}: {why}" for name, why in sorted(failures.items()))


# --- the import graph ------------------------------------------------------------------------

def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _module_level_imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Imports that run when the module is imported: not in functions, not for type checkers."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                yield from _module_level_imports(ast.Module(body=[child], type_ignores=[]))
        else:
            yield from _module_level_imports(node)


def _resolve(name: str, known: set[str]) -> str | None:
    """The longest prefix of a dotted name that is one of our modules."""
    while name:
        if name in known:
            return name
        name = name.rpartition(".")[0]
    return None


def import_graph() -> nx.DiGraph:
    """Module-level import edges among the modules of dialog and phases."""
    modules = all_modules()
    known = set(modules)
    graph = nx.DiGraph()
    graph.add_nodes_from(known)
    for name, (path, is_package) in modules.items():
        package = name if is_package else name.rpartition(".")[0]
        for node in _module_level_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                # ``from a import b`` imports the module a.b when there is one, else a name of a.
                targets = [f"{base}.{alias.name}" for alias in node.names]
            for target in targets:
                found = _resolve(target, known)
                if found and found != name:
                    graph.add_edge(name, found)
    return graph


def import_cycles() -> list[list[str]]:
    """One cycle per strongly connected group of modules that import each other."""
    graph = import_graph()
    cycles = []
    for component in nx.strongly_connected_components(graph):
        if len(component) > 1:
            edges = nx.find_cycle(graph.subgraph(component))
            cycles.append([edge[0] for edge in edges] + [edges[0][0]])
    return sorted(cycles)


def test_the_import_graph_sees_the_imports():
    graph = import_graph()
    assert graph.has_edge("dialog.actions.call", "dialog.policy")
    assert not graph.has_edge("dialog.models", "dialog.web")


def test_no_import_cycles():
    cycles = import_cycles()
    listing = "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)
    assert not cycles, listing


# --- size and names --------------------------------------------------------------------------

def _python_files() -> list[Path]:
    return sorted(path for package in PACKAGES for path in (ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("path", _python_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_stay_small(path: Path):
    assert len(path.read_text(encoding="utf-8").splitlines()) < 400


def test_no_module_is_called_utils():
    named = [name for name in all_modules() if name.rpartition(".")[2] == "utils"]
    assert not named, f"name what it does instead: {named}"


def test_the_cli_offers_the_documented_commands():
    from dialog.cli import cli

    assert {"serve", "worker", "db", "facilitator", "demo"} <= set(cli.commands)
    assert "upgrade" in cli.commands["db"].commands
    assert "create" in cli.commands["facilitator"].commands

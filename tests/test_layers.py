"""Imports between the apps point downward, in the order of README.md ("Layers").

An app's core (models, services, ...) imports only apps below it. Its pages and commands (views,
urls, forms, admin, templatetags, management commands) sit on top of every app's services, as
the API does: they may import any app below the API, never the API or the project's wiring.
"""
import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "randwijzer"

# Bottom first.
LAYERS = ["text", "catalogue", "changes", "ops", "matching", "figures", "deadlines", "wies", "accounts",
          "dossiers", "flash", "suggestions", "editorial", "feeds", "opendata", "pages", "api"]
PROJECT = {"settings", "urls", "wsgi", "cli"}  # the project's wiring: above every app
INTERFACE = {"views", "urls", "forms", "admin", "templatetags", "management"}


def randwijzer_imports(path: Path) -> set[str]:
    """The randwijzer packages a module imports (absolute imports; relative ones stay in the app)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [f"{node.module}.{alias.name}" for alias in node.names] if node.module == "randwijzer" else [node.module]
        found |= {name.split(".")[1] for name in names if name.startswith("randwijzer.")}
    return found


def modules():
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC).parts
        if len(parts) > 1 and parts[0] in LAYERS and "migrations" not in parts:
            yield parts[0], path, any(p.removesuffix(".py") in INTERFACE for p in parts[1:])


def upward_imports() -> list[str]:
    below_api = set(LAYERS[:LAYERS.index("api")])
    wrong = []
    for app, path, interface in modules():
        allowed = below_api if interface else set(LAYERS[:LAYERS.index(app)])
        for target in sorted(randwijzer_imports(path) - {app} - allowed):
            wrong.append(f"{path.relative_to(SRC)} imports randwijzer.{target}")
    return wrong


def test_every_app_is_in_a_layer():
    apps = {p.name for p in SRC.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert apps == set(LAYERS)


def test_imports_point_downward():
    assert upward_imports() == []


def test_the_catalogue_imports_only_the_text_helpers():
    imported = set()
    for app, path, interface in modules():
        if app == "catalogue" and not interface:
            imported |= randwijzer_imports(path) - {"catalogue"}
    assert imported <= {"text"}


def test_the_readme_names_the_same_layers():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Layers", 1)[1].split("\n#", 1)[0]
    assert re.findall(r"`(\w+)`", section)[:len(LAYERS)] == LAYERS


@pytest.mark.parametrize("wrong", ["randwijzer.api", "randwijzer.matching.search"])
def test_an_upward_import_is_found(tmp_path, wrong):
    module = tmp_path / "m.py"
    module.write_text(f"import json\nfrom {wrong} import x\nfrom . import models\n", encoding="utf-8")
    assert randwijzer_imports(module) == {wrong.split(".")[1]}
